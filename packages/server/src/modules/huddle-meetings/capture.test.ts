import { DomainError } from '@kith/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, sessionFor, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { type HuddleScene, createMeeting, huddleScene, meetingWithAgenda } from '../../../test/meeting-fixtures.js';
import { rowsOf } from '../../platform/db/client.js';
import { frozenAsConflict, isFrozenRefusal } from './frozen.js';

/** Tuesday 2 June 2026, during the huddle. */
const NOW = new Date('2026-06-02T11:45:00Z');
let t: TestApp;
let s: HuddleScene;
let meetingId: string;
let ednaItem: string;
let stanItem: string;
let edna: string;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  s = await huddleScene(db, NOW);
  edna = await insertPerson(db, s.practiceId, 'Edna Walsh');
  const stan = await insertPerson(db, s.practiceId, 'Stan Ogden');
  const meeting = await meetingWithAgenda(db, { seriesId: s.seriesId, meetsOn: '2026-06-02', personIds: [edna, stan] });
  meetingId = meeting.meetingId;
  [ednaItem, stanItem] = meeting.itemIds as [string, string];
}, 60_000);
afterAll(() => t?.close());

/** Moves the clock, signing everyone in afresh (a session ends after half an hour idle). */
async function at(when: Date) {
  t.setNow(when);
  for (const who of [s.chair, s.nurse, s.pharmacist, s.volunteer, s.outsider]) who.auth = await sessionFor(t.database.db, who.staffId, when);
}

