import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import {
  acceptedReferral,
  caseFindingResult,
  closeMeeting,
  hospitalContact,
  huddleWorld,
  insertTask,
  markReviewed,
  mdtObjection,
  seriesBody,
  signInAgain,
  type HuddleWorld,
} from '../../../test/huddle-fixtures.js';
import { endedSocialPrescription } from '../../../test/directory-fixtures.js';
import { episodeIn, planReviewOn } from '../../../test/episode-fixtures.js';
import { rowsOf } from '../../platform/db/client.js';
import { condition } from '../../platform/db/schema.js';

/**
 * A weekly Tuesday huddle at Tollgate from 2 June 2026. The first meeting, 9 June, reads the week
 * from 2 June; the second, 16 June, reads from 9 June; the third, 23 June, from 16 June.
 */
const NOW = new Date('2026-06-08T09:00:00Z');
const M1 = '2026-06-09';
const M2 = '2026-06-16';
const M3 = '2026-06-23';
const SBAR = { situation: 'Two falls this week', background: 'Lives alone, COPD', assessment: 'Frailty rising', recommendation: 'Therapist home visit' };

let t: TestApp;
let w: HuddleWorld;
let seriesId: string;
const p: Record<string, string> = {};

interface ItemView {
  personId: string;
  position: number;
  person: { name: string; age: number } | null;
  reasons: { description: string; reason: { kind: string; event?: string; meetings?: number; count?: number } }[] | null;
  carriedCount: number;
  minutes: number | null;
}

const send = (method: 'GET' | 'POST' | 'PUT', url: string, who: StaffSession, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });
const agendaUrl = (date: string) => `/huddles/series/${seriesId}/meetings/${date}/agenda`;
const build = (date: string, who = w.gp) => send('POST', agendaUrl(date), who);
const itemOf = (agenda: { items: ItemView[] }, personId: string) => agenda.items.find((item) => item.personId === personId);
const kindsOf = (item: ItemView | undefined) => item?.reasons?.map((r) => (r.reason.kind === 'hospital_event' ? r.reason.event : r.reason.kind));

async function at(when: Date) {
  t.setNow(when);
  await signInAgain(t.database.db, w, when);
}

