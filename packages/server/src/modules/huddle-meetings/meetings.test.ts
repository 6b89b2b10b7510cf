import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCareTeam, insertPerson, openReferral, staffWithSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';
import {
  type HuddleScene,
  addAgendaItem,
  createMeeting,
  huddleScene,
  insertCondition,
  insertEncounter,
  insertOpenTask,
  recordMdtObjection,
} from '../../../test/meeting-fixtures.js';
import { rowsOf } from '../../platform/db/client.js';

/** Tuesday 2 June 2026, the morning of the huddle. */
const NOW = new Date('2026-06-02T09:00:00Z');
let t: TestApp;
let s: HuddleScene;
let meetingId: string;
let edna: string;
let stan: string;
let elsewhere: string;
let objector: string;
const items: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  s = await huddleScene(db, NOW);
  edna = await insertPerson(db, s.practiceId, 'Edna Walsh');
  stan = await insertPerson(db, s.practiceId, 'Stan Ogden');
  objector = await insertPerson(db, s.practiceId, 'Hilda Baker');
  // Registered at a practice in another network: only the chair, on her care team, has a relationship.
  const parkway = await createPractice(db, 'Parkway Surgery', 'Y90002');
  elsewhere = await insertPerson(db, parkway.practiceId, 'Albert Tatlock');
  await addToCareTeam(db, elsewhere, s.chair.staffId, s.practiceId, NOW);

  await insertCondition(db, edna, '44054006', 'Diabetes mellitus type 2', '2015-04-01');
  await insertCondition(db, edna, '84114007', 'Heart failure', '2021-09-12');
  await insertEncounter(db, edna, '2026-05-10', '2026-05-14');
  await insertEncounter(db, edna, '2025-10-01', '2025-10-03'); // eight months ago: not recent
  const coordinator = await staffWithSession(db, 'coordinator', s.trust, NOW, 'Pat Ince');
  await addToCareTeam(db, edna, coordinator.staffId, s.trust, NOW, true);
  await openReferral(db, edna, s.networkId, NOW);
  await insertOpenTask(db, { personId: edna, networkId: s.networkId, ownerStaffId: s.nurse.staffId, title: 'Check her inhaler technique', dueOn: '2026-05-29', now: NOW });

  // Standing members: two of the network's team, and a nurse who has since left the network.
  await db.execute(sql`INSERT INTO huddle_series_member (series_id, staff_id)
    SELECT ${s.seriesId}::uuid, id FROM unnest(${sql.param([s.nurse.staffId, s.pharmacist.staffId, s.outsider.staffId])}::uuid[]) AS id`);
  meetingId = await createMeeting(db, { seriesId: s.seriesId, meetsOn: '2026-06-02', state: 'in_progress', objectionsWithheld: 2 });
  const manual = { kind: 'manual' as const, sbar: { situation: 'Two falls this week', background: 'Lives alone', assessment: 'Frail', recommendation: 'Falls clinic' }, addedBy: s.nurse.staffId, addedAt: '2026-05-28T10:00:00.000Z' };
  items.edna = await addAgendaItem(db, { meetingId, personId: edna, position: 1, reasons: [{ kind: 'hospital_event', event: 'discharge', encounterId: 'e1', on: '2026-05-14' }, manual], carriedCount: 1, minutes: 10, sbar: manual.sbar });
  items.stan = await addAgendaItem(db, { meetingId, personId: stan, position: 2 });
  items.elsewhere = await addAgendaItem(db, { meetingId, personId: elsewhere, position: 3 });
  items.objector = await addAgendaItem(db, { meetingId, personId: objector, position: 4 });
  await recordMdtObjection(db, objector, NOW);
}, 60_000);
afterAll(() => t?.close());

const view = (who: { auth: Record<string, string> }, id = meetingId) => t.app.inject({ method: 'GET', url: `/api/v1/huddles/meetings/${id}`, headers: who.auth });

function eventsOf(requestId: string) {
  return rowsOf<{ subject_person_id: string | null; resource_type: string; resource_id: string | null; action: string; outcome: string; reason: string | null; purpose: string }>(
    t.database.db,
    sql`SELECT subject_person_id, resource_type, resource_id, action, outcome, reason, purpose FROM audit_event WHERE request_id = ${requestId} ORDER BY sequence`,
  );
}

