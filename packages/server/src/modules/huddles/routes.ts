/**
 * Huddles over HTTP: series (set up, read, list, change), their calendar as JSON and as
 * iCalendar, the measures of a network's huddles, and (agenda-routes.ts) each meeting's agenda.
 * Series, calendars and measures name no person (`personData: false`), but each still needs a
 * signed-in member of staff of the network, checked in the service.
 */
import {
  huddleCalendarMeetingSchema,
  huddleCalendarQuerySchema,
  huddleCalendarSchema,
  huddleMeasuresQuerySchema,
  huddleMeasuresViewSchema,
  huddleSeriesChangeSchema,
  huddleSeriesListSchema,
  huddleSeriesSchema,
  huddleSeriesViewSchema,
  isIsoDate,
} from '@kith/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { agendaRoutes } from './agenda-routes.js';
import { myCalendar, myCalendarIcs, seriesCalendar, seriesCalendarIcs, storeMeetingOn } from './calendar.js';
import { networkHuddleMeasures } from './measures.js';
import { changeSeries, createSeries, listSeries, readSeries } from './service.js';

const seriesParams = z.object({ id: z.uuid('Must be a huddle series id') });
const huddleErrors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const config = { personData: false };
const tags = ['huddles'];

/** Text, not JSON: the route's schemas describe only its problems, so the calendar goes out as it is. */
function sendCalendar(reply: FastifyReply, ics: string, filename: string) {
  const body: unknown = ics;
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'private, no-store')
    .send(body as never);
}

export async function huddleRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.post('/huddles/series', {
    config,
    schema: {
      tags,
      summary: "Set up a practice's or network's huddle (members of the network in a care role); chair and standing members must be network members",
      body: huddleSeriesSchema,
      response: { 201: huddleSeriesViewSchema, ...huddleErrors },
    },
    handler: async (request, reply) => reply.code(201).send(await createSeries(db, accessContext(request, deps), request.body)),
  });

  r.get('/huddles/series', {
    config,
    schema: { tags, summary: 'The huddles of the networks I belong to', response: { 200: huddleSeriesListSchema, ...huddleErrors } },
    handler: async (request) => ({ series: await listSeries(db, accessContext(request, deps)) }),
  });

  r.get('/huddles/series/:id', {
    config,
    schema: { tags, summary: 'One huddle series, with its chair and standing members', params: seriesParams, response: { 200: huddleSeriesViewSchema, ...huddleErrors } },
    handler: (request) => readSeries(db, accessContext(request, deps), request.params.id),
  });

  r.put('/huddles/series/:id', {
    config,
    schema: {
      tags,
      summary: 'Change a huddle series (its chair or a network lead), at the version read; a stale one is refused with 409',
      params: seriesParams,
      body: huddleSeriesChangeSchema,
      response: { 200: huddleSeriesViewSchema, ...huddleErrors },
    },
    handler: (request) => changeSeries(db, accessContext(request, deps), request.params.id, request.body),
  });

  r.get('/huddles/series/:id/calendar', {
    config,
    schema: {
      tags,
      summary: "The series' upcoming meetings, with their state and any cancellation",
      params: seriesParams,
      querystring: huddleCalendarQuerySchema,
      response: { 200: huddleCalendarSchema, ...huddleErrors },
    },
    handler: async (request) => ({ meetings: await seriesCalendar(db, accessContext(request, deps), request.params.id, request.query) }),
  });

  r.post('/huddles/series/:id/meetings/:date', {
    config,
    schema: {
      tags,
      summary: 'Store the meeting on one of the series’ days, if it is not yet, so the meeting routes can take its id (to cancel it, say)',
      params: seriesParams.extend({ date: z.string().refine(isIsoDate, 'Must be the day of the meeting, written as YYYY-MM-DD') }),
      response: { 200: huddleCalendarMeetingSchema, ...huddleErrors },
    },
    handler: (request) => storeMeetingOn(db, accessContext(request, deps), request.params.id, request.params.date),
  });

  r.get('/huddles/series/:id/calendar.ics', {
    config,
    schema: { tags, summary: 'The series as an iCalendar file (no person is named in it)', params: seriesParams, response: { ...huddleErrors } },
    handler: async (request, reply) => sendCalendar(reply, await seriesCalendarIcs(db, accessContext(request, deps), request.params.id), 'huddle.ics'),
  });

  r.get('/huddles/calendar', {
    config,
    schema: {
      tags,
      summary: 'My upcoming huddle meetings, across every huddle I chair or sit on',
      querystring: huddleCalendarQuerySchema,
      response: { 200: huddleCalendarSchema, ...huddleErrors },
    },
    handler: async (request) => ({ meetings: await myCalendar(db, accessContext(request, deps), request.query) }),
  });

  r.get('/huddles/calendar.ics', {
    config,
    schema: { tags, summary: 'Every huddle I chair or sit on, as one iCalendar file', response: { ...huddleErrors } },
    handler: async (request, reply) => sendCalendar(reply, await myCalendarIcs(db, accessContext(request, deps)), 'my-huddles.ics'),
  });

  r.get('/huddles/measures', {
    config,
    schema: {
      tags,
      summary: "A network's huddle measures over a range of days (network leads; commissioners and analysts with small numbers suppressed)",
      querystring: huddleMeasuresQuerySchema,
      response: { 200: huddleMeasuresViewSchema, ...huddleErrors },
    },
    handler: (request) => networkHuddleMeasures(db, accessContext(request, deps), request.query),
  });

  await agendaRoutes(app, deps);
}