async function meetingIdOn(date: string): Promise<string> {
  const [row] = await rowsOf<{ id: string }>(t.database.db, sql`SELECT id FROM huddle_meeting WHERE series_id = ${seriesId}::uuid AND meets_on = ${date}::date`);
  return row!.id;
}

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  w = await huddleWorld(db, NOW);
  const made = await send('POST', '/huddles/series', w.gp, seriesBody(w));
  seriesId = made.json().id;
  for (const name of ['referred', 'lateReferral', 'found', 'oldFound', 'admitted', 'discharged', 'ae', 'both', 'objector', 'changedMind', 'tasked', 'quiet', 'manual']) {
    p[name] = await insertPerson(db, w.practiceId, `${name[0]!.toUpperCase()}${name.slice(1)} Person`);
  }
  p.elsewhere = await insertPerson(db, w.elsewherePracticeId, 'Elsewhere Person');
  p.parkside = await insertPerson(db, w.otherPracticeId, 'Parkside Person');

  await acceptedReferral(db, p.referred!, w.networkId, new Date('2026-06-04T11:00:00Z'));
  await acceptedReferral(db, p.lateReferral!, w.networkId, new Date('2026-05-20T11:00:00Z'));
  await caseFindingResult(db, p.found!, new Date('2026-06-05T02:00:00Z'));
  await caseFindingResult(db, p.oldFound!, new Date('2026-01-05T02:00:00Z'));
  await hospitalContact(db, p.admitted!, 'inpatient', '2026-06-03');
  await hospitalContact(db, p.discharged!, 'inpatient', '2026-05-20', '2026-06-06');
  await hospitalContact(db, p.ae!, 'emergency', '2026-06-07', '2026-06-07');
  await hospitalContact(db, p.both!, 'inpatient', '2026-06-04');
  await acceptedReferral(db, p.both!, w.networkId, new Date('2026-06-05T10:00:00Z'));
  await hospitalContact(db, p.objector!, 'inpatient', '2026-06-04');
  await mdtObjection(db, p.objector!, new Date('2026-05-01T10:00:00Z'));
  await hospitalContact(db, p.changedMind!, 'emergency', '2026-06-05');
  await mdtObjection(db, p.changedMind!, new Date('2026-05-01T10:00:00Z'));
  await mdtObjection(db, p.changedMind!, new Date('2026-05-10T10:00:00Z'), 'withdrawn');
  await insertTask(db, { personId: p.tasked!, networkId: w.networkId, createdBy: w.nurse.staffId });
  await hospitalContact(db, p.elsewhere!, 'inpatient', '2026-06-04');
  await hospitalContact(db, p.parkside!, 'inpatient', '2026-06-04');
  await hospitalContact(db, p.quiet!, 'inpatient', '2026-05-01', '2026-05-10');
  // Hospital events list only people the network already knows: these met a rule long ago.
  for (const name of ['admitted', 'discharged', 'ae', 'objector', 'changedMind', 'elsewhere', 'parkside', 'quiet', 'planned']) {
    p[name] ??= await insertPerson(db, w.practiceId, 'Planned Person');
    await caseFindingResult(db, p[name]!, new Date('2026-01-05T02:00:00Z'));
  }
  await hospitalContact(db, p.planned!, 'inpatient', '2026-06-03', '2026-06-03', '11');
  p.stranger = await insertPerson(db, w.practiceId, 'Stranger Person');
  await hospitalContact(db, p.stranger, 'inpatient', '2026-06-03');
  p.prescribed = await insertPerson(db, w.practiceId, 'Prescribed Person');
  await endedSocialPrescription(db, { personId: p.prescribed, staffId: w.gp.staffId, at: new Date('2026-06-05T10:00:00Z'), serviceName: 'Walking for Health' });
  p.prescribedLongAgo = await insertPerson(db, w.practiceId, 'Long Ago Person');
  await endedSocialPrescription(db, { personId: p.prescribedLongAgo, staffId: w.gp.staffId, at: new Date('2026-04-05T10:00:00Z'), serviceName: 'Lunch Club' });
  // My Life plans: one past review in support, one due after the meeting, one whose support ended.
  for (const [name, reviewOn, status] of [['planOverdue', '2026-06-01', 'active'], ['planLater', '2026-06-10', 'active'], ['planEnded', '2026-05-01', 'ended']] as const) {
    p[name] = await insertPerson(db, w.practiceId, `${name} Person`);
    await planReviewOn(db, p[name], reviewOn, NOW);
    await episodeIn(db, p[name], status, w.gp.staffId, NOW);
  }
});
afterAll(() => t?.close());

