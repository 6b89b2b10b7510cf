import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCareTeam, createOrganisation, insertPerson, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let personId: string;
let socialWorker: StaffSession;
let pharmacist: StaffSession;
let gp: StaffSession;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  const { practiceId } = await createPractice(db);
  const council = await createOrganisation(db, 'Croydon Council', 'council');
  const collaborative = await createOrganisation(db, 'GP collaborative');
  personId = await insertPerson(db, practiceId);
  gp = await staffWithSession(db, 'gp', practiceId, NOW);
  socialWorker = await staffWithSession(db, 'social_worker', council, NOW, 'Fatima Hussain');
  pharmacist = await staffWithSession(db, 'pharmacist', collaborative, NOW);
  await addToCareTeam(db, personId, socialWorker.staffId, council, NOW);
  await addToCareTeam(db, personId, pharmacist.staffId, collaborative, NOW);
});
afterAll(() => t?.close());

const entries = () => `/api/v1/people/${personId}/entries`;
const consent = () => `/api/v1/people/${personId}/consent`;
const send = (method: 'GET' | 'POST', url: string, who: StaffSession, payload?: object) => t.app.inject({ method, url, headers: who.auth, payload });

describe('record entries, sharing consent and restricted categories', () => {
  it('keeps an entry inside its organisation until the person consents to share', async () => {
    const written = await send('POST', entries(), socialWorker, { title: 'Home visit', body: 'Managing well; wants help with shopping.' });
    expect(written.statusCode).toBe(201);
    expect(written.json()).toMatchObject({ shown: 'content', author: { name: 'Fatima Hussain', role: 'social_worker' } });
    expect((await send('GET', entries(), gp)).json()).toEqual({ entries: [], notSharedCount: 1 });
    expect((await send('GET', entries(), socialWorker)).json().entries).toHaveLength(1);
  });

  it('records consent with who, when and how, and shares from then on', async () => {
    const recorded = await send('POST', consent(), gp, { kind: 'alliance_sharing', state: 'given', method: 'written', note: 'Signed at the surgery' });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ allianceSharing: 'given', voluntarySectorContact: 'not_recorded', nationalDataOptOut: false });
    expect(recorded.json().history[0]).toMatchObject({ kind: 'alliance_sharing', state: 'given', method: 'written', recordedAt: NOW.toISOString() });
    expect((await send('GET', entries(), gp)).json()).toMatchObject({ entries: [{ title: 'Home visit' }], notSharedCount: 0 });
  });

  it('shows a restricted entry to the roles named on it and a marker to others', async () => {
    const written = await send('POST', entries(), socialWorker, { title: 'Safeguarding concern', body: 'Neighbour reports shouting.', restrictedCategory: 'safeguarding' });
    expect(written.statusCode).toBe(201);
    const forGp = (await send('GET', entries(), gp)).json().entries;
    expect(forGp.find((e: { id: string }) => e.id === written.json().id)).toMatchObject({ shown: 'content', body: 'Neighbour reports shouting.' });
    const forPharmacist = (await send('GET', entries(), pharmacist)).json().entries;
    const marker = forPharmacist.find((e: { id: string }) => e.id === written.json().id);
    expect(marker).toEqual({
      shown: 'restricted_marker',
      id: written.json().id,
      restrictedCategory: 'safeguarding',
      visibleTo: expect.stringContaining('Social worker'),
      writtenAt: NOW.toISOString(),
    });
    expect(JSON.stringify(forPharmacist)).not.toContain('shouting');
  });

  it('lets any author restrict their own entry: its author and the named roles see it, others a marker', async () => {
    const response = await send('POST', entries(), pharmacist, { title: 'Note', body: 'Asked about clinic times', restrictedCategory: 'sexual_health' });
    expect(response.statusCode).toBe(201);
    const id = response.json().id;
    const shownTo = async (who: StaffSession) => (await send('GET', `${entries()}/${id}`, who)).json().shown;
    expect(await shownTo(pharmacist)).toBe('content');
    expect(await shownTo(gp)).toBe('content');
    expect(await shownTo(socialWorker)).toBe('restricted_marker');
  });

  it('withdrawal stops sharing again', async () => {
    t.setNow(new Date(NOW.getTime() + 60_000));
    await send('POST', consent(), gp, { kind: 'alliance_sharing', state: 'withdrawn', method: 'verbal' });
    expect((await send('GET', entries(), gp)).json()).toMatchObject({ entries: [], notSharedCount: 3 });
    const overview = (await send('GET', consent(), gp)).json();
    expect(overview.allianceSharing).toBe('withdrawn');
    expect(overview.history.map((h: { state: string }) => h.state)).toEqual(['withdrawn', 'given']);
  });

  it('names the field for bad input and writes nothing', async () => {
    const badConsent = await send('POST', consent(), gp, { kind: 'alliance_sharing', state: 'maybe', method: 'telepathy' });
    expect(badConsent.statusCode).toBe(400);
    expect(badConsent.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['method', 'state']);
    const badEntry = await send('POST', entries(), gp, { title: '', body: 'x', restrictedCategory: 'gossip' });
    expect(badEntry.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['restrictedCategory', 'title']);
    expect((await send('GET', consent(), gp)).json().history).toHaveLength(2);
  });

  it('records the national data opt-out without closing the record to the care team', async () => {
    const optOut = await send('POST', consent(), gp, { kind: 'national_data_opt_out', state: 'given', method: 'portal' });
    expect(optOut.json().nationalDataOptOut).toBe(true);
    expect((await send('GET', `/api/v1/people/${personId}/summary`, gp)).statusCode).toBe(200);
  });
});
