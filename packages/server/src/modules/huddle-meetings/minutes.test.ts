import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCareTeam, insertPerson, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';
import { type HuddleScene, huddleScene, meetingWithAgenda } from '../../../test/meeting-fixtures.js';
import { rowsOf } from '../../platform/db/client.js';

/** Tuesday 2 June 2026, during the huddle. */
const NOW = new Date('2026-06-02T11:40:00Z');
let t: TestApp;
let s: HuddleScene;
let meetingId: string;
let edna: string;
let albert: string;
let items: string[];

const send = (method: 'GET' | 'POST' | 'PUT', path: string, who: StaffSession, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/huddles/meetings/${meetingId}${path}`, headers: who.auth, ...(payload ? { payload } : {}) });

/** Advances the clock a minute per write, so what was written reads back in order. */
let minute = 0;
function tick() {
  minute += 1;
  t.setNow(new Date(NOW.getTime() + minute * 60_000));
}

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  s = await huddleScene(db, NOW);
  edna = await insertPerson(db, s.practiceId, 'Edna Walsh');
  // At a practice of another network: only the chair, on his care team, may see him.
  albert = await insertPerson(db, (await createPractice(db, 'Parkway Surgery', 'Y90002')).practiceId, 'Albert Tatlock');
  await addToCareTeam(db, albert, s.chair.staffId, s.practiceId, NOW);
  ({ meetingId, itemIds: items } = await meetingWithAgenda(db, { seriesId: s.seriesId, meetsOn: '2026-06-02', personIds: [edna, albert] }));

  const steps: [string, 'POST' | 'PUT', string, StaffSession, object?][] = [
    ['start', 'POST', '/start', s.chair],
    ['attendance', 'PUT', '/attendance', s.chair, { attendees: [{ staffId: s.chair.staffId, role: 'gp' }, { staffId: s.nurse.staffId, role: 'nurse' }] }],
    ['note', 'POST', `/items/${items[0]}/notes`, s.nurse, { kind: 'note', text: 'Two falls since discharge; lives alone' }],
    ['decision', 'POST', `/items/${items[0]}/notes`, s.chair, { kind: 'decision', text: 'Refer to the falls clinic' }],
    ['action', 'POST', `/items/${items[0]}/actions`, s.chair, { title: 'Book the falls clinic', owner: { kind: 'staff', staffId: s.nurse.staffId }, dueOn: '2026-06-09' }],
    ['review', 'PUT', `/items/${items[0]}/review`, s.chair, { reviewed: true, discussAgainInWeeks: 4, presenterStaffId: s.nurse.staffId }],
    ['albert', 'POST', `/items/${items[1]}/notes`, s.chair, { kind: 'note', text: 'Moved in with his daughter in Purley' }],
  ];
  for (const [name, method, path, who, payload] of steps) {
    tick();
    const response = await send(method, path, who, payload);
    if (response.statusCode >= 300) throw new Error(`${name}: ${response.statusCode} ${response.body}`);
  }
}, 60_000);
afterAll(() => t?.close());

function eventsOf(requestId: string) {
  return rowsOf<{ subject_person_id: string | null; resource_type: string; action: string; outcome: string; purpose: string }>(
    t.database.db,
    sql`SELECT subject_person_id, resource_type, action, outcome, purpose FROM audit_event WHERE request_id = ${requestId} ORDER BY sequence`,
  );
}

describe('minutes', () => {
  it('are produced only once the meeting is closed', async () => {
    for (const path of ['/minutes', '/minutes.pdf']) {
      const early = await send('GET', path, s.chair);
      expect(early.statusCode).toBe(409);
      expect(early.json().detail).toBe('Minutes are produced once the meeting is closed; this one is in progress');
    }
    tick();
    expect((await send('POST', '/close', s.chair)).statusCode).toBe(200);
    tick();
    expect((await send('POST', '/addenda', s.nurse, { itemId: items[0], text: 'Clinic booked for 10 June' })).statusCode).toBe(201);
  });

  it('hold the meeting, attendance, each person with reasons, notes, decisions, actions and signed addenda, and the lawful basis', async () => {
    const response = await send('GET', '/minutes', s.chair);
    expect(response.statusCode).toBe(200);
    const minutes = response.json();
    expect(minutes.meeting).toMatchObject({ title: 'Tollgate Surgery huddle, 2 June 2026', state: 'closed', chair: { name: 'Dr Asha Patel' }, closedBy: { name: 'Dr Asha Patel' } });
    expect(minutes.lawfulBasis).toBe("Direct care: discussed to plan this person's care; people who object are not discussed");
    expect(minutes.attendance.map((a: { name: string; roleLabel: string }) => `${a.name}, ${a.roleLabel}`)).toEqual(['Dr Asha Patel, GP', 'Grace Mensah, Community nurse']);
    expect(minutes.items).toHaveLength(2);
    expect(minutes.items[0]).toMatchObject({
      person: { name: 'Edna Walsh', age: 86 },
      reasons: [{ kind: 'review_due', text: 'Review due on 26 May 2026' }],
      presenter: { name: 'Grace Mensah' },
      reviewed: true,
      discussAgainInWeeks: 4,
      nextReviewOn: '2026-06-30',
      notes: [{ text: 'Two falls since discharge; lives alone', writtenBy: { name: 'Grace Mensah' } }],
      decisions: [{ text: 'Refer to the falls clinic', writtenBy: { name: 'Dr Asha Patel' } }],
      actions: [{ title: 'Book the falls clinic', owner: { kind: 'staff', name: 'Grace Mensah' }, dueOn: '2026-06-09', priority: 'normal' }],
      addenda: [{ kind: 'addendum', text: 'Clinic booked for 10 June', writtenBy: { name: 'Grace Mensah' }, writtenAt: '2026-06-02T11:49:00.000Z' }],
    });
    expect(minutes).toMatchObject({ withheldCount: 0, withheldNotice: null, producedBy: { staffId: s.chair.staffId } });
  });

  it('record a print of each person in them, for direct care', async () => {
    const response = await send('GET', '/minutes', s.chair);
    expect(await eventsOf(String(response.headers['x-request-id']))).toEqual(
      [edna, albert].map((personId) => ({ subject_person_id: personId, resource_type: 'huddle_notes', action: 'print', outcome: 'allowed', purpose: 'direct_care' })),
    );
  });

  it('leave out, and count, the people whose notes the reader may not see', async () => {
    const response = await send('GET', '/minutes', s.nurse);
    const minutes = response.json();
    expect(minutes.items.map((i: { personId: string }) => i.personId)).toEqual([edna]);
    expect(minutes.withheldCount).toBe(1);
    expect(minutes.withheldNotice).toMatch(/^1 person on this agenda is not shown to you/);
    expect(response.body).not.toContain('Purley');
    expect(response.body).not.toContain('Albert');
    expect((await eventsOf(String(response.headers['x-request-id']))).map((e) => e.subject_person_id)).toEqual([edna]);
  });

  it('come as a PDF to download, each person in it recorded as exported', async () => {
    const response = await send('GET', '/minutes.pdf', s.chair);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="minutes-tollgate-surgery-huddle-2-june-2026.pdf"');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(1000);
    expect(await eventsOf(String(response.headers['x-request-id']))).toEqual(
      [edna, albert].map((personId) => ({ subject_person_id: personId, resource_type: 'huddle_notes', action: 'export', outcome: 'allowed', purpose: 'direct_care' })),
    );
  });

  it('are refused to a volunteer and to staff outside the network, and the refusal is recorded', async () => {
    for (const who of [s.volunteer, s.outsider]) {
      for (const path of ['/minutes', '/minutes.pdf']) {
        const refused = await send('GET', path, who);
        expect(refused.statusCode).toBe(403);
        expect(refused.body).not.toContain('Edna');
        const events = await eventsOf(String(refused.headers['x-request-id']));
        expect(events).toEqual([expect.objectContaining({ subject_person_id: null, outcome: 'denied', action: path === '/minutes' ? 'print' : 'export' })]);
      }
    }
  });
});
