import { nhsNumberCheckDigit } from '@kith/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { type AuthHeaders, personInput, signedInGp } from '../../../test/factories.js';

let t: TestApp;
let auth: AuthHeaders;

/** Valid NHS numbers in the test range, one for each index. */
function testNhsNumber(index: number): string {
  for (let base = 999_100_000 + index * 20; ; base++) {
    const check = nhsNumberCheckDigit(String(base));
    if (check !== undefined) return `${base}${check}`;
  }
}

const residents = [
  ['Margaret', 'Okafor', '1938-05-02', 'CR0 2AB'],
  ['Margaret', 'Oakley', '1950-11-30', 'CR7 8QT'],
  ['Mark', 'Okafor', '1972-01-15', 'CR0 2AB'],
  ['Olu', 'Marks', '1990-07-07', 'SE25 4XY'],
  ['Priya', 'Shah', '1938-05-02', 'CR4 1AA'],
  ['Percy', "O'Neill", '1944-02-29', 'CR0 9ZZ'],
  ['Margaret', 'Abbott', '1960-01-01', 'SE25 6AA'],
] as const;

beforeAll(async () => {
  t = await buildTestApp();
  ({ auth } = await signedInGp(t.app, t.database.db));
  for (const [i, [givenName, familyName, dateOfBirth, postcode]] of residents.entries()) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: auth,
      payload: personInput({ nhsNumber: testNhsNumber(i), givenName, familyName, dateOfBirth, postcode }),
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

async function search(query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/people?${query}`, headers: auth });
  return res;
}
const names = async (query: string) =>
  ((await search(query)).json().items as { givenName: string; familyName: string }[]).map((p) => `${p.givenName} ${p.familyName}`);

describe('finding a person', () => {
  it('by NHS number, typed with spaces', async () => {
    expect(await names(`nhsNumber=${encodeURIComponent(testNhsNumber(4).replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3'))}`)).toEqual(['Priya Shah']);
  });

  it('by the start of either name: family-name matches first, then given-name matches, each in name order', async () => {
    expect(await names('name=mar')).toEqual(['Olu Marks', 'Margaret Abbott', 'Margaret Oakley', 'Margaret Okafor', 'Mark Okafor']);
  });

  it('by given and family name together', async () => {
    expect(await names('name=mar%20oka')).toEqual(['Margaret Okafor', 'Mark Okafor']);
  });

  it('treats a name with an apostrophe, or LIKE wildcards, as plain text', async () => {
    expect(await names(`name=${encodeURIComponent("o'n")}`)).toEqual(["Percy O'Neill"]);
    expect(await names('name=%25%25')).toEqual([]);
    expect(await names('name=__')).toEqual([]);
  });

  it('by date of birth combined with postcode prefix', async () => {
    expect(await names('dateOfBirth=1938-05-02')).toEqual(['Margaret Okafor', 'Priya Shah']);
    expect(await names('dateOfBirth=1938-05-02&postcode=cr0')).toEqual(['Margaret Okafor']);
  });

  it('pages through a one-word name search across both parts without repeats', async () => {
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(...(await names(`name=mar&pageSize=2&page=${page}`)));
    expect(pages).toEqual(await names('name=mar'));
  });

  it('pages through results and says when more follow', async () => {
    const first = (await search('postcode=cr&pageSize=2')).json();
    expect(first).toMatchObject({ page: 1, pageSize: 2, hasMore: true });
    const last = (await search('postcode=cr&pageSize=2&page=3')).json();
    expect(last.hasMore).toBe(false);
    expect(last.items).toHaveLength(1);
    const all = await names('postcode=cr&pageSize=100');
    expect(all).toHaveLength(5);
    const paged = [...first.items, ...(await search('postcode=cr&pageSize=2&page=2')).json().items, ...last.items];
    expect(paged.map((p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`)).toEqual(all);
  });
});

describe('a search that cannot be run is a 400 naming the field', () => {
  it.each([
    ['', 'name'],
    ['name=a', 'name'],
    ['dateOfBirth=1938-02-30', 'dateOfBirth'],
    ['name=ok&pageSize=1000', 'pageSize'],
    ['name=ok&colour=red', 'colour'],
  ])('%s', async (query, field) => {
    const res = await search(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
