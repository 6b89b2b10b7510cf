/**
 * Huddle measures for a network over a range of days, for later reporting: meetings held,
 * attendance by role, people discussed, actions created and completed on time, items rolled
 * over (core's huddleMeasures, on rows read here). A lead of the network sees the figures; a
 * commissioner or analyst sees them as aggregates, with counts of 1 to 7 people suppressed.
 * "On time" is against the due date first set (task.first_due_on): the promise the meeting made.
 */
import {
  type HuddleMeasuresQuery,
  type HuddleMeasuresView,
  type MeasureRows,
  type MeetingState,
  type StaffRole,
  type TaskState,
  DomainError,
  huddleMeasures,
  suppressSmallNumber,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { isNetworkMember, requireNetworkMember } from './membership.js';

/** The closed meetings of the network's series in the range, with their attendance, items and actions. */
async function measureRows(tx: Db, query: HuddleMeasuresQuery): Promise<MeasureRows> {
  const meetings = await rowsOf<{ id: string; date: string; state: MeetingState }>(
    tx,
    sql`SELECT m.id, m.meets_on::text AS date, m.state FROM huddle_meeting m JOIN huddle_series hs ON hs.id = m.series_id
        WHERE hs.network_id = ${query.networkId}::uuid AND m.state = 'closed' AND m.meets_on BETWEEN ${query.from}::date AND ${query.to}::date`,
  );
  const ids = sql`${sql.param(meetings.map((m) => m.id))}::uuid[]`;
  const attendance = await rowsOf<{ meetingId: string; staffId: string; role: StaffRole }>(
    tx,
    sql`SELECT meeting_id AS "meetingId", staff_id AS "staffId", role FROM huddle_attendance WHERE meeting_id = ANY(${ids})`,
  );
  const items = await rowsOf<{ meetingId: string; personId: string; reviewed: boolean; carriedCount: number }>(
    tx,
    sql`SELECT meeting_id AS "meetingId", person_id AS "personId", reviewed, carried_count AS "carriedCount"
        FROM huddle_agenda_item WHERE meeting_id = ANY(${ids})`,
  );
  const tasks = await rowsOf<{ id: string; meetingId: string | null; state: TaskState; dueOn: string; completedOn: string | null }>(
    tx,
    sql`SELECT id, meeting_id AS "meetingId", state, first_due_on::text AS "dueOn", completed_on::text AS "completedOn"
        FROM task WHERE meeting_id = ANY(${ids})`,
  );
  return { meetings, attendance, items, tasks };
}

const shown = (count: number, suppress: boolean) => (suppress ? suppressSmallNumber(count) : count);

export function networkHuddleMeasures(db: Db, context: AccessContext, query: HuddleMeasuresQuery): Promise<HuddleMeasuresView> {
  return withAccess(db, context, async (gate, tx) => {
    gate.requireRole('read', 'dashboard', { resourceId: `huddle_measures:${query.networkId}` });
    const [network] = await rowsOf<{ id: string }>(tx, sql`SELECT id FROM network WHERE id = ${query.networkId}::uuid`);
    if (!network) throw DomainError.field('networkId', 'No network has this id');
    const lead = gate.actor.roles.some((g) => g.role === 'network_lead') && (await isNetworkMember(gate, tx, query.networkId));
    const aggregatesOnly = gate.actor.roles.some((g) => g.role === 'commissioner' || g.role === 'analyst');
    if (!lead && !aggregatesOnly) {
      await requireNetworkMember(gate, tx, query.networkId, { what: 'see its huddle measures', action: 'read', roles: ['network_lead'], resourceType: 'huddle_measures' });
    }
    const m = huddleMeasures(await measureRows(tx, query), query.from, query.to);
    const suppress = !lead;
    return {
      networkId: query.networkId,
      from: m.from,
      to: m.to,
      smallNumbersSuppressed: suppress,
      meetingsHeld: m.meetingsHeld,
      attendanceByRole: m.attendanceByRole,
      peopleDiscussed: shown(m.peopleDiscussed, suppress),
      actionsCreated: shown(m.actionsCreated, suppress),
      actionsCompleted: shown(m.actionsCompleted, suppress),
      actionsCompletedOnTime: shown(m.actionsCompletedOnTime, suppress),
      actionsCancelled: shown(m.actionsCancelled, suppress),
      itemsRolledOver: shown(m.itemsRolledOver, suppress),
      longestCarried: m.longestCarried,
    };
  });
}
