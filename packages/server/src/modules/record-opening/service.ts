/**
 * The record as it opens: who the person is, the first page of their timeline and their My
 * Life plan, in one request. The gate reads the access facts once and decides each part; the
 * parts and the record of every look at them are then one statement, with no BEGIN and COMMIT
 * (a statement is its own transaction), where reading them one request at a time would cost
 * three answers, three readings of the facts and three commits.
 *
 * The person is required (403 or 404 as for GET /people/:id). A part the reader may not see is
 * null, not a refusal of the whole record, and its look is not recorded.
 */
import { type TimelineFilter, type TimelinePage, timelineFilterSchema } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import { auditInsertOf } from '../../platform/audit/record.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { planViewOf } from '../my-life-plan/present.js';
import { type PlanRows, planRowsJson } from '../my-life-plan/queries.js';
import { PLAN, todayOf } from '../my-life-plan/service.js';
import type { PlanView } from '../my-life-plan/views.js';
import { personRecordJson, type RecordRow } from '../people/record-query.js';
import { DEMOGRAPHICS, type PersonRecord, personRecordOf } from '../people/service.js';
import type { SourceRow } from '../timeline/sources.js';
import { timelineJson, timelineLooks, timelinePageOf } from '../timeline/service.js';

export interface RecordOpening {
  person: PersonRecord;
  /** The timeline's first page; null when the reader may not see it. */
  timeline: TimelinePage | null;
  /** Null when the reader may not see the plan. */
  plan: PlanView | null;
}

/** The page the timeline opens on: its first, at the default length. */
const FIRST_PAGE: TimelineFilter = timelineFilterSchema.parse({});

interface OpeningRow {
  person: RecordRow | null;
  timeline: SourceRow[] | null;
  plan: PlanRows | null;
}

export function openRecord(db: Db, context: AccessContext, personId: string): Promise<RecordOpening> {
  return withAccess(
    db,
    context,
    async (gate, statement) => {
      const person = await gate.requireInStatement(personId, 'read', DEMOGRAPHICS);
      const timeline = (await mayRead(gate, personId, 'summary')) ? await timelineLooks(gate, personId, FIRST_PAGE) : null;
      const plan = (await mayRead(gate, personId, PLAN.kind)) ? await gate.requireInStatement(personId, 'read', PLAN) : null;
      const events = [person.event, ...(timeline?.events ?? []), ...(plan ? [plan.event] : [])];
      const [row] = await rowsOf<OpeningRow>(
        statement,
        sql`WITH recorded AS (${auditInsertOf(events)})
          SELECT ${personRecordJson(personId)} AS person, ${timeline ? timelineJson(personId, FIRST_PAGE, timeline) : sql`NULL::json`} AS timeline,
            ${plan ? planRowsJson(personId) : sql`NULL::json`} AS plan`,
      );
      return {
        person: personRecordOf(row?.person ?? undefined, person.decision),
        timeline: timeline && row?.timeline ? timelinePageOf(row.timeline, FIRST_PAGE) : null,
        plan: plan && row?.plan ? planViewOf(personId, row.plan, todayOf(gate)) : null,
      };
    },
    { oneStatement: true },
  );
}

/** Whether the gate lets the reader open this part, as the part's own route would; deciding records nothing. */
async function mayRead(gate: AccessGate, personId: string, kind: 'summary' | 'plan'): Promise<boolean> {
  return (await gate.decide(personId, 'read', { kind })).outcome !== 'refused';
}