describe('the meeting view', () => {
  it('shows the meeting, the lawful basis and each person in order with their summary', async () => {
    const response = await view(s.nurse);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.meeting).toMatchObject({
      id: meetingId,
      title: 'Tollgate Surgery huddle, 2 June 2026',
      seriesName: 'Tollgate Surgery huddle',
      date: '2026-06-02',
      startsAt: '2026-06-02T11:30:00.000Z',
      place: 'Tollgate Surgery, meeting room 2',
      state: 'in_progress',
      chair: { staffId: s.chair.staffId, name: 'Dr Asha Patel' },
      youChair: false,
      objectionsWithheld: null,
      objectionsNotice: null,
      nextStates: ['closed'],
    });
    expect(body.lawfulBasis).toBe("Direct care: discussed to plan this person's care; people who object are not discussed");
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([items.edna, items.stan, items.elsewhere]);

    const [first] = body.items;
    expect(first).toMatchObject({
      personId: edna,
      person: { name: 'Edna Walsh', age: 86, dateOfBirth: '1940-01-01' },
      reasons: [
        { kind: 'hospital_event', text: 'Discharged from hospital on 14 May 2026' },
        { kind: 'manual', text: 'Raised by a team member: Two falls this week' },
      ],
      sbar: { recommendation: 'Falls clinic' },
      carriedCount: 1,
      minutes: 10,
      reviewed: false,
      presenter: null,
      withheld: null,
      notes: [],
      actions: [],
    });
    expect(first.summary).toMatchObject({
      conditions: [
        { code: '44054006', display: 'Diabetes mellitus type 2', onsetDate: '2015-04-01' },
        { code: '84114007', display: 'Heart failure', onsetDate: '2021-09-12' },
      ],
      recentHospitalEvents: [{ class: 'inpatient', emergency: true, startDate: '2026-05-10', endDate: '2026-05-14' }],
      namedCoordinator: { name: 'Pat Ince', organisationName: 'Croydon Health Services', email: expect.stringContaining('@example.test'), phone: null },
      openReferrals: [{ networkName: 'Tollgate Surgery network', status: 'received' }],
      openTasks: [{ title: 'Check her inhaler technique', dueOn: '2026-05-29', overdue: true, owner: { kind: 'staff', name: 'Grace Mensah' } }],
      planHeadline: null,
    });
    expect(body.items[1].summary).toMatchObject({ conditions: [], recentHospitalEvents: [], namedCoordinator: null, openReferrals: [], openTasks: [] });
  });

  it('records a read of the huddle notes and of the summary for each person shown, and nothing for the one withheld', async () => {
    const response = await view(s.nurse);
    const events = await eventsOf(String(response.headers['x-request-id']));
    expect(events).toEqual(
      [edna, stan].flatMap((personId, i) =>
        ['huddle_notes', 'summary'].map((resource) => ({
          subject_person_id: personId,
          resource_type: resource,
          resource_id: [items.edna, items.stan][i],
          action: 'read',
          outcome: 'allowed',
          reason: null,
          purpose: 'direct_care',
        })),
      ),
    );
  });
});

describe('who the series expects in the room', () => {
  it('lists the chair, then the standing members by name, each with the roles attendance takes', async () => {
    const body = (await view(s.nurse)).json();
    expect(body.members).toEqual([
      { staffId: s.chair.staffId, name: 'Dr Asha Patel', chair: true, roles: [{ role: 'gp', roleLabel: 'GP' }] },
      { staffId: s.nurse.staffId, name: 'Grace Mensah', chair: false, roles: [{ role: 'nurse', roleLabel: 'Community nurse' }] },
      { staffId: s.pharmacist.staffId, name: 'Ian Holt', chair: false, roles: [{ role: 'pharmacist', roleLabel: 'Pharmacist' }] },
      // Not a member of the network: no role in which attendance would take her.
      { staffId: s.outsider.staffId, name: 'Olu Adeyemi', chair: false, roles: [] },
    ]);
  });

  it('takes attendance in the roles it lists', async () => {
    const body = (await view(s.chair)).json();
    const attendees = body.members
      .filter((m: { roles: unknown[] }) => m.roles.length > 0)
      .map((m: { staffId: string; roles: { role: string }[] }) => ({ staffId: m.staffId, role: m.roles[0]!.role }));
    const response = await t.app.inject({ method: 'PUT', url: `/api/v1/huddles/meetings/${meetingId}/attendance`, headers: s.chair.auth, payload: { attendees } });
    expect(response.statusCode).toBe(200);
    expect(response.json().attendance.map((a: { name: string }) => a.name)).toEqual(['Dr Asha Patel', 'Grace Mensah', 'Ian Holt']);
  });
});