describe('the first agenda, from the week before it', () => {
  let agenda: { items: ItemView[]; objectionsWithheld: number; window: object; meeting: { id: string; state: string } };
  let requestId: string;

  beforeAll(async () => {
    const built = await build(M1);
    expect(built.statusCode, built.body).toBe(200);
    agenda = built.json();
    requestId = String(built.headers['x-request-id']);
  });

  it('reads the days since a week before the first meeting', () => {
    expect(agenda.window).toEqual({ from: '2026-06-02', to: M1 });
    expect(agenda.meeting.state).toBe('scheduled');
  });

  it('lists a referral accepted since then, but not one accepted before', () => {
    expect(kindsOf(itemOf(agenda, p.referred!))).toEqual(['referral_accepted']);
    expect(itemOf(agenda, p.referred!)!.reasons![0]!.description).toBe('Referral accepted on 4 June 2026');
    expect(itemOf(agenda, p.lateReferral!)).toBeUndefined();
  });

  it('lists My Life plans past their review date for people in support, and no others', () => {
    expect(kindsOf(itemOf(agenda, p.planOverdue!))).toEqual(['plan_review_due']);
    expect(itemOf(agenda, p.planOverdue!)!.reasons![0]!.description).toBe('My Life plan review due on 1 June 2026');
    expect(itemOf(agenda, p.planLater!)).toBeUndefined();
    expect(itemOf(agenda, p.planEnded!)).toBeUndefined();
  });

  it('lists social prescriptions that ended since then, with their outcome', () => {
    expect(kindsOf(itemOf(agenda, p.prescribed!))).toEqual(['social_prescribing']);
    expect(itemOf(agenda, p.prescribed!)!.reasons![0]!.description).toBe('Referred to Walking for Health: completed, needs met (5 June 2026)');
    expect(itemOf(agenda, p.prescribedLongAgo!)).toBeUndefined();
  });

  it('lists people newly meeting a case-finding rule, not those who met it long ago', () => {
    expect(kindsOf(itemOf(agenda, p.found!))).toEqual(['case_finding_new']);
    expect(itemOf(agenda, p.oldFound!)).toBeUndefined();
  });

  it('lists admissions, discharges and A&E attendances from the imported encounters', () => {
    expect(kindsOf(itemOf(agenda, p.admitted!))).toEqual(['admission']);
    expect(itemOf(agenda, p.admitted!)!.reasons![0]!.description).toBe('Admitted to hospital on 3 June 2026');
    expect(kindsOf(itemOf(agenda, p.discharged!))).toEqual(['discharge']);
    expect(kindsOf(itemOf(agenda, p.ae!))).toEqual(['ae_attendance']);
    expect(itemOf(agenda, p.quiet!)).toBeUndefined();
  });


  it('lists hospital events only of people the network knows, and only unplanned admissions', () => {
    expect(itemOf(agenda, p.stranger!)).toBeUndefined();
    // A planned day case: its discharge is news for the huddle, the booked admission is not.
    expect(kindsOf(itemOf(agenda, p.planned!))).toEqual(['discharge']);
  });
  it('gives one item with both reasons to a person found by two sources', () => {
    expect(agenda.items.filter((item) => item.personId === p.both).length).toBe(1);
    expect(kindsOf(itemOf(agenda, p.both!))).toEqual(['admission', 'referral_accepted']);
  });

  it('leaves off a person who objects to MDT discussion, counting them without naming them', () => {
    expect(itemOf(agenda, p.objector!)).toBeUndefined();
    expect(agenda.objectionsWithheld).toBe(1);
    expect(JSON.stringify(agenda)).not.toContain('Objector');
    expect(kindsOf(itemOf(agenda, p.changedMind!))).toEqual(['ae_attendance']);
  });

  it('lists only the people the huddle serves', () => {
    expect(itemOf(agenda, p.elsewhere!)).toBeUndefined();
    expect(itemOf(agenda, p.parkside!)).toBeUndefined();
    expect(itemOf(agenda, p.tasked!)).toBeUndefined();
  });

  it('shows each person with name and age, hospital events first, and records one read per person listed', async () => {
    expect(itemOf(agenda, p.admitted!)!.person).toMatchObject({ name: 'Admitted Person', age: 86 });
    expect(agenda.items.map((item) => item.position)).toEqual(agenda.items.map((_, i) => i + 1));
    expect(kindsOf(agenda.items[0])![0]).toBe('admission');
    const events = await rowsOf<{ subject_person_id: string; action: string; resource_type: string; purpose: string }>(
      t.database.db,
      sql`SELECT subject_person_id, action, resource_type, purpose FROM audit_event WHERE request_id = ${requestId} ORDER BY subject_person_id`,
    );
    expect(events.length).toBe(agenda.items.length);
    expect(new Set(events.map((e) => e.subject_person_id))).toEqual(new Set(agenda.items.map((item) => item.personId)));
    expect(events.every((e) => e.action === 'read' && e.resource_type === 'identity' && e.purpose === 'direct_care')).toBe(true);
  });

  it('opens the people on it to the network’s members, who read it through the gate', async () => {
    const read = await send('GET', agendaUrl(M1), w.coordinator);
    expect(read.statusCode).toBe(200);
    expect(read.json().notShown).toBe(0);
    expect(itemOf(read.json(), p.admitted!)!.person!.name).toBe('Admitted Person');
    expect((await send('GET', agendaUrl(M1), w.outsider)).statusCode).toBe(403);
    expect((await send('GET', agendaUrl('2026-06-10'), w.gp)).json().errors).toEqual([
      { field: 'date', reason: 'This huddle does not meet on 2026-06-10: it meets every week on Tuesday from 2026-06-02' },
    ]);
  });
});

