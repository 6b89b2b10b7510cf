/**
 * The demo borough's huddles, on the demo borough as `npm start` loads it (the default size and
 * seed), through the modules' own services: the series, the demo GP's held meetings frozen as
 * closed, the actions on the worklists and in the measures, and the agenda the chair builds on
 * the day the demo is as at.
 */
import { randomUUID } from 'node:crypto';
import { demoEmail, type StaffRole } from '@kith/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { buildMeetingAgenda } from '../../modules/huddles/agenda.js';
import { networkHuddleMeasures } from '../../modules/huddles/measures.js';
import { seriesById, type HuddleSeriesRecord } from '../../modules/huddles/queries.js';
import { isFrozenRefusal } from '../../modules/huddle-meetings/frozen.js';
import { readMeetingView } from '../../modules/huddle-meetings/view.js';
import { listWorklist } from '../../modules/tasks/service.js';
import type { AccessContext } from '../access/index.js';
import { rolesOf } from '../auth/session.js';
import { type Database, rowsOf } from '../db/client.js';
import { DEMO_FIRST_MEETING_DAYS_BEFORE, DEMO_HELD_MEETINGS_DAYS_BEFORE, DEMO_HUDDLE_TIME, DEMO_NEWLY_FOUND_PER_NETWORK } from './huddles.js';
import { synthesiseBorough } from './synthesise.js';

/** The demo's default borough; the reference date is a Wednesday. */
const OPTIONS = { seed: 2017, size: 3000, referenceDate: '2026-03-11' };
const REF = OPTIONS.referenceDate;
const NOW = new Date(`${REF}T08:00:00Z`);
const daysBefore = (days: number) => new Date(Date.parse(`${REF}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

let database: Database;
let drop: () => Promise<void>;
const ids: Partial<Record<StaffRole, string>> = {};
let demo: HuddleSeriesRecord;
let practiceNetwork: string;

async function contextOf(role: StaffRole): Promise<AccessContext> {
  const [staff] = await rowsOf<{ id: string; name: string; email: string }>(database.db, sql`SELECT id, name, email FROM staff WHERE email = ${demoEmail(role)}`);
  const actor = { staffId: staff!.id, name: staff!.name, email: staff!.email, roles: await rolesOf(database.db, staff!.id) };
  return { actor, now: NOW, requestId: randomUUID(), clientAddress: '127.0.0.1' };
}

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await synthesiseBorough(database.db, OPTIONS);
  const staff = await rowsOf<{ id: string; email: string }>(database.db, sql`SELECT id, email FROM staff WHERE email LIKE '%@demo.kith.test'`);
  for (const role of ['gp', 'nurse', 'coordinator', 'social_worker', 'pharmacist', 'network_lead'] as const) {
    ids[role] = staff.find((s) => s.email === demoEmail(role))!.id;
  }
  const [series] = await rowsOf<{ id: string }>(database.db, sql`SELECT id FROM huddle_series WHERE chair_staff_id = ${ids.gp!}::uuid`);
  demo = await seriesById(database.db, series!.id);
  const [practice] = await rowsOf<{ network_id: string }>(
    database.db,
    sql`SELECT p.network_id FROM staff_role sr JOIN practice p ON p.id = sr.organisation_id WHERE sr.staff_id = ${ids.gp!}::uuid`,
  );
  practiceNetwork = practice!.network_id;
}, 120_000);
afterAll(async () => {
  await database?.close();
  await drop?.();
});

describe('the demo huddle series', () => {
  it('gives every network one weekly network huddle at 10:00 on the reference date’s weekday, chaired by a GP of the network', async () => {
    const rows = await rowsOf<{ network: string; series: number; weekday: string; start_time: string; frequency: string; scope: string; first: string; chair_in_network: boolean }>(
      database.db,
      sql`SELECT n.id AS network, count(hs.id)::int AS series, min(hs.weekday) AS weekday, min(hs.start_time) AS start_time, min(hs.frequency) AS frequency,
                 min(hs.scope) AS scope, min(hs.first_meeting_on)::text AS first,
                 bool_and(EXISTS (SELECT 1 FROM staff_role sr JOIN practice p ON p.id = sr.organisation_id
                                  WHERE sr.staff_id = hs.chair_staff_id AND sr.role = 'gp' AND p.network_id = n.id)) AS chair_in_network
          FROM network n LEFT JOIN huddle_series hs ON hs.network_id = n.id GROUP BY n.id`,
    );
    expect(rows.length).toBe(6);
    for (const row of rows) {
      expect(row).toEqual({
        network: row.network,
        series: 1,
        weekday: 'wednesday',
        start_time: DEMO_HUDDLE_TIME,
        frequency: 'weekly',
        scope: 'network',
        first: daysBefore(DEMO_FIRST_MEETING_DAYS_BEFORE),
        chair_in_network: true,
      });
    }
  });

  it('has the demo GP chairing their own network’s huddle, with the demo nurse and coordinator among its standing members', () => {
    expect(demo.networkId).toBe(practiceNetwork);
    expect(demo.chair.staffId).toBe(ids.gp);
    const standing = demo.standingMembers.map((m) => m.staffId);
    expect(standing).toEqual(expect.arrayContaining([ids.nurse, ids.coordinator, ids.social_worker, ids.pharmacist]));
    expect(demo.place).toMatch(/, meeting room$/);
  });

  it('gives every series standing members of its own network, one in each role', async () => {
    const [row] = await rowsOf<{ outsiders: number; repeated: number; without: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM huddle_series_member m JOIN huddle_series hs ON hs.id = m.series_id
                  WHERE NOT EXISTS (SELECT 1 FROM team_member tm JOIN team t ON t.id = tm.team_id WHERE tm.staff_id = m.staff_id AND t.network_id = hs.network_id)) AS outsiders,
                 (SELECT count(*)::int FROM (SELECT m.series_id, sr.role FROM huddle_series_member m JOIN staff_role sr ON sr.staff_id = m.staff_id
                                             GROUP BY 1, 2 HAVING count(*) > 1) r) AS repeated,
                 (SELECT count(*)::int FROM huddle_series hs WHERE (SELECT count(*) FROM huddle_series_member m WHERE m.series_id = hs.id) < 6) AS without`,
    );
    expect(row).toEqual({ outsiders: 0, repeated: 0, without: 0 });
  });
});