describe('confidential notes: a relationship opens them', () => {
  beforeAll(async () => {
    await t.database.db.execute(sql`INSERT INTO huddle_note (id, meeting_id, agenda_item_id, person_id, kind, text, written_by, written_at)
      VALUES (gen_random_uuid(), ${meetingId}::uuid, ${items.elsewhere}::uuid, ${elsewhere}::uuid, 'note', 'Moved in with his daughter in Purley',
              ${s.chair.staffId}::uuid, ${NOW.toISOString()}::timestamptz)`);
  });

  it('shows a network member the item of someone they have no relationship with only as a place, with the reason', async () => {
    const body = (await view(s.nurse)).json();
    const hidden = body.items.find((i: { id: string }) => i.id === items.elsewhere);
    expect(hidden).toMatchObject({ personId: null, person: null, reasons: [], summary: null, notes: [], actions: [], position: 3 });
    expect(hidden.withheld).toMatch(/not on this person's care team/);
    expect(body.withheldCount).toBe(1);
    expect(body.withheldNotice).toBe('1 person on this agenda is not shown to you: you have no relationship with them that opens their huddle notes');
    expect(JSON.stringify(body)).not.toContain('Albert');
    expect(JSON.stringify(body)).not.toContain('Purley');
  });

  it('shows the chair, on his care team, his notes', async () => {
    const body = (await view(s.chair)).json();
    const item = body.items.find((i: { id: string }) => i.id === items.elsewhere);
    expect(item.person.name).toBe('Albert Tatlock');
    expect(item.notes).toEqual([expect.objectContaining({ kind: 'note', text: 'Moved in with his daughter in Purley', writtenBy: { staffId: s.chair.staffId, name: 'Dr Asha Patel' } })]);
    expect(body.withheldCount).toBe(0);
  });

  it('refuses a volunteer outright, even on the network team, and records the refusal', async () => {
    const response = await view(s.volunteer);
    expect(response.statusCode).toBe(403);
    for (const name of ['Edna', 'Stan', 'Albert', 'Purley', 'Tollgate Surgery huddle']) expect(response.body).not.toContain(name);
    expect(await eventsOf(String(response.headers['x-request-id']))).toEqual([
      expect.objectContaining({ subject_person_id: null, resource_type: 'huddle_notes', action: 'read', outcome: 'denied', reason: 'role_excludes_resource' }),
    ]);
  });

  it('refuses a nurse outside the network, and records it', async () => {
    const response = await view(s.outsider);
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('Edna');
    expect(await eventsOf(String(response.headers['x-request-id']))).toEqual([
      expect.objectContaining({ resource_type: 'huddle_meeting', action: 'read', outcome: 'denied', reason: 'not_network_member' }),
    ]);
  });

  it("reads a person's huddle notes across meetings through the gate", async () => {
    const mine = await t.app.inject({ method: 'GET', url: `/api/v1/people/${elsewhere}/huddle-notes`, headers: s.chair.auth });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      personId: elsewhere,
      notes: [{ meetingId, meetingTitle: 'Tollgate Surgery huddle, 2 June 2026', meetingState: 'in_progress', text: 'Moved in with his daughter in Purley' }],
    });
    for (const who of [s.nurse, s.volunteer, s.outsider]) {
      const refused = await t.app.inject({ method: 'GET', url: `/api/v1/people/${elsewhere}/huddle-notes`, headers: who.auth });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain('Purley');
    }
  });
});

describe("a person's objection to MDT discussion", () => {
  it('leaves them off an open meeting, and the chair alone sees how many objected', async () => {
    const chairs = (await view(s.chair)).json();
    expect(chairs.items.map((i: { id: string }) => i.id)).not.toContain(items.objector);
    expect(chairs.meeting).toMatchObject({ youChair: true, objectionsWithheld: 3, objectionsNotice: '3 people objected and are not listed' });
    expect(JSON.stringify(chairs)).not.toContain('Hilda');
    const nurses = (await view(s.nurse)).json();
    expect(nurses.items.map((i: { id: string }) => i.id)).not.toContain(items.objector);
    expect(nurses.meeting.objectionsWithheld).toBeNull();
  });

  it('refuses notes about them (409) and writes nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/huddles/meetings/${meetingId}/items/${items.objector}/notes`,
      headers: s.nurse.auth,
      payload: { kind: 'note', text: 'Should not be written' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/objects to being discussed/);
    const [count] = await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM huddle_note WHERE person_id = ${objector}::uuid`);
    expect(count!.n).toBe(0);
  });
});

describe('bad requests', () => {
  it('answers 404 for an unknown meeting and 400 for a malformed id', async () => {
    expect((await view(s.nurse, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const malformed = await view(s.nurse, 'not-a-meeting');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('id');
  });
});