type Method = 'GET' | 'POST' | 'PUT';
const send = (method: Method, path: string, who: StaffSession, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/huddles/meetings/${meetingId}${path}`, headers: who.auth, ...(payload ? { payload } : {}) });
const note = (who: StaffSession, payload: object = { kind: 'note', text: 'Lives alone; daughter visits weekly' }, item = ednaItem) =>
  send('POST', `/items/${item}/notes`, who, payload);
const action = (payload: object, who: StaffSession = s.nurse) => send('POST', `/items/${ednaItem}/actions`, who, payload);
const goodAction = () => ({ title: 'Book a falls clinic appointment', owner: { kind: 'staff', staffId: s.nurse.staffId }, dueOn: '2026-06-09', priority: 'high' });

async function count(table: 'task' | 'huddle_note' | 'huddle_attendance') {
  const [row] = await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row!.n;
}

describe('before the meeting starts', () => {
  it('takes no notes (409) and no addenda (409)', async () => {
    const early = await note(s.nurse);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('The meeting has not started: start it to record a note');
    expect((await send('POST', '/addenda', s.nurse, { text: 'Too early' })).json().detail).toBe(
      'The meeting is still open: change its record instead of adding an addendum',
    );
    expect(await count('huddle_note')).toBe(0);
  });
});

describe('starting and closing', () => {
  it('starts when a member starts it, with who and when, and refuses a second start', async () => {
    const started = await send('POST', '/start', s.nurse, { version: 1 });
    expect(started.statusCode).toBe(200);
    expect(started.json().meeting).toMatchObject({ state: 'in_progress', version: 2, openedBy: { staffId: s.nurse.staffId, name: 'Grace Mensah' }, openedAt: NOW.toISOString() });
    const again = await send('POST', '/start', s.chair);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('A meeting that is in progress can only become closed');
  });

  it('refuses a stale version with 409 naming the current one', async () => {
    const stale = await send('POST', '/close', s.chair, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2, errors: [{ field: 'version' }] });
  });

  it('lets only the chair close it', async () => {
    const refused = await send('POST', '/close', s.nurse, { version: 2 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('Only the chair of this huddle (Dr Asha Patel) can close the meeting.');
  });
});

describe('live capture', () => {
  it('records notes and decisions with who wrote them and when', async () => {
    t.setNow(new Date(NOW.getTime() - 60_000));
    expect((await note(s.nurse)).statusCode).toBe(201);
    t.setNow(NOW);
    const decision = await note(s.chair, { kind: 'decision', text: 'Refer to the falls clinic' });
    expect(decision.json()).toMatchObject({ kind: 'decision', itemId: ednaItem, personId: edna, writtenBy: { staffId: s.chair.staffId, name: 'Dr Asha Patel' }, writtenAt: NOW.toISOString() });
    const bad = await note(s.nurse, { kind: 'addendum', text: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'text']);
    const view = (await send('GET', '', s.nurse)).json();
    expect(view.items[0].notes.map((n: { kind: string; text: string }) => `${n.kind}: ${n.text}`)).toEqual([
      'note: Lives alone; daughter visits weekly',
      'decision: Refer to the falls clinic',
    ]);
  });

  it('turns an action into a task for the person, from this meeting and item', async () => {
    const created = await action(goodAction());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ title: 'Book a falls clinic appointment', personId: edna, meetingId, agendaItemId: ednaItem, networkId: s.networkId, dueOn: '2026-06-09', priority: 'high', state: 'open', owner: { kind: 'staff', name: 'Grace Mensah' } });
    t.setNow(new Date(NOW.getTime() + 60_000));
    const team = await action({ title: 'Review her medicines', owner: { kind: 'team', role: 'pharmacist' }, dueOn: '2026-06-02' });
    t.setNow(NOW);
    expect(team.json()).toMatchObject({ owner: { kind: 'team', role: 'pharmacist' }, priority: 'normal' });
    const view = (await send('GET', '', s.chair)).json();
    expect(view.items[0].actions.map((a: { title: string; owner: { name: string } }) => `${a.title} (${a.owner.name})`)).toEqual([
      'Book a falls clinic appointment (Grace Mensah)',
      'Review her medicines (Team: Pharmacist)',
    ]);
  });

  it.each([
    ['without an owner', { owner: undefined }, 'owner', /who owns this action/],
    ['without a due date', { dueOn: undefined }, 'dueOn', /due date/],
    ['due in the past', { dueOn: '2026-06-01' }, 'dueOn', /cannot be in the past/],
    ['owned by someone outside the network', { owner: 'outsider' }, 'owner.staffId', /not a member of the network/],
    ['owned by a team no one in the network is in', { owner: { kind: 'team', role: 'social_worker' } }, 'owner.role', /No one in the network/],
  ] as const)('refuses an action %s with a 4xx naming the field, and writes no task', async (_name, change, field, reason) => {
    const before = await count('task');
    const body: Record<string, unknown> = { ...goodAction(), ...change };
    if (body.owner === 'outsider') body.owner = { kind: 'staff', staffId: s.outsider.staffId };
    const refused = await action(body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]);
    expect(await count('task')).toBe(before);
  });

  it('marks an item reviewed with the cadence from the meeting date and who presented', async () => {
    const reviewed = await send('PUT', `/items/${ednaItem}/review`, s.chair, { reviewed: true, discussAgainInWeeks: 2, presenterStaffId: s.nurse.staffId });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json()).toEqual({
      itemId: ednaItem,
      reviewed: true,
      reviewedAt: NOW.toISOString(),
      presenter: { staffId: s.nurse.staffId, name: 'Grace Mensah' },
      discussAgainInWeeks: 2,
      nextReviewOn: '2026-06-16',
    });
    const none = await send('PUT', `/items/${stanItem}/review`, s.chair, { reviewed: true, discussAgainInWeeks: null });
    expect(none.json()).toMatchObject({ reviewed: true, discussAgainInWeeks: null, nextReviewOn: null, presenter: null });
    const missing = await send('PUT', `/items/${stanItem}/review`, s.chair, { reviewed: true });
    expect(missing.json().errors[0].field).toBe('discussAgainInWeeks');
    expect((await send('PUT', `/items/${stanItem}/review`, s.chair, { reviewed: true, discussAgainInWeeks: 53 })).json().errors[0].field).toBe('discussAgainInWeeks');
    const outsider = await send('PUT', `/items/${stanItem}/review`, s.chair, { reviewed: true, discussAgainInWeeks: 4, presenterStaffId: s.outsider.staffId });
    expect(outsider.json().errors).toEqual([{ field: 'presenterStaffId', reason: 'The presenter must be a member of the network' }]);
  });

  it('records attendance by role, for members of the network in roles they hold', async () => {
    const recorded = await send('PUT', '/attendance', s.chair, { attendees: [{ staffId: s.chair.staffId, role: 'gp' }, { staffId: s.nurse.staffId, role: 'nurse' }] });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().attendance).toEqual([
      { staffId: s.chair.staffId, name: 'Dr Asha Patel', role: 'gp', roleLabel: 'GP' },
      { staffId: s.nurse.staffId, name: 'Grace Mensah', role: 'nurse', roleLabel: 'Community nurse' },
    ]);
    const wrong = await send('PUT', '/attendance', s.chair, {
      attendees: [{ staffId: s.outsider.staffId, role: 'nurse' }, { staffId: s.pharmacist.staffId, role: 'gp' }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { field: 'attendees.0.staffId', reason: 'Olu Adeyemi is not a member of the network' },
      { field: 'attendees.1.role', reason: 'Ian Holt does not hold the role GP' },
    ]);
    expect(await count('huddle_attendance')).toBe(2);
  });

  it('refuses a volunteer and a non-member any capture, and records it', async () => {
    for (const who of [s.volunteer, s.outsider]) {
      expect((await note(who)).statusCode).toBe(403);
      expect((await action(goodAction(), who)).statusCode).toBe(403);
    }
  });
});

describe('closing freezes the record', () => {
  beforeAll(async () => {
    const closed = await send('POST', '/close', s.chair, { version: 2 });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().meeting).toMatchObject({ state: 'closed', version: 3, closedAt: NOW.toISOString(), closedBy: { staffId: s.chair.staffId }, nextStates: [] });
  });

  it('refuses every edit with a 409 naming the meeting, and writes nothing', async () => {
    const before = { notes: await count('huddle_note'), tasks: await count('task'), attendance: await count('huddle_attendance') };
    const answers = [
      await note(s.nurse),
      await action(goodAction()),
      await send('PUT', `/items/${stanItem}/review`, s.chair, { reviewed: true, discussAgainInWeeks: 1 }),
      await send('PUT', '/attendance', s.chair, { attendees: [] }),
      await send('POST', '/start', s.chair),
      await send('POST', '/cancel', s.chair, { reason: 'Too late' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([409, 409, 409, 409, 409, 409]);
    for (const answer of answers.slice(0, 4)) {
      expect(answer.json().detail).toBe('The meeting of 2 June 2026 is closed and its record is frozen: add an addendum instead');
    }
    expect(answers[4]!.json().detail).toBe('A closed meeting is frozen: add an addendum instead');
    expect({ notes: await count('huddle_note'), tasks: await count('task'), attendance: await count('huddle_attendance') }).toEqual(before);
  });

  it('is frozen in the database too: a reorder, a note or a change to the meeting by direct SQL is refused', async () => {
    const db = t.database.db;
    const attempts = [
      sql`UPDATE huddle_agenda_item SET position = 3 - position WHERE meeting_id = ${meetingId}::uuid`,
      sql`INSERT INTO huddle_note (id, meeting_id, agenda_item_id, person_id, kind, text, written_by, written_at)
          VALUES (gen_random_uuid(), ${meetingId}::uuid, ${ednaItem}::uuid, ${edna}::uuid, 'note', 'Late note', ${s.nurse.staffId}::uuid, now())`,
      sql`DELETE FROM huddle_attendance WHERE meeting_id = ${meetingId}::uuid`,
      sql`UPDATE huddle_meeting SET state = 'in_progress' WHERE id = ${meetingId}::uuid`,
    ];
    for (const attempt of attempts) {
      const error = await db.execute(attempt).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isFrozenRefusal(error)).toBe(true);
      const mapped = await frozenAsConflict(() => Promise.reject(error)).catch((e: unknown) => e);
      expect(mapped).toBeInstanceOf(DomainError);
      expect(mapped).toMatchObject({ code: 'conflict', message: 'The meeting was closed and its record is frozen: add an addendum instead' });
    }
    const positions = await rowsOf<{ position: number }>(db, sql`SELECT position FROM huddle_agenda_item WHERE meeting_id = ${meetingId}::uuid ORDER BY id`);
    expect(positions.map((p) => p.position).sort()).toEqual([1, 2]);
  });

  it('accepts an addendum, signed by its writer and dated, about an item or the meeting', async () => {
    const later = new Date('2026-06-03T08:15:00Z');
    await at(later);
    try {
      const signed = await send('POST', '/addenda', s.nurse, { text: 'Clinic booked for 10 June', itemId: ednaItem });
      expect(signed.statusCode).toBe(201);
      expect(signed.json()).toMatchObject({ kind: 'addendum', itemId: ednaItem, personId: edna, text: 'Clinic booked for 10 June', writtenBy: { staffId: s.nurse.staffId, name: 'Grace Mensah' }, writtenAt: later.toISOString() });
      const general = await send('POST', '/addenda', s.chair, { text: 'Attendance: Ian Holt joined by phone' });
      expect(general.json()).toMatchObject({ kind: 'addendum', itemId: null, personId: null });
      expect((await send('POST', '/addenda', s.chair, { text: ' ' })).json().errors[0].field).toBe('text');
      expect((await send('POST', '/addenda', s.chair, { text: 'x', itemId: '00000000-0000-4000-8000-000000000000' })).json().errors[0].field).toBe('itemId');
      const view = (await send('GET', '', s.nurse)).json();
      expect(view.items[0].notes.map((n: { kind: string }) => n.kind)).toEqual(['note', 'decision', 'addendum']);
      expect(view.addenda).toEqual([expect.objectContaining({ text: 'Attendance: Ian Holt joined by phone', writtenBy: { staffId: s.chair.staffId, name: 'Dr Asha Patel' } })]);
    } finally {
      await at(NOW);
    }
  });
});

describe('cancelling', () => {
  let cancelled: string;
  beforeAll(async () => {
    cancelled = await createMeeting(t.database.db, { seriesId: s.seriesId, meetsOn: '2026-06-09' });
  });
  const cancel = (who: StaffSession, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/huddles/meetings/${cancelled}/cancel`, headers: who.auth, payload });

  it('needs a reason, the chair, and a scheduled meeting', async () => {
    expect((await cancel(s.chair, {})).json().errors[0].field).toBe('reason');
    expect((await cancel(s.nurse, { reason: 'Bank holiday' })).statusCode).toBe(403);
    const done = await cancel(s.chair, { reason: 'Practice closed for training', version: 1 });
    expect(done.json().meeting).toMatchObject({ state: 'cancelled', cancelledReason: 'Practice closed for training', version: 2 });
    const start = await t.app.inject({ method: 'POST', url: `/api/v1/huddles/meetings/${cancelled}/start`, headers: s.chair.auth });
    expect(start.json().detail).toBe('A cancelled meeting cannot change');
    const attendance = await t.app.inject({ method: 'PUT', url: `/api/v1/huddles/meetings/${cancelled}/attendance`, headers: s.chair.auth, payload: { attendees: [] } });
    expect(attendance.json().detail).toBe('The meeting of 9 June 2026 was cancelled and has no record to change');
  });
});
