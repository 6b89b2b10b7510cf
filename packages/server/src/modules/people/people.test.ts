import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { type AuthHeaders, personInput, signedInGp } from '../../../test/factories.js';

let t: TestApp;
let auth: AuthHeaders;
let practiceId: string;

beforeAll(async () => {
  t = await buildTestApp();
  ({ auth, practiceId } = await signedInGp(t.app, t.database.db));
});
afterAll(() => t.close());

const post = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/people', headers: auth, payload: payload as object });
const countPeople = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/people?name=zz&pageSize=100', headers: auth });
  return res.json().items.length as number;
};

describe('registering a person', () => {
  it('creates a person with contacts and reads them back with practice and network', async () => {
    const res = await post(
      personInput({
        nhsNumber: '943 476 5919',
        familyName: 'Zzwick',
        registeredPracticeId: practiceId,
        contacts: [{ name: 'Ann Zzwick', role: 'carer', relationship: 'daughter', isNextOfKin: true, maySeePlan: true }],
      }),
    );
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.nhsNumber).toBe('9434765919');
    expect(created.postcode).toBe('CR0 1AB');
    expect(res.headers.location).toBe(`/api/v1/people/${created.id}`);

    const read = await t.app.inject({ method: 'GET', url: `/api/v1/people/${created.id}`, headers: auth });
    expect(read.statusCode).toBe(200);
    const person = read.json();
    expect(person.contacts).toEqual([
      expect.objectContaining({ name: 'Ann Zzwick', relationship: 'daughter', isNextOfKin: true, maySeePlan: true }),
    ]);
    expect(person.practice).toMatchObject({ id: practiceId, name: 'Tollgate Surgery', network: { name: 'Tollgate Surgery network' } });
    expect(person.version).toBe(1);
  });

  it('reads back exactly what was written, contacts in order, and records the read in the same statement', async () => {
    const contacts = ['first', 'second', 'third'].map((name) => ({ name, role: 'family' as const, relationship: 'son', isNextOfKin: false, maySeePlan: false }));
    const created = (await post(personInput({ nhsNumber: '9990000026', familyName: 'Zzorder', contacts }))).json();
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/people/${created.id}`, headers: auth });
    const { access: _written, ...asWritten } = created;
    const { access, ...asRead } = read.json();
    expect(asRead).toEqual(asWritten);
    expect(asRead.contacts.map((c: { name: string }) => c.name)).toEqual(['first', 'second', 'third']);
    expect(access).toMatchObject({ basis: expect.any(String), breakGlass: null });
    const events = await rowsOf<{ action: string; resource_type: string }>(
      t.database.db,
      sql`SELECT action, resource_type FROM audit_event WHERE request_id = ${read.headers['x-request-id'] as string}`,
    );
    expect(events).toEqual([{ action: 'read', resource_type: 'contact_details' }]);
  });

  it('refuses a second person with the same NHS number, naming the existing record', async () => {
    const first = await post(personInput({ nhsNumber: '9990000018', familyName: 'Zzdup' }));
    expect(first.statusCode).toBe(201);
    const second = await post(personInput({ nhsNumber: '999 000 0018', familyName: 'Zzdup' }));
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({ existingId: first.json().id, errors: [{ field: 'nhsNumber' }] });
  });
});

describe('bad input is refused with the field and the reason, and writes nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['wrong check digit', { nhsNumber: '9434765918' }, 'nhsNumber'],
    ['wrong length', { nhsNumber: '943476591' }, 'nhsNumber'],
    ['letters in the NHS number', { nhsNumber: '94347659AB' }, 'nhsNumber'],
    ['an impossible date', { dateOfBirth: '2023-02-29' }, 'dateOfBirth'],
    ['a date in another format', { dateOfBirth: '12/03/1941' }, 'dateOfBirth'],
    ['a date of birth in the future', { dateOfBirth: '2030-01-01' }, 'dateOfBirth'],
    ['an unknown practice', { registeredPracticeId: '00000000-0000-4000-8000-000000000000' }, 'registeredPracticeId'],
    ['an unknown field', { favouriteColour: 'blue' }, 'favouriteColour'],
    ['a postcode that is not one', { postcode: 'NOT A CODE' }, 'postcode'],
    ['an unknown sex', { sex: 'x' }, 'sex'],
  ];
  it.each(cases)('%s', async (_label, override, field) => {
    const before = await countPeople();
    const res = await post({ ...personInput({ familyName: 'Zzbad', nhsNumber: '9990000026' }), ...override });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await countPeople()).toBe(before);
  });

  it('a missing required field is named', async () => {
    const { givenName: _g, ...rest } = personInput();
    const res = await post(rest);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'givenName' })]);
  });

  it('malformed JSON is a 400 about the body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"nhsNumber": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  it('an oversize body is a 413', async () => {
    const res = await post({ ...personInput(), communicationNeeds: 'x'.repeat(2_000_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  it('a bad contact is named by its place in the list', async () => {
    const res = await post(personInput({ contacts: [{ name: 'A', role: 'cousin' } as never] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['contacts.0.role', 'contacts.0.relationship']),
    );
  });
});

describe('changing a person', () => {
  it('applies a change at the version read and refuses a stale one with 409', async () => {
    const created = (await post(personInput({ nhsNumber: '9990000034', familyName: 'Zzedit' }))).json();
    const patch = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/people/${created.id}`, headers: auth, payload });

    const first = await patch({ version: 1, phone: '01632 960123' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ phone: '01632 960123', version: 2, familyName: 'Zzedit' });

    const stale = await patch({ version: 1, phone: '01632 960999' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2, errors: [{ field: 'version' }] });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/people/${created.id}`, headers: auth });
    expect(read.json().phone).toBe('01632 960123');
  });

  it('keeps contacts unless the update sends a new list', async () => {
    const created = (
      await post(
        personInput({
          nhsNumber: '9990000042',
          familyName: 'Zzkeep',
          contacts: [{ name: 'Sam', role: 'friend', relationship: 'friend', isNextOfKin: false, maySeePlan: false }],
        }),
      )
    ).json();
    const url = `/api/v1/people/${created.id}`;
    const kept = await t.app.inject({ method: 'PATCH', url, headers: auth, payload: { version: 1, town: 'Thornton Heath' } });
    expect(kept.json().contacts).toHaveLength(1);
    const cleared = await t.app.inject({ method: 'PATCH', url, headers: auth, payload: { version: 2, contacts: [] } });
    expect(cleared.json().contacts).toHaveLength(0);
  });

  it('answers 404 for a person who is not there', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/people/00000000-0000-4000-8000-000000000000',
      headers: auth,
      payload: { version: 1, town: 'Purley' },
    });
    expect(res.statusCode).toBe(404);
  });
});
