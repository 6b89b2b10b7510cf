/**
 * A meeting's agenda over HTTP, the meeting named by its series and day: build (or refresh),
 * read, add a person by hand with an SBAR, reorder, and set the time for one item. These name
 * people, so every one goes through the access gate (`personData: true`).
 */
import { agendaItemViewSchema, agendaMinutesSchema, agendaOrderSchema, huddleAgendaViewSchema, isIsoDate, manualAgendaItemSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { addManualItem, buildMeetingAgenda, readMeetingAgenda, reorderMeetingAgenda, setAgendaItemMinutes } from './agenda.js';

const huddleErrors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const meetingParams = z.object({
  id: z.uuid('Must be a huddle series id'),
  date: z.string().refine(isIsoDate, 'Must be the day of the meeting, written as YYYY-MM-DD'),
});
const itemParams = meetingParams.extend({ personId: z.uuid('Must be a person id') });
const config = { personData: true };
const tags = ['huddles'];
const AGENDA = '/huddles/series/:id/meetings/:date/agenda';

export async function agendaRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  api.post(AGENDA, {
    config,
    schema: {
      tags,
      summary: 'Build the agenda of a meeting from what happened since the last one, or refresh it keeping the order and times set',
      params: meetingParams,
      response: { 200: huddleAgendaViewSchema, ...huddleErrors },
    },
    handler: (request) => buildMeetingAgenda(db, accessContext(request, deps), request.params.id, request.params.date),
  });

  api.get(AGENDA, {
    config,
    schema: { tags, summary: 'The agenda of a meeting, each item with why it is there', params: meetingParams, response: { 200: huddleAgendaViewSchema, ...huddleErrors } },
    handler: (request) => readMeetingAgenda(db, accessContext(request, deps), request.params.id, request.params.date),
  });

  api.post(`${AGENDA}/items`, {
    config,
    schema: {
      tags,
      summary: 'Add a person to the agenda with an SBAR summary; refused (409) for a person who objects to MDT discussion',
      params: meetingParams,
      body: manualAgendaItemSchema,
      response: { 201: agendaItemViewSchema, ...huddleErrors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await addManualItem(db, accessContext(request, deps), request.params.id, request.params.date, request.body)),
  });

  api.put(`${AGENDA}/order`, {
    config,
    schema: {
      tags,
      summary: 'Put the agenda in a new order (the chair, standing members and network leads): every person on it, once',
      params: meetingParams,
      body: agendaOrderSchema,
      response: { 200: huddleAgendaViewSchema, ...huddleErrors },
    },
    handler: (request) => reorderMeetingAgenda(db, accessContext(request, deps), request.params.id, request.params.date, request.body),
  });

  api.put(`${AGENDA}/items/:personId/minutes`, {
    config,
    schema: {
      tags,
      summary: 'Set aside time for one item (1 to 60 minutes), or clear it with null',
      params: itemParams,
      body: agendaMinutesSchema,
      response: { 200: huddleAgendaViewSchema, ...huddleErrors },
    },
    handler: (request) =>
      setAgendaItemMinutes(db, accessContext(request, deps), request.params.id, request.params.date, request.params.personId, request.body.minutes),
  });
}