describe('adding a person by hand', () => {
  it('adds them with an SBAR, the reason in words', async () => {
    const added = await send('POST', `${agendaUrl(M1)}/items`, w.gp, { personId: p.manual, sbar: SBAR });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ personId: p.manual, person: { name: 'Manual Person' }, reasons: [{ description: 'Raised by a team member: Two falls this week' }] });
    const agenda = (await send('GET', agendaUrl(M1), w.gp)).json();
    expect(agenda.items.at(-1).personId).toBe(p.manual);
  });

  it('refuses a person who objects with 409 naming personId, writing nothing', async () => {
    const before = await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM huddle_agenda_item`);
    const meetingsBefore = await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM huddle_meeting`);
    for (const date of [M1, '2026-07-07']) {
      const refused = await send('POST', `${agendaUrl(date)}/items`, w.gp, { personId: p.objector, sbar: SBAR });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().errors).toEqual([{ field: 'personId', reason: expect.stringContaining('objected to being discussed at MDT meetings') }]);
    }
    expect(await rowsOf(t.database.db, sql`SELECT count(*)::int AS n FROM huddle_agenda_item`)).toEqual(before);
    expect(await rowsOf(t.database.db, sql`SELECT count(*)::int AS n FROM huddle_meeting`)).toEqual(meetingsBefore);
  });

  it('refuses an SBAR with a part missing, and a member with no relationship to the person', async () => {
    const missing = await send('POST', `${agendaUrl(M1)}/items`, w.gp, { personId: p.quiet, sbar: { ...SBAR, recommendation: ' ' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: 'sbar.recommendation', reason: 'Say what you recommend or ask of the team' }]);
    expect((await send('POST', `${agendaUrl(M1)}/items`, w.nurse, { personId: p.quiet, sbar: SBAR })).statusCode).toBe(403);
  });
});

describe('arranging the agenda', () => {
  it('is put in the chair’s order with times, which a refresh keeps', async () => {
    const current = (await send('GET', agendaUrl(M1), w.gp)).json() as { items: ItemView[] };
    const order = current.items.map((item) => item.personId).reverse();
    const reordered = await send('PUT', `${agendaUrl(M1)}/order`, w.gp, { personIds: order });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().items.map((item: ItemView) => item.personId)).toEqual(order);
    const timed = await send('PUT', `${agendaUrl(M1)}/items/${order[0]}/minutes`, w.nurse, { minutes: 10 });
    expect(timed.json()).toMatchObject({ plannedMinutes: 10 });
    expect((await send('PUT', `${agendaUrl(M1)}/items/${order[0]}/minutes`, w.gp, { minutes: 61 })).json().errors[0].field).toBe('minutes');

    await hospitalContact(t.database.db, p.quiet!, 'emergency', '2026-06-08');
    const refreshed = (await build(M1)).json() as { items: ItemView[] };
    expect(refreshed.items.map((item) => item.personId)).toEqual([...order, p.quiet]);
    expect(refreshed.items[0]!.minutes).toBe(10);
    expect(itemOf(refreshed, p.manual!)!.reasons!.map((r) => r.reason.kind)).toEqual(['manual']);
  });

  it('refuses an order that misses someone (409) and members who do not arrange it (403)', async () => {
    const current = (await send('GET', agendaUrl(M1), w.gp)).json() as { items: ItemView[] };
    const missing = await send('PUT', `${agendaUrl(M1)}/order`, w.gp, { personIds: current.items.slice(1).map((item) => item.personId) });
    expect(missing.statusCode).toBe(409);
    expect((await send('PUT', `${agendaUrl(M1)}/order`, w.coordinator, { personIds: current.items.map((i) => i.personId) })).statusCode).toBe(403);
  });
});

