/**
 * The directory end to end over HTTP: feeds set up and imported (each bad service reported with
 * its path, the good ones kept, a second import changing nothing), searched by words, type, day
 * and time and distance, and served again as Open Referral UK.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, insertPerson, addToCareTeam, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { orukPageOf, orukService, vocabularyPage } from '../../../test/directory-fixtures.js';
import { apiTokenHeaders, createApiClient, createPractice } from '../../../test/factories.js';
import { rowsOf } from '../../platform/db/client.js';
import { ensurePostcodes } from './postcodes.js';

const NOW = new Date('2026-11-19T10:00:00Z');
let t: TestApp;
let lead: StaffSession;
let coordinator: StaffSession;
let organisationId: string;

const send = (method: 'GET' | 'POST' | 'PUT', url: string, who: { auth: Record<string, string> } | null, payload?: object) =>
  t.app.inject({ method, url, headers: who?.auth ?? {}, payload });
const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: StaffSession | null, payload?: object) => send(method, `/api/v1${url}`, who, payload);

const THURSDAY_CLUB = orukService({ name: 'Thursday Lunch Club', postcode: 'CR0 1LF', byday: 'TH', opens: '12:00', closes: '14:00', term: 'lunchClub' });
const FRIDAY_CLUB = orukService({ name: 'Friday Lunch Club', postcode: 'CR0 2RH', byday: 'FR', opens: '12:00', closes: '14:00', term: 'lunchClub', free: false });
const THORNTON_CLUB = orukService({ name: 'Thornton Heath Lunch Club', postcode: 'CR7 7JN', byday: 'TH', opens: '12:30', closes: '14:30', term: 'lunchClub' });
const WALK = orukService({ name: 'Walking for Health', postcode: 'CR0 1NX', at: [51.3726, -0.0996], byday: 'TU', opens: '10:00', closes: '11:30', term: 'walking' });
const BACKWARDS = orukService({ name: 'Evening Social', postcode: 'CR0 1NX', byday: 'WE', opens: '19:00', closes: '17:00', term: 'befriending' });

const search = async (query: string) => {
  const res = await api('GET', `/directory/services?${query}`, coordinator);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: { id: string; name: string; distanceMetres: number | null; when: string[]; cost: string; types: string[] }[] };
};
const names = (page: { items: { name: string }[] }) => page.items.map((i) => i.name);
const count = async (table: string) => (await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  await ensurePostcodes(db);
  organisationId = await createOrganisation(db, 'Croydon Council', 'council');
  lead = await staffWithSession(db, 'network_lead', organisationId, NOW);
  coordinator = await staffWithSession(db, 'coordinator', organisationId, NOW);
  expect((await api('PUT', '/directory/feeds/croydon-council', lead, { name: 'Croydon Council directory', kind: 'council' })).statusCode).toBe(204);
  expect((await api('POST', '/directory/taxonomy-terms', lead, vocabularyPage())).json()).toMatchObject({ loaded: 3 });
});
afterAll(() => t?.close());

describe('importing a feed', () => {
  let report: Record<string, unknown>;
  beforeAll(async () => {
    const res = await api('POST', '/directory/feeds/croydon-council/imports', lead, orukPageOf([THURSDAY_CLUB, FRIDAY_CLUB, THORNTON_CLUB, WALK, BACKWARDS]));
    expect(res.statusCode, res.body).toBe(200);
    report = res.json();
  });

  it('keeps the good services and names each bad one by its path', () => {
    expect(report).toMatchObject({ created: 4, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.problems).toContainEqual(expect.objectContaining({ path: 'contents[4].schedules[0].closes_at', severity: 'error' }));
  });

  it('writes each service with its places and weekly sessions', async () => {
    expect(await count('directory_service')).toBe(4);
    expect(await count('directory_place')).toBe(4);
    expect(await count('directory_session')).toBe(4);
    const [walk] = await rowsOf<{ latitude: number }>(t.database.db, sql`SELECT p.latitude FROM directory_place p JOIN directory_service s ON s.id = p.service_id WHERE s.name = 'Walking for Health'`);
    expect(walk!.latitude).toBe(51.3726);
  });

  it('changes nothing when the same feed comes again, and updates what changed', async () => {
    const again = (await api('POST', '/directory/feeds/croydon-council/imports', lead, orukPageOf([THURSDAY_CLUB, FRIDAY_CLUB, THORNTON_CLUB, WALK]))).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejected: 0 });
    const renamed = { ...WALK, name: 'Walking for Health: Park Hill' };
    const changed = (await api('POST', '/directory/feeds/croydon-council/imports', lead, orukPageOf([renamed]))).json();
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 0, absent: 3 });
    expect(await count('directory_service')).toBe(4);
    expect(await count('directory_session')).toBe(4);
    await api('POST', '/directory/feeds/croydon-council/imports', lead, orukPageOf([WALK]));
  });

  it('refuses a service classified by a term Kith does not know', async () => {
    const unknown = { ...orukService({ name: 'Knitting Circle', postcode: 'CR0 1LF', byday: 'MO', opens: '10:00', closes: '12:00', term: 'lunchClub' }) };
    unknown.attributes = [{ id: 'a1', taxonomy_term_id: 'made-up-term' }];
    const res = await api('POST', '/directory/feeds/croydon-council/imports', lead, orukPageOf([unknown, WALK]));
    expect(res.json()).toMatchObject({ rejected: 1, unchanged: 1 });
    expect(res.json().problems).toContainEqual(expect.objectContaining({ reason: expect.stringContaining('made-up-term'), severity: 'error' }));
  });

  it('answers 400 naming every problem when nothing can be imported, and writes nothing', async () => {
    const before = await count('directory_import');
    const res = await api('POST', '/directory/feeds/croydon-council/imports', lead, orukPageOf([BACKWARDS]));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ field: 'contents[0].schedules[0].closes_at', reason: expect.stringContaining('ends before it starts') });
    expect(await count('directory_import')).toBe(before);
  });

  it('imports only into a feed that was set up, and only for those who look after the directory', async () => {
    expect((await api('POST', '/directory/feeds/nobody/imports', lead, orukPageOf([WALK]))).statusCode).toBe(404);
    expect((await api('POST', '/directory/feeds/croydon-council/imports', coordinator, orukPageOf([WALK]))).statusCode).toBe(403);
    expect((await api('PUT', '/directory/feeds/croydon-council', coordinator, { name: 'Mine', kind: 'council' })).statusCode).toBe(403);
    expect((await api('PUT', '/directory/feeds/Bad Name', lead, { name: 'x', kind: 'council' })).statusCode).toBe(400);
  });

  it('takes a feed from another system holding directory:write, and refuses a token without it', async () => {
    const { practiceId } = await createPractice(t.database.db);
    const allowed = await apiTokenHeaders(t.app, await createApiClient(t.database.db, { organisationId: practiceId, scopes: ['directory:write'] }));
    const other = await apiTokenHeaders(t.app, await createApiClient(t.database.db, { organisationId: practiceId, scopes: ['alerts:write'] }));
    const url = '/api/v1/directory/feeds/croydon-council/imports';
    expect((await send('POST', url, { auth: allowed }, orukPageOf([WALK]))).json()).toMatchObject({ unchanged: 1 });
    expect((await send('POST', url, { auth: other }, orukPageOf([WALK]))).statusCode).toBe(403);
  });
});

describe('searching the directory', () => {
  it('finds by words, with English stemming', async () => {
    expect(names(await search('text=lunches'))).toEqual(expect.arrayContaining(['Thursday Lunch Club', 'Friday Lunch Club', 'Thornton Heath Lunch Club']));
    expect((await search('text=lunches')).total).toBe(3);
    expect(names(await search('text=walk'))).toEqual(['Walking for Health']);
  });

  it('finds by type, and free only', async () => {
    expect(names(await search('taxonomy=walking-group'))).toEqual(['Walking for Health']);
    expect((await search('taxonomy=kith-lunch-club')).total).toBe(3);
    expect(names(await search('taxonomy=lunch-club&freeOnly=true')).sort()).toEqual(['Thornton Heath Lunch Club', 'Thursday Lunch Club']);
  });

  it('finds what is open on a day and part of it', async () => {
    expect(names(await search('day=thursday&partOfDay=afternoon')).sort()).toEqual(['Thornton Heath Lunch Club', 'Thursday Lunch Club']);
    expect((await search('day=thursday&partOfDay=morning')).total).toBe(0);
    expect(names(await search('day=tuesday&from=11:00&to=12:00'))).toEqual(['Walking for Health']);
    expect((await search('day=tuesday&from=11:30&to=12:00')).total).toBe(0);
  });

  it('finds what is within a distance of a postcode, nearest first, with the distance', async () => {
    const near = await search('postcode=cr0 1nx&radius=2000');
    expect(names(near)).toEqual(['Walking for Health', 'Thursday Lunch Club', 'Friday Lunch Club']);
    // CR0 1NX to CR0 1LF: about 520 m between the two postcodes' centres.
    expect(near.items[1]!.distanceMetres).toBeGreaterThan(450);
    expect(near.items[1]!.distanceMetres).toBeLessThan(600);
    const lunchOnThursday = await search('text=lunch&day=thursday&partOfDay=afternoon&postcode=CR0%201NX&radius=2000');
    expect(names(lunchOnThursday)).toEqual(['Thursday Lunch Club']);
    expect(lunchOnThursday.items[0]).toMatchObject({ when: ['Thursdays 12:00 to 14:00'], cost: 'free', types: ['Lunch club'] });
  });

  it('refuses a bad query, naming the field', async () => {
    const res = await api('GET', '/directory/services?postcode=nowhere', coordinator);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ field: 'postcode', reason: expect.any(String) });
    const unknown = await api('GET', '/directory/services?postcode=SW1A%201AA', coordinator);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({ field: 'postcode', reason: 'Kith does not know where SW1A 1AA is' });
    expect((await api('GET', '/directory/services?day=someday', coordinator)).statusCode).toBe(400);
  });

  it('searches near a person’s home only with a relationship, and records the look', async () => {
    const db = t.database.db;
    const personId = await insertPerson(db, null, 'Edna Home');
    await db.execute(sql`UPDATE person SET postcode = 'CR0 1LF' WHERE id = ${personId}`);
    expect((await api('GET', `/directory/services?personId=${personId}`, coordinator)).statusCode).toBe(403);
    await addToCareTeam(db, personId, coordinator.staffId, organisationId, NOW);
    const res = await api('GET', `/directory/services?personId=${personId}&radius=1000`, coordinator);
    expect(res.statusCode, res.body).toBe(200);
    expect(names(res.json())).toEqual(['Thursday Lunch Club', 'Walking for Health']);
    const [audit] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_event WHERE subject_person_id = ${personId} AND resource_id = 'directory_search' AND outcome = 'allowed'`);
    expect(audit!.n).toBe(1);
  });

  it('shows a service’s whole listing', async () => {
    const [id] = (await search('text=walking')).items.map((i) => i.id);
    const listing = (await api('GET', `/directory/services/${id}`, coordinator)).json();
    expect(listing).toMatchObject({ name: 'Walking for Health', organisation: 'Croydon Later Life Trust', phones: ['020 7946 0000'], costs: ['Per visit: Free'], accessibility: ['Wheelchair access'] });
    expect(listing.freshness.state).toBe('never_verified');
    expect(listing.capacity.state).toBe('unconfirmed');
    expect((await api('GET', '/directory/services/00000000-0000-4000-8000-000000000000', coordinator)).statusCode).toBe(404);
  });
});

describe('serving the directory as Open Referral UK', () => {
  it('answers the root, a page of services and a whole service, open to any web page', async () => {
    const root = await send('GET', '/openreferral/', null);
    expect(root.json()).toMatchObject({ version: 'HSDS-UK-3.0' });
    expect(root.headers['access-control-allow-origin']).toBe('*');
    const page = (await send('GET', '/openreferral/services?per_page=2&page=2', null)).json();
    expect(page).toMatchObject({ total_items: 4, total_pages: 2, page_number: 2, size: 2, first_page: false, last_page: true });
    const searched = (await send('GET', '/openreferral/services?search=walking', null)).json();
    expect(searched.contents.map((s: { name: string }) => s.name)).toEqual(['Walking for Health']);
    const whole = (await send('GET', `/openreferral/services/${searched.contents[0].id}`, null)).json();
    expect(whole).toMatchObject({ id: searched.contents[0].id, name: 'Walking for Health', service_at_locations: [{ location: { name: 'Walking for Health hall' } }] });
    expect((await send('GET', '/openreferral/services?day=thursday&start_time=12:00&end_time=13:00', null)).json().total_items).toBe(2);
  });

  it('round-trips: a service served here imports into another feed with the same fields', async () => {
    const served = (await send('GET', '/openreferral/services?search=thursday', null)).json().contents[0];
    const whole = (await send('GET', `/openreferral/services/${served.id}`, null)).json();
    await api('PUT', '/directory/feeds/neighbours', lead, { name: 'A neighbouring directory', kind: 'voluntary' });
    const report = (await api('POST', '/directory/feeds/neighbours/imports', lead, whole)).json();
    expect(report).toMatchObject({ created: 1, rejected: 0 });
    const [copy] = await rowsOf<{ document: Record<string, unknown> }>(t.database.db, sql`SELECT document FROM directory_service WHERE feed_id = 'neighbours'`);
    const [original] = await rowsOf<{ document: Record<string, unknown> }>(t.database.db, sql`SELECT document FROM directory_service WHERE id = ${served.id}`);
    expect({ ...copy!.document, id: undefined }).toEqual({ ...original!.document, id: undefined });
  });

  it('exports the directory as ORUK JSON and CSV that import again unchanged', async () => {
    const json = (await api('GET', '/directory/export?feedId=croydon-council', lead)).json();
    expect(json.total_items).toBe(4);
    const csv = (await api('GET', '/directory/export?format=csv&feedId=croydon-council', lead)).json();
    expect(Object.keys(csv.files)).toContain('services.csv');
    await api('PUT', '/directory/feeds/copies', lead, { name: 'Copies', kind: 'voluntary' });
    expect((await api('POST', '/directory/feeds/copies/imports?format=csv', lead, csv)).json()).toMatchObject({ created: 4, rejected: 0 });
    expect((await api('POST', '/directory/feeds/copies/imports', lead, json)).json()).toMatchObject({ created: 0, unchanged: 4 });
    expect((await api('GET', '/directory/export', coordinator)).statusCode).toBe(403);
  });

  it('lists the vocabulary', async () => {
    const terms = (await send('GET', '/openreferral/taxonomy_terms', null)).json();
    expect(terms.contents.map((c: { name: string }) => c.name)).toEqual(['Befriending', 'Lunch club', 'Walking group']);
  });
});
