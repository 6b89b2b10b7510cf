/**
 * Changing listings: the running organisation's own staff change theirs at once, at the version
 * read; anyone else's edit waits for review; reviewers approve or reject; the stale report lists
 * what nobody has checked.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { orukPageOf, orukService } from '../../../test/directory-fixtures.js';
import { rowsOf } from '../../platform/db/client.js';

const NOW = new Date('2026-11-19T10:00:00Z');
let t: TestApp;
let lead: StaffSession;
let runner: StaffSession;
let volunteer: StaffSession;
let clubId: string;
let otherId: string;

const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: StaffSession, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });
const listing = async (id: string, who: StaffSession) => (await api('GET', `/directory/services/${id}`, who)).json();
const edit = (id: string, who: StaffSession, body: object) => api('PUT', `/directory/services/${id}/listing`, who, body);

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  const council = await createOrganisation(db, 'Croydon Council', 'council');
  const charity = await createOrganisation(db, 'Croydon Later Life Trust', 'voluntary');
  const elsewhere = await createOrganisation(db, 'Another Charity', 'voluntary');
  lead = await staffWithSession(db, 'network_lead', council, NOW);
  runner = await staffWithSession(db, 'coordinator', charity, NOW, 'Rita Runner');
  volunteer = await staffWithSession(db, 'volunteer', elsewhere, NOW, 'Vic Volunteer');
  await api('PUT', '/directory/feeds/council', lead, { name: 'Council directory', kind: 'council' });
  const club = orukService({ name: 'Thursday Lunch Club', postcode: 'CR0 1LF', byday: 'TH', opens: '12:00', closes: '14:00', term: 'lunchClub', organisation: 'Croydon Later Life Trust' });
  const other = orukService({ name: 'Knit and Natter', postcode: 'CR0 1LF', byday: 'MO', opens: '10:00', closes: '12:00', term: 'befriending', organisation: 'Another Group' });
  expect((await api('POST', '/directory/feeds/council/imports', lead, orukPageOf([club, other]))).json()).toMatchObject({ created: 2 });
  const rows = await rowsOf<{ id: string; name: string; organization_id: string }>(db, sql`SELECT id, name, organization_id FROM directory_service ORDER BY name`);
  otherId = rows[0]!.id;
  clubId = rows[1]!.id;
  const linked = await api('PUT', `/directory/organizations/${rows[1]!.organization_id}/partner`, lead, { partnerOrganisationId: charity });
  expect(linked.statusCode).toBe(204);
});
afterAll(() => t?.close());

describe('the running organisation’s own staff', () => {
  it('change their listing at once: capacity, referral mode, and that they checked it today', async () => {
    expect((await listing(clubId, runner)).editsDirectly).toBe(true);
    const res = await edit(clubId, runner, {
      version: 1,
      capacity: { state: 'waiting_list' },
      referralMode: { mode: 'direct_referral', how: 'Phone 020 7946 0000 and ask for Rita' },
      verified: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: 2,
      capacity: { state: 'waiting_list', confirmedOn: '2026-11-19' },
      referral: { mode: 'direct_referral', how: 'Phone 020 7946 0000 and ask for Rita' },
      freshness: { state: 'fresh', lastVerifiedOn: '2026-11-19', verifiedBy: 'Rita Runner' },
    });
  });

  it('are told when the listing changed since they read it, and nothing is written', async () => {
    const res = await edit(clubId, runner, { version: 1, details: { name: 'Renamed' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'version', reason: 'The listing is now at version 2' }]);
    expect((await listing(clubId, runner)).name).toBe('Thursday Lunch Club');
  });

  it('get a 400 naming the field for a bad change', async () => {
    const res = await edit(clubId, runner, { version: 2, details: { website: 'javascript:alert(1)' }, referralMode: { mode: 'direct_referral' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['details.website', 'referralMode.how']);
    expect((await listing(clubId, runner)).version).toBe(2);
  });

  it('may not change another organisation’s listing at once', async () => {
    expect((await listing(otherId, runner)).editsDirectly).toBe(false);
  });
});

describe('anyone else’s edit', () => {
  let reviewId: string;

  it('waits for review, leaving the listing as it was', async () => {
    const res = await edit(clubId, volunteer, { version: 2, details: { name: 'Thursday Lunch Club at St Mary’s', phone: '020 7946 0123' } });
    expect(res.statusCode).toBe(202);
    reviewId = res.json().reviewId;
    expect((await listing(clubId, volunteer)).name).toBe('Thursday Lunch Club');
  });

  it('is listed for reviewers only', async () => {
    const pending = (await api('GET', '/directory/reviews', lead)).json().edits;
    expect(pending).toEqual([expect.objectContaining({ id: reviewId, serviceName: 'Thursday Lunch Club', proposedBy: 'Vic Volunteer', basedOnVersion: 2, currentVersion: 2 })]);
    expect((await api('GET', '/directory/reviews', volunteer)).statusCode).toBe(403);
    expect((await api('POST', `/directory/reviews/${reviewId}`, volunteer, { decision: 'approve' })).statusCode).toBe(403);
  });

  it('is applied as proposed when approved, and cannot be decided twice', async () => {
    expect((await api('POST', `/directory/reviews/${reviewId}`, lead, { decision: 'approve', note: 'Phoned to check' })).statusCode).toBe(204);
    expect(await listing(clubId, lead)).toMatchObject({ name: 'Thursday Lunch Club at St Mary’s', phones: ['020 7946 0123'], version: 3 });
    expect((await api('POST', `/directory/reviews/${reviewId}`, lead, { decision: 'reject' })).statusCode).toBe(409);
  });

  it('cannot be approved once the listing has changed since it was proposed; it can still be rejected', async () => {
    const stale = (await edit(otherId, volunteer, { version: 1, details: { description: 'Bring your own wool' } })).json().reviewId;
    await edit(otherId, lead, { version: 1, verified: true });
    expect((await api('POST', `/directory/reviews/${stale}`, lead, { decision: 'approve' })).statusCode).toBe(409);
    expect((await api('POST', `/directory/reviews/${stale}`, lead, { decision: 'reject', note: 'Out of date' })).statusCode).toBe(204);
    expect((await api('GET', '/directory/reviews', lead)).json().edits).toEqual([]);
  });
});

describe('the stale-listing report', () => {
  it('lists listings never checked or not checked for six months, oldest first', async () => {
    await t.database.db.execute(sql`UPDATE directory_service SET last_verified_on = '2026-03-01' WHERE id = ${otherId}`);
    const report = (await api('GET', '/directory/stale', lead)).json();
    expect(report.items.map((i: { name: string }) => i.name)).toEqual(['Knit and Natter']);
    expect(report.items[0].words).toBe('Details last checked on 1 March 2026: they may be out of date');
    expect((await api('GET', '/directory/stale', runner)).statusCode).toBe(403);
  });
});
