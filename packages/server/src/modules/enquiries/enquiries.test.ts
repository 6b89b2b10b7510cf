/**
 * A point of access over HTTP: a volunteer logs enquiries (anonymous, or named only with the
 * person's consent and through the gate), a safeguarding concern becomes an urgent task for the
 * named lead whose title names no one, and the network lead sees the statistics with small
 * numbers suppressed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, giveConsent, insertPerson, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { orukPageOf, orukService } from '../../../test/directory-fixtures.js';
import { createPractice } from '../../../test/factories.js';
import { rowsOf } from '../../platform/db/client.js';

const NOW = new Date('2026-11-19T10:00:00Z');
let t: TestApp;
let volunteer: StaffSession;
let lead: StaffSession;
let safeguardingLead: StaffSession;
let outsider: StaffSession;
let pointId: string;
let lunchId: string;
let charity: string;

const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: StaffSession, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });
const count = async (table: string) => (await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;
const enquiry = (over: object = {}) => ({ pointOfAccessId: pointId, channel: 'walk_in', topics: ['social_loneliness'], adviceGiven: 'Talked about lunch clubs nearby', ...over });

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  const { networkId } = await createPractice(db);
  charity = await createOrganisation(db, 'Age Well Kith', 'voluntary');
  const council = await createOrganisation(db, 'Croydon Council', 'council');
  volunteer = await staffWithSession(db, 'volunteer', charity, NOW, 'Margaret Wood');
  lead = await staffWithSession(db, 'network_lead', council, NOW);
  safeguardingLead = await staffWithSession(db, 'social_worker', council, NOW, 'Sam Safeguarding');
  outsider = await staffWithSession(db, 'volunteer', council, NOW);
  const made = await api('POST', '/points-of-access', lead, { name: 'Central Library desk', networkId, organisationId: charity, safeguardingLeadStaffId: safeguardingLead.staffId });
  expect(made.statusCode, made.body).toBe(201);
  pointId = made.json().id;
  await api('PUT', '/directory/feeds/council', lead, { name: 'Council directory', kind: 'council' });
  await api('POST', '/directory/feeds/council/imports', lead, orukPageOf([orukService({ name: 'Thursday Lunch Club', postcode: 'CR0 1LF', byday: 'TH', opens: '12:00', closes: '14:00', term: 'lunchClub' })]));
  lunchId = (await rowsOf<{ id: string }>(db, sql`SELECT id FROM directory_service`))[0]!.id;
});
afterAll(() => t?.close());

describe('logging an enquiry', () => {
  it('lists the desks the volunteer logs at', async () => {
    expect((await api('GET', '/points-of-access/mine', volunteer)).json().pointsOfAccess).toEqual([
      expect.objectContaining({ id: pointId, name: 'Central Library desk', safeguardingLead: 'Sam Safeguarding' }),
    ]);
    expect((await api('GET', '/points-of-access/mine', outsider)).json().pointsOfAccess).toEqual([]);
  });

  it('logs an anonymous walk-in with a service signposted', async () => {
    const res = await api('POST', '/enquiries', volunteer, enquiry({ signpostedTo: [lunchId] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcomes: ['signposted'], safeguardingTaskId: null });
    const [row] = await rowsOf<{ person_id: string | null; topics: string[] }>(t.database.db, sql`SELECT person_id, topics FROM enquiry WHERE id = ${res.json().id}`);
    expect(row).toEqual({ person_id: null, topics: ['social_loneliness'] });
  });

  it('turns a safeguarding concern into an urgent task for the named lead, naming no one in its title', async () => {
    const res = await api('POST', '/enquiries', volunteer, enquiry({ channel: 'phone', topics: ['carers'], safeguardingConcern: { concern: 'Caller worried her father is being financially abused' } }));
    expect(res.json()).toMatchObject({ outcomes: ['safeguarding'], safeguardingLead: 'Sam Safeguarding' });
    const [task] = await rowsOf<{ title: string; detail: string; owner_staff_id: string; priority: string; person_id: string | null }>(
      t.database.db,
      sql`SELECT title, detail, owner_staff_id, priority, person_id FROM task WHERE id = ${res.json().safeguardingTaskId}`,
    );
    expect(task).toEqual({ title: 'Safeguarding concern raised at Central Library desk', detail: 'Caller worried her father is being financially abused', owner_staff_id: safeguardingLead.staffId, priority: 'urgent', person_id: null });
  });

  it('names a person only with their consent, and only one the volunteer could find: who agreed to contact from voluntary services', async () => {
    const db = t.database.db;
    const personId = await insertPerson(db, null, 'Nora Named');
    const named = enquiry({ person: { kind: 'linked', personId, consent: { given: true, how: 'verbal' } } });
    expect((await api('POST', '/enquiries', volunteer, named)).statusCode).toBe(403);
    // Someone at the desk the volunteer has never met: no relationship is needed, only their agreement.
    await giveConsent(db, personId, 'voluntary_sector_contact', NOW);
    const res = await api('POST', '/enquiries', volunteer, named);
    expect(res.statusCode, res.body).toBe(201);
    const withoutConsent = await api('POST', '/enquiries', volunteer, enquiry({ person: { kind: 'linked', personId, consent: { given: false, how: 'verbal' } } }));
    expect(withoutConsent.statusCode).toBe(400);
    expect(withoutConsent.json().errors).toContainEqual({ field: 'person.consent.given', reason: 'An enquiry is linked to a person only with their consent' });
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    const before = await count('enquiry');
    const res = await api('POST', '/enquiries', volunteer, enquiry({ topics: [], channel: 'email', signpostedTo: ['00000000-0000-4000-8000-000000000000'] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'topics']);
    const unknownService = await api('POST', '/enquiries', volunteer, enquiry({ signpostedTo: ['00000000-0000-4000-8000-000000000000'] }));
    expect(unknownService.json().errors).toEqual([{ field: 'signpostedTo.0', reason: 'No service in the directory has this id' }]);
    expect(await count('enquiry')).toBe(before);
  });

  it('is for the staff of the organisation that runs the desk', async () => {
    expect((await api('POST', '/enquiries', outsider, enquiry())).statusCode).toBe(403);
  });
});

describe('statistics for the network lead', () => {
  it('counts by topic, outcome and channel, suppressing 1 to 7', async () => {
    for (let i = 0; i < 8; i++) await api('POST', '/enquiries', volunteer, enquiry({ topics: ['benefits_money'] }));
    const stats = (await api('GET', `/points-of-access/${pointId}/statistics?from=2026-11-01&to=2026-11-30`, lead)).json();
    expect(stats).toMatchObject({ pointOfAccess: 'Central Library desk', total: 11 });
    expect(stats.byTopic.benefits_money).toBe(8);
    expect(stats.byTopic.carers).toBe('suppressed');
    expect(stats.byTopic.housing).toBe(0);
    expect(stats.byChannel.walk_in).toBe(10);
    expect(stats.byChannel.phone).toBe('suppressed');
    expect((await api('GET', `/points-of-access/${pointId}/statistics?from=2026-11-01&to=2026-11-30`, volunteer)).statusCode).toBe(403);
    expect((await api('GET', `/points-of-access/${pointId}/statistics?from=2026-11-30&to=2026-11-01`, lead)).statusCode).toBe(400);
  });

  it('lists every point of access for the lead, and not for a volunteer', async () => {
    expect((await api('GET', '/points-of-access', lead)).json().pointsOfAccess).toEqual([
      { id: pointId, name: 'Central Library desk', network: 'Tollgate Surgery network', organisation: 'Age Well Kith', safeguardingLead: 'Sam Safeguarding' },
    ]);
    expect((await api('GET', '/points-of-access', volunteer)).statusCode).toBe(403);
  });
});