describe('the demo GP’s meetings held', () => {
  let meetings: { id: string; meets_on: string; state: string }[];

  beforeAll(async () => {
    meetings = await rowsOf(database.db, sql`SELECT id, meets_on::text AS meets_on, state FROM huddle_meeting WHERE series_id = ${demo.id}::uuid ORDER BY meets_on`);
  });

  it('are two, 14 and 7 days before the reference date, both closed; no other series has a meeting yet', async () => {
    expect(meetings.map((m) => [m.meets_on, m.state])).toEqual(DEMO_HELD_MEETINGS_DAYS_BEFORE.map((d) => [daysBefore(d), 'closed']));
    const [others] = await rowsOf<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM huddle_meeting WHERE series_id <> ${demo.id}::uuid`);
    expect(others!.n).toBe(0);
  });

  it('recorded who came in which role, the people discussed with notes and decisions, and an item not reached at each', async () => {
    const gp = await contextOf('gp');
    for (const meeting of meetings) {
      const view = await readMeetingView(database.db, gp, meeting.id);
      expect(view.meeting.state).toBe('closed');
      expect(view.attendance.length).toBeGreaterThanOrEqual(5);
      expect(view.items.length).toBeGreaterThanOrEqual(4);
      expect(view.items.every((item) => item.withheld === null && item.person !== null)).toBe(true);
      const reviewed = view.items.filter((item) => item.reviewed);
      expect(reviewed.every((item) => item.notes.some((n) => n.kind === 'decision') && item.presenter !== null)).toBe(true);
      expect(view.items.filter((item) => !item.reviewed).length).toBe(1);
    }
    const [roles] = await rowsOf<{ mismatched: number }>(
      database.db,
      sql`SELECT count(*)::int AS mismatched FROM huddle_attendance a
          WHERE NOT EXISTS (SELECT 1 FROM staff_role sr WHERE sr.staff_id = a.staff_id AND sr.role = a.role)`,
    );
    expect(roles!.mismatched).toBe(0);
  });

  it('are frozen: the database refuses to change their agenda, notes, attendance or the meeting itself', async () => {
    const [meeting] = meetings;
    const db = database.db;
    const [item] = await rowsOf<{ id: string; person_id: string }>(db, sql`SELECT id, person_id FROM huddle_agenda_item WHERE meeting_id = ${meeting!.id}::uuid LIMIT 1`);
    const attempts = [
      sql`UPDATE huddle_agenda_item SET reviewed = NOT reviewed WHERE id = ${item!.id}::uuid`,
      sql`DELETE FROM huddle_note WHERE meeting_id = ${meeting!.id}::uuid`,
      sql`INSERT INTO huddle_note (id, meeting_id, agenda_item_id, person_id, kind, text, written_by, written_at)
          VALUES (${randomUUID()}::uuid, ${meeting!.id}::uuid, ${item!.id}::uuid, ${item!.person_id}::uuid, 'note', 'After the event', ${ids.gp!}::uuid, now())`,
      sql`DELETE FROM huddle_attendance WHERE meeting_id = ${meeting!.id}::uuid`,
      sql`UPDATE huddle_meeting SET state = 'in_progress' WHERE id = ${meeting!.id}::uuid`,
    ];
    for (const attempt of attempts) {
      const refused = await db.execute(attempt).then(() => undefined, (error: unknown) => error);
      expect(isFrozenRefusal(refused)).toBe(true);
    }
  });

  it('carried the first meeting’s unreached item to the second', async () => {
    const [first, second] = meetings;
    const rows = await rowsOf<{ carried: number; reasons: string }>(
      database.db,
      sql`SELECT b.carried_count AS carried, b.reasons::text AS reasons FROM huddle_agenda_item a
          JOIN huddle_agenda_item b ON b.person_id = a.person_id AND b.meeting_id = ${second!.id}::uuid
          WHERE a.meeting_id = ${first!.id}::uuid AND NOT a.reviewed`,
    );
    expect(rows).toEqual([{ carried: 1, reasons: '[{"kind": "carried_over", "meetings": 1}]' }]);
  });
});

describe('the actions from those meetings', () => {
  it('are tasks of the network with their trail: some done on time, one a team’s and overdue, one the demo nurse’s still open', async () => {
    const tasks = await rowsOf<{ title: string; state: string; due_on: string; completed_on: string | null; owner_staff_id: string | null; owner_role: string | null; version: number; events: string }>(
      database.db,
      sql`SELECT t.title, t.state, t.due_on::text AS due_on, t.completed_on::text AS completed_on, t.owner_staff_id, t.owner_role, t.version,
                 (SELECT string_agg(e.kind || ':' || e.to_state || ':' || e.version, ',' ORDER BY e.version) FROM task_event e WHERE e.task_id = t.id) AS events
          FROM task t JOIN huddle_meeting m ON m.id = t.meeting_id WHERE m.series_id = ${demo.id}::uuid AND t.network_id = ${demo.networkId}::uuid`,
    );
    expect(tasks.length).toBe(6);
    const done = tasks.filter((t) => t.state === 'done');
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(done.every((t) => t.completed_on! <= t.due_on && t.events === 'created:open:1,moved:done:2' && t.version === 2)).toBe(true);
    const overdue = tasks.filter((t) => t.state === 'open' && t.due_on < REF);
    expect(overdue.length).toBe(1);
    expect(overdue[0]!.owner_role).not.toBeNull();
    expect(tasks.some((t) => t.owner_staff_id === ids.nurse && t.state === 'open' && t.due_on >= REF)).toBe(true);
    expect(tasks.every((t) => t.events.startsWith('created:open:1'))).toBe(true);
  });

  it('are on the demo nurse’s worklists, naming the person', async () => {
    const nurse = await contextOf('nurse');
    const mine = await listWorklist(database.db, nurse, 'mine', {});
    expect(mine.notShown).toBe(0);
    expect(mine.tasks.some((t) => t.title === 'Review the care plan at a home visit' && t.person !== null)).toBe(true);
    const overdue = await listWorklist(database.db, nurse, 'overdue', {});
    expect(overdue.tasks.map((t) => [t.owner.kind, t.overdue])).toContainEqual(['team', true]);
  });

  it('count in the network lead’s huddle measures', async () => {
    const measures = await networkHuddleMeasures(database.db, await contextOf('network_lead'), { networkId: demo.networkId, from: daysBefore(28), to: REF });
    expect(measures).toMatchObject({ meetingsHeld: 2, actionsCreated: 6, actionsCompletedOnTime: 3, itemsRolledOver: 2, longestCarried: 1 });
    expect(measures.attendanceByRole.map((a) => a.role)).toEqual(expect.arrayContaining(['gp', 'nurse', 'coordinator']));
  });
});

describe('today’s meeting', () => {
  it('is not built until the chair builds its agenda, which is a working list: carried over, reviews due and open actions beside what the week brought', async () => {
    const [stored] = await rowsOf<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM huddle_meeting WHERE series_id = ${demo.id}::uuid AND meets_on = ${REF}::date`);
    expect(stored!.n).toBe(0);
    const agenda = await buildMeetingAgenda(database.db, await contextOf('gp'), demo.id, REF);
    expect(agenda.items.length).toBeGreaterThanOrEqual(5);
    expect(agenda.items.length).toBeLessThanOrEqual(40);
    const kinds = agenda.items.flatMap((item) => (item.reasons ?? []).map((r) => r.reason.kind));
    expect(kinds).toEqual(expect.arrayContaining(['carried_over', 'review_due', 'open_tasks']));
    expect(kinds.filter((k) => k === 'review_due').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'case_finding_new').length).toBeLessThanOrEqual(DEMO_NEWLY_FOUND_PER_NETWORK);
    expect(agenda.items[0]!.reasons![0]!.reason.kind).toBe('carried_over');
  });

  it('finds only a few people newly meeting the rule in each network: the rest were found before the first meeting', async () => {
    const rows = await rowsOf<{ network_id: string; recent: number; before_first: number; total: number }>(
      database.db,
      sql`SELECT pr.network_id, count(*) FILTER (WHERE c.first_found_at >= ${daysBefore(7)}::date)::int AS recent,
                 count(*) FILTER (WHERE c.first_found_at < ${daysBefore(DEMO_FIRST_MEETING_DAYS_BEFORE)}::date)::int AS before_first, count(*)::int AS total
          FROM case_finding_result c JOIN person p ON p.id = c.person_id JOIN practice pr ON pr.id = p.registered_practice_id GROUP BY 1`,
    );
    for (const row of rows) expect(row.recent).toBeLessThanOrEqual(DEMO_NEWLY_FOUND_PER_NETWORK);
    const total = rows.reduce((n, r) => n + r.total, 0);
    expect(rows.reduce((n, r) => n + r.before_first, 0)).toBeGreaterThan(total / 2);
  });
});