describe('the next meetings', () => {
  let m1: string;
  beforeAll(async () => {
    m1 = await meetingIdOn(M1);
    const db = t.database.db;
    // At the first meeting: three people discussed (one to be seen again in a week), the rest not reached.
    await markReviewed(db, m1, p.referred!, M1, 1);
    await markReviewed(db, m1, p.found!, M1);
    await markReviewed(db, m1, p.admitted!, M1, 4);
    await insertTask(db, { personId: p.tasked!, networkId: w.networkId, createdBy: w.gp.staffId, meetingId: m1 });
    await closeMeeting(db, m1);
    await at(new Date('2026-06-15T09:00:00Z'));
  });

  it('refuses changes to the closed meeting’s agenda with 409', async () => {
    for (const refused of [
      await build(M1),
      await send('POST', `${agendaUrl(M1)}/items`, w.gp, { personId: p.quiet, sbar: SBAR }),
      await send('PUT', `${agendaUrl(M1)}/items/${p.ae}/minutes`, w.gp, { minutes: 5 }),
    ]) {
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toBe('The meeting of 9 June 2026 is closed and its record is frozen: add an addendum instead');
    }
  });

  it('carries over what was not reached, counted; what was reviewed is not; reviews and open tasks come due', async () => {
    const agenda = (await build(M2)).json() as { items: ItemView[]; window: object; objectionsWithheld: number };
    expect(agenda.window).toEqual({ from: M1, to: M2 });
    expect(itemOf(agenda, p.ae!)).toMatchObject({ carriedCount: 1, reasons: [{ description: 'Carried over from 1 meeting' }] });
    expect(itemOf(agenda, p.found!)).toBeUndefined();
    expect(itemOf(agenda, p.admitted!)).toBeUndefined();
    expect(kindsOf(itemOf(agenda, p.referred!))).toEqual(['review_due']);
    expect(itemOf(agenda, p.referred!)!.reasons![0]!.description).toBe('Review due on 16 June 2026');
    expect(itemOf(agenda, p.tasked!)).toMatchObject({ reasons: [{ description: '2 open tasks' }] });
    expect(agenda.objectionsWithheld).toBe(0);
  });

  it('brings back open tasks for anyone otherwise on the agenda', async () => {
    await insertTask(t.database.db, { personId: p.ae!, networkId: w.networkId, createdBy: w.nurse.staffId });
    const agenda = (await build(M2)).json() as { items: ItemView[] };
    expect(kindsOf(itemOf(agenda, p.ae!))).toEqual(['carried_over', 'open_tasks']);
  });

  it('counts the pile-up when an item is carried again', async () => {
    const m2 = await meetingIdOn(M2);
    await markReviewed(t.database.db, m2, p.referred!, M2);
    await closeMeeting(t.database.db, m2);
    await at(new Date('2026-06-22T09:00:00Z'));
    const agenda = (await build(M3)).json() as { items: ItemView[] };
    expect(itemOf(agenda, p.ae!)).toMatchObject({ carriedCount: 2 });
    expect(itemOf(agenda, p.ae!)!.reasons![0]!.description).toBe('Carried over from 2 meetings');
    expect(itemOf(agenda, p.referred!)).toBeUndefined();
  });

  it('skips a cancelled meeting when reading "since the last meeting"', async () => {
    await t.database.db.execute(sql`UPDATE huddle_meeting SET state = 'cancelled', cancelled_reason = 'Bank holiday' WHERE series_id = ${seriesId}::uuid AND meets_on = ${M3}::date`);
    const agenda = (await build('2026-06-30')).json() as { window: object; items: ItemView[] };
    expect(agenda.window).toEqual({ from: M2, to: '2026-06-30' });
    expect(itemOf(agenda, p.ae!)).toMatchObject({ carriedCount: 2 });
  });
});

describe('case-finding keeps when a person was first found', () => {
  it('so a person found again is not "newly found" at the next meeting', async () => {
    const db = t.database.db;
    const personId = await insertPerson(db, w.practiceId, 'Rule Person');
    for (const code of ['13645005', '84114007']) {
      await db.insert(condition).values({ id: randomUUID(), personId, codeSystem: 'snomed', code, sourceSystem: 'gp', sourceId: randomUUID() });
    }
    await hospitalContact(db, personId, 'inpatient', '2026-03-04', '2026-03-06');
    await hospitalContact(db, personId, 'inpatient', '2026-04-04', '2026-04-06');
    const rules = (await send('GET', '/case-finding/rules', w.gp)).json().rules as { id: string }[];
    const run = () => send('POST', `/case-finding/rules/${rules[0]!.id}/runs`, w.gp);
    await at(new Date('2026-07-01T09:00:00Z'));
    await run();
    expect(kindsOf(itemOf((await build('2026-07-07')).json(), personId))).toEqual(['case_finding_new']);
    await markReviewed(db, await meetingIdOn('2026-07-07'), personId, '2026-07-07');
    await at(new Date('2026-07-10T09:00:00Z'));
    await run();
    expect(itemOf((await build('2026-07-14')).json(), personId)).toBeUndefined();
    const [kept] = await rowsOf<{ first_found_at: Date | string }>(db, sql`SELECT first_found_at FROM case_finding_result WHERE person_id = ${personId}::uuid`);
    expect(new Date(kept!.first_found_at).toISOString()).toBe('2026-07-01T09:00:00.000Z');
  });
});
