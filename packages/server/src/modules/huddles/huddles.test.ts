import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import {
  cancelMeeting,
  closeMeeting,
  huddleWorld,
  insertTask,
  markReviewed,
  recordAttendance,
  seriesBody,
  type HuddleWorld,
} from '../../../test/huddle-fixtures.js';
import { rowsOf } from '../../platform/db/client.js';

/** A Monday; the huddle meets on Tuesdays at 10:00 in England (09:00 UTC in summer). */
const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let w: HuddleWorld;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  w = await huddleWorld(t.database.db, NOW);
});
afterAll(() => t?.close());

const send = (method: 'GET' | 'POST' | 'PUT', url: string, who: StaffSession, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });

async function count(table: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`);
  return row!.n;
}

async function createSeries(overrides: Record<string, unknown> = {}, who = w.gp) {
  const made = await send('POST', '/huddles/series', who, seriesBody(w, overrides));
  expect(made.statusCode, made.body).toBe(201);
  return made.json();
}

describe('setting up a huddle series', () => {
  it('is done by a member of the network, with a chair and standing members from it', async () => {
    const series = await createSeries();
    expect(series).toMatchObject({
      name: 'Tollgate Surgery huddle',
      scope: 'practice',
      practiceId: w.practiceId,
      practiceName: 'Tollgate Surgery',
      networkId: w.networkId,
      weekday: 'tuesday',
      startTime: '10:00',
      frequency: 'weekly',
      firstMeetingOn: '2026-06-02',
      chair: { staffId: w.gp.staffId, name: 'Dr Asha Patel' },
      standingMembers: [{ staffId: w.nurse.staffId, name: 'Grace Mensah' }],
      version: 1,
      mayChange: true,
    });
    expect((await send('GET', `/huddles/series/${series.id}`, w.nurse)).json()).toMatchObject({ id: series.id, mayChange: false });
    expect((await send('GET', `/huddles/series/${series.id}`, w.lead)).json()).toMatchObject({ mayChange: true });
  });

  it('refuses a first meeting on another weekday, naming the field, and writes nothing', async () => {
    const before = await count('huddle_series');
    const bad = await send('POST', '/huddles/series', w.gp, seriesBody(w, { firstMeetingOn: '2026-06-03' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'firstMeetingOn', reason: 'The first meeting must be on a Tuesday; this date is a Wednesday' }]);
    const badDay = await send('POST', '/huddles/series', w.gp, seriesBody(w, { weekday: 'someday' }));
    expect(badDay.json().errors[0].field).toBe('weekday');
    expect(await count('huddle_series')).toBe(before);
  });

  it('refuses a chair or standing member from outside the network, naming each, and writes nothing', async () => {
    const before = [await count('huddle_series'), await count('huddle_series_member')];
    const bad = await send('POST', '/huddles/series', w.gp, seriesBody(w, { chairStaffId: w.outsider.staffId, standingMemberStaffIds: [w.nurse.staffId, w.commissioner.staffId] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'chairStaffId', reason: 'The chair must be a member of the huddle’s network' },
      { field: 'standingMemberStaffIds.1', reason: 'Each standing member must be a member of the huddle’s network' },
    ]);
    const unknownPractice = await send('POST', '/huddles/series', w.gp, seriesBody(w, { scope: { kind: 'practice', practiceId: w.trust } }));
    expect(unknownPractice.json().errors).toEqual([{ field: 'scope.practiceId', reason: 'No GP practice has this id' }]);
    expect([await count('huddle_series'), await count('huddle_series_member')]).toEqual(before);
  });

  it('is refused to staff outside the network and to roles that do not work agendas, the refusal recorded', async () => {
    const outside = await send('POST', '/huddles/series', w.outsider, seriesBody(w));
    expect(outside.statusCode).toBe(403);
    expect(await send('POST', '/huddles/series', w.commissioner, seriesBody(w)).then((r) => r.statusCode)).toBe(403);
    const [denied] = await rowsOf<{ outcome: string; resource_type: string; reason: string }>(
      t.database.db,
      sql`SELECT outcome, resource_type, reason FROM audit_event WHERE actor_staff_id = ${w.outsider.staffId}::uuid ORDER BY sequence DESC LIMIT 1`,
    );
    expect(denied).toEqual({ outcome: 'denied', resource_type: 'huddle_series', reason: 'not_network_member' });
  });

  it('lists the huddles of my networks, and shows no one else’s', async () => {
    const network = await createSeries({ name: 'Network huddle', scope: { kind: 'network', networkId: w.networkId }, chairStaffId: w.lead.staffId }, w.nurse);
    expect(network).toMatchObject({ scope: 'network', practiceId: null, networkName: 'Tollgate Surgery network' });
    const mine = (await send('GET', '/huddles/series', w.coordinator)).json().series.map((s: { id: string }) => s.id);
    expect(mine).toContain(network.id);
    expect((await send('GET', '/huddles/series', w.outsider)).json().series).toEqual([]);
    expect((await send('GET', `/huddles/series/${network.id}`, w.outsider)).statusCode).toBe(403);
  });
});

describe('changing a series', () => {
  it('is for the chair or a network lead, at the version read', async () => {
    const series = await createSeries({ name: 'To change' });
    const change = (who: StaffSession, body: object) => send('PUT', `/huddles/series/${series.id}`, who, { ...seriesBody(w), ...body });
    expect((await change(w.nurse, { version: 1, place: 'Room 3' })).statusCode).toBe(403);
    const changed = await change(w.gp, { version: 1, place: 'Room 3', standingMemberStaffIds: [w.nurse.staffId, w.coordinator.staffId] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ place: 'Room 3', version: 2, standingMembers: [{ name: 'Grace Mensah' }, { name: 'Kemi Bello' }] });
    const stale = await change(w.lead, { version: 1, place: 'Room 4' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2 });
    expect((await change(w.lead, { version: 2, place: 'Room 4' })).json()).toMatchObject({ place: 'Room 4', version: 3 });
    const moved = await change(w.gp, { version: 3, scope: { kind: 'practice', practiceId: w.elsewherePracticeId } });
    expect(moved.json().errors).toEqual([{ field: 'scope', reason: 'A huddle stays with its network: set up a new huddle for another network' }]);
  });
});

describe('the calendar', () => {
  let series: { id: string; name: string };
  beforeAll(async () => {
    series = await createSeries({ name: 'Calendar huddle' });
    await cancelMeeting(t.database.db, series.id, '2026-06-09', new Date('2026-06-09T09:00:00Z'), 'Practice training afternoon');
  });

  it('lists the meetings to come in England’s time, with a cancellation as stored', async () => {
    const listed = await send('GET', `/huddles/series/${series.id}/calendar?count=3`, w.nurse);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().meetings).toEqual([
      expect.objectContaining({ date: '2026-06-02', startsAt: '2026-06-02T09:00:00.000Z', endsAt: '2026-06-02T10:00:00.000Z', state: 'scheduled', meetingId: null }),
      expect.objectContaining({ date: '2026-06-09', state: 'cancelled', cancelledReason: 'Practice training afternoon' }),
      expect.objectContaining({ date: '2026-06-16', state: 'scheduled', place: 'Tollgate Surgery, library' }),
    ]);
    const winter = (await send('GET', `/huddles/series/${series.id}/calendar?from=2026-11-01&count=1`, w.nurse)).json().meetings;
    expect(winter).toEqual([expect.objectContaining({ date: '2026-11-03', startsAt: '2026-11-03T10:00:00.000Z' })]);
    expect((await send('GET', `/huddles/series/${series.id}/calendar?count=0`, w.nurse)).json().errors[0].field).toBe('count');
    expect((await send('GET', `/huddles/series/${series.id}/calendar`, w.outsider)).statusCode).toBe(403);
  });

  it('lists my meetings across the huddles I chair or sit on', async () => {
    const fortnightly = await createSeries({ name: 'Fortnightly huddle', weekday: 'thursday', firstMeetingOn: '2026-06-04', frequency: 'fortnightly' }, w.nurse);
    const mine = (await send('GET', '/huddles/calendar?count=40', w.gp)).json().meetings as { seriesId: string; date: string }[];
    expect(mine.filter((m) => m.seriesId === fortnightly.id).map((m) => m.date).slice(0, 3)).toEqual(['2026-06-04', '2026-06-18', '2026-07-02']);
    expect(mine.length).toBe(40);
    expect((await send('GET', '/huddles/calendar', w.outsider)).json().meetings).toEqual([]);
  });

  it('exports an iCalendar file with the meetings and nothing about any person', async () => {
    const ics = await send('GET', `/huddles/series/${series.id}/calendar.ics`, w.nurse);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.headers['content-disposition']).toBe('attachment; filename="huddle.ics"');
    const text = ics.body.replaceAll("\r\n ", "");
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain(`UID:huddle-meeting-${series.id}-2026-06-02@huddles.kith`);
    expect(text).toContain('DTSTART:20260602T090000Z');
    expect(text).toContain('SUMMARY:Calendar huddle');
    expect(text).toContain('LOCATION:Tollgate Surgery\\, library');
    const cancelled = text.split('BEGIN:VEVENT').find((event) => event.includes('DTSTART:20260609T090000Z'))!;
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:1');
    expect(text).not.toMatch(/NHS|Lovelace/);
    const mine = await send('GET', '/huddles/calendar.ics', w.gp);
    expect(mine.headers['content-disposition']).toBe('attachment; filename="my-huddles.ics"');
    expect(mine.body).toContain('SUMMARY:Fortnightly huddle');
    expect((await send('GET', `/huddles/series/${series.id}/calendar.ics`, w.outsider)).statusCode).toBe(403);
  });

  it('stores a meeting on one of its days, so that day can be cancelled by the chair', async () => {
    const stored = await send('POST', `/huddles/series/${series.id}/meetings/2026-06-23`, w.nurse);
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json()).toMatchObject({ date: '2026-06-23', state: 'scheduled', startsAt: '2026-06-23T09:00:00.000Z' });
    const again = await send('POST', `/huddles/series/${series.id}/meetings/2026-06-23`, w.gp);
    expect(again.json().meetingId).toBe(stored.json().meetingId);
    const cancelled = await send('POST', `/huddles/meetings/${stored.json().meetingId}/cancel`, w.gp, { reason: 'Bank holiday week' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const listed = (await send('GET', `/huddles/series/${series.id}/calendar?from=2026-06-23&count=1`, w.nurse)).json().meetings;
    expect(listed).toEqual([expect.objectContaining({ date: '2026-06-23', state: 'cancelled', cancelledReason: 'Bank holiday week' })]);
    const offDay = await send('POST', `/huddles/series/${series.id}/meetings/2026-06-24`, w.gp);
    expect(offDay.json().errors).toEqual([{ field: 'date', reason: 'This huddle does not meet on 2026-06-24: it meets every week on Tuesday from 2026-06-02' }]);
    expect((await send('POST', `/huddles/series/${series.id}/meetings/2026-06-30`, w.outsider)).statusCode).toBe(403);
  });

  it('moves the meetings still to come when the time changes, raising their sequence', async () => {
    const built = await send('POST', `/huddles/series/${series.id}/meetings/2026-06-16/agenda`, w.gp);
    expect(built.statusCode).toBe(200);
    const current = (await send('GET', `/huddles/series/${series.id}`, w.gp)).json();
    const changed = await send('PUT', `/huddles/series/${series.id}`, w.gp, { ...seriesBody(w, { name: 'Calendar huddle', startTime: '13:00' }), version: current.version });
    expect(changed.statusCode).toBe(200);
    const meetings = (await send('GET', `/huddles/series/${series.id}/calendar?count=3`, w.gp)).json().meetings;
    expect(meetings[2]).toMatchObject({ date: '2026-06-16', startsAt: '2026-06-16T12:00:00.000Z', meetingId: built.json().meeting.id });
    const ics = (await send('GET', `/huddles/series/${series.id}/calendar.ics`, w.gp)).body;
    const event = ics.split('BEGIN:VEVENT').find((e) => e.includes('DTSTART:20260616T120000Z'))!;
    expect(event).toContain('SEQUENCE:2');
  });
});

describe('huddle measures', () => {
  it('counts meetings held, attendance by role, people discussed, actions on time and items rolled over', async () => {
    const db = t.database.db;
    const series = await createSeries({ name: 'Measured huddle' });
    const [ada, ben, cy] = [await insertPerson(db, w.practiceId, 'Ada Measure'), await insertPerson(db, w.practiceId, 'Ben Measure'), await insertPerson(db, w.practiceId, 'Cy Measure')];
    const meetingIds: string[] = [];
    for (const [date, people] of [['2026-06-02', [ada, ben]], ['2026-06-09', [ben, cy]]] as const) {
      await send('POST', `/huddles/series/${series.id}/meetings/${date}/agenda`, w.gp);
      for (const personId of people) await send('POST', `/huddles/series/${series.id}/meetings/${date}/agenda/items`, w.gp, { personId, sbar: SBAR });
      const meetingId = (await send('GET', `/huddles/series/${series.id}/meetings/${date}/agenda`, w.gp)).json().meeting.id;
      meetingIds.push(meetingId);
      await markReviewed(db, meetingId, people[0], date, 2);
      await recordAttendance(db, meetingId, [{ staffId: w.gp.staffId, role: 'gp' }, { staffId: w.nurse.staffId, role: 'nurse' }], NOW);
      await closeMeeting(db, meetingId);
    }
    const [first, second] = meetingIds as [string, string];
    const task = (over: object) => insertTask(db, { personId: ada, networkId: w.networkId, createdBy: w.gp.staffId, meetingId: first, ...over });
    await task({ state: 'done', dueOn: '2026-06-10', firstDueOn: '2026-06-10', completedOn: '2026-06-09' });
    await task({ state: 'done', dueOn: '2026-06-20', firstDueOn: '2026-06-10', completedOn: '2026-06-15' });
    await task({ state: 'open', meetingId: second });
    await task({ state: 'cancelled' });

    const query = `/huddles/measures?networkId=${w.networkId}&from=2026-06-01&to=2026-06-30`;
    const lead = await send('GET', query, w.lead);
    expect(lead.statusCode, lead.body).toBe(200);
    expect(lead.json()).toEqual({
      networkId: w.networkId,
      from: '2026-06-01',
      to: '2026-06-30',
      smallNumbersSuppressed: false,
      meetingsHeld: 2,
      attendanceByRole: [
        { role: 'gp', attendances: 2, meetings: 2 },
        { role: 'nurse', attendances: 2, meetings: 2 },
      ],
      peopleDiscussed: 2,
      actionsCreated: 4,
      actionsCompleted: 2,
      actionsCompletedOnTime: 1,
      actionsCancelled: 1,
      itemsRolledOver: 2,
      longestCarried: 1,
    });
    const commissioner = (await send('GET', query, w.commissioner)).json();
    expect(commissioner).toMatchObject({ smallNumbersSuppressed: true, meetingsHeld: 2, peopleDiscussed: 'suppressed', actionsCreated: 'suppressed' });
    expect((await send('GET', query, w.gp)).statusCode).toBe(403);
    expect((await send('GET', query, w.outsider)).statusCode).toBe(403);
    const backwards = await send('GET', `/huddles/measures?networkId=${w.networkId}&from=2026-06-30&to=2026-06-01`, w.lead);
    expect(backwards.json().errors).toEqual([{ field: 'to', reason: 'The end of the range must not be before its start' }]);
  });
});

describe('the API description', () => {
  it('describes the huddle routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/huddles/series', '/api/v1/huddles/series/{id}/meetings/{date}/agenda', '/api/v1/huddles/measures']),
    );
  });
});

const SBAR = { situation: 'Falls at home', background: 'Lives alone', assessment: 'Frailty rising', recommendation: 'Therapist visit' };
