import {
  attendanceSchema,
  meetingActionInputSchema,
  meetingAddendumInputSchema,
  meetingCancelSchema,
  meetingNoteInputSchema,
  meetingNoteViewSchema,
  meetingReviewInputSchema,
  meetingReviewViewSchema,
  meetingStatusViewSchema,
  meetingStepSchema,
  meetingViewSchema,
  minutesSchema,
  personHuddleNotesSchema,
  taskViewSchema,
} from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { addAction, addAddendum, addNote, recordAttendance, reviewItem } from './capture.js';
import { minutesFileName, readMinutes } from './minutes.js';
import { renderMinutesPdf } from './minutes-pdf.js';
import { cancelMeeting, closeMeeting, startMeeting } from './moves.js';
import { readMeetingView, readPersonHuddleNotes } from './view.js';

const meetingParams = z.object({ id: z.uuid('Must be a meeting id') });
const itemParams = meetingParams.extend({ itemId: z.uuid('Must be an agenda item id') });
const personParams = z.object({ id: z.uuid('Must be a person id') });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const config = { personData: true };
const tags = ['huddle meetings'];
/** Starting and closing need no body; when one is sent it may carry the version read. */
const step = meetingStepSchema.nullish();

export async function huddleMeetingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const context = (request: Parameters<typeof accessContext>[0]) => accessContext(request, deps, 'direct_care');

  r.get('/huddles/meetings/:id', {
    config,
    schema: {
      tags,
      summary: "The meeting on one screen: each person's summary, notes, decisions and actions, attendance, the lawful basis",
      params: meetingParams,
      response: { 200: meetingViewSchema, ...errors },
    },
    handler: (request) => readMeetingView(db, context(request), request.params.id),
  });

  r.post('/huddles/meetings/:id/start', {
    config,
    schema: { tags, summary: 'Start a scheduled meeting (the chair or a member)', params: meetingParams, body: step, response: { 200: meetingStatusViewSchema, ...errors } },
    handler: (request) => startMeeting(db, context(request), request.params.id, request.body?.version),
  });

  r.post('/huddles/meetings/:id/close', {
    config,
    schema: { tags, summary: 'Close the meeting and freeze its record (the chair)', params: meetingParams, body: step, response: { 200: meetingStatusViewSchema, ...errors } },
    handler: (request) => closeMeeting(db, context(request), request.params.id, request.body?.version),
  });

  r.post('/huddles/meetings/:id/cancel', {
    config,
    schema: { tags, summary: 'Cancel a scheduled meeting, with a reason (the chair)', params: meetingParams, body: meetingCancelSchema, response: { 200: meetingStatusViewSchema, ...errors } },
    handler: (request) => cancelMeeting(db, context(request), request.params.id, request.body.reason, request.body.version),
  });

  r.post('/huddles/meetings/:id/items/:itemId/notes', {
    config,
    schema: { tags, summary: 'Record a note or a decision about the person, live', params: itemParams, body: meetingNoteInputSchema, response: { 201: meetingNoteViewSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await addNote(db, context(request), request.params.id, request.params.itemId, request.body)),
  });

  r.post('/huddles/meetings/:id/items/:itemId/actions', {
    config,
    schema: {
      tags,
      summary: "Agree an action: a task for the item's person from this meeting, with an owner in the network, a due date and a priority",
      params: itemParams,
      body: meetingActionInputSchema,
      response: { 201: taskViewSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await addAction(db, context(request), request.params.id, request.params.itemId, request.body)),
  });

  r.put('/huddles/meetings/:id/items/:itemId/review', {
    config,
    schema: {
      tags,
      summary: 'Mark the item reviewed, with when to discuss again and who presented',
      params: itemParams,
      body: meetingReviewInputSchema,
      response: { 200: meetingReviewViewSchema, ...errors },
    },
    handler: (request) => reviewItem(db, context(request), request.params.id, request.params.itemId, request.body),
  });

  r.put('/huddles/meetings/:id/attendance', {
    config,
    schema: { tags, summary: 'Who attended, in which role (members of the network)', params: meetingParams, body: attendanceSchema, response: { 200: meetingStatusViewSchema, ...errors } },
    handler: (request) => recordAttendance(db, context(request), request.params.id, request.body),
  });

  r.post('/huddles/meetings/:id/addenda', {
    config,
    schema: {
      tags,
      summary: 'Add an addendum to a closed meeting, signed and dated: about one item, or the meeting',
      params: meetingParams,
      body: meetingAddendumInputSchema,
      response: { 201: meetingNoteViewSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await addAddendum(db, context(request), request.params.id, request.body)),
  });

  r.get('/huddles/meetings/:id/minutes', {
    config,
    schema: {
      tags,
      summary: "The closed meeting's minutes for the printable page (each person shown recorded as printed)",
      params: meetingParams,
      response: { 200: minutesSchema, ...errors },
    },
    handler: (request) => readMinutes(db, context(request), request.params.id, 'print'),
  });

  r.get('/huddles/meetings/:id/minutes.pdf', {
    config,
    schema: { tags, summary: "The closed meeting's minutes as a PDF (each person in it recorded as exported)", params: meetingParams, response: { ...errors } },
    handler: async (request, reply) => {
      const minutes = await readMinutes(db, context(request), request.params.id, 'export');
      const pdf: unknown = await renderMinutesPdf(minutes);
      // Bytes, not JSON: the route's schemas describe only its problems, so the PDF goes out as is.
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${minutesFileName(minutes)}"`)
        .send(pdf as never);
    },
  });

  r.get('/people/:id/huddle-notes', {
    config,
    schema: { tags, summary: "The person's huddle notes, decisions and addenda across meetings", params: personParams, response: { 200: personHuddleNotesSchema, ...errors } },
    handler: (request) => readPersonHuddleNotes(db, context(request), request.params.id),
  });
}
