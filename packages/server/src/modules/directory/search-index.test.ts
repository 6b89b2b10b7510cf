/**
 * The directory's search index against the database itself: words matched and ranked exactly as
 * PostgreSQL's full-text search matches and ranks them, over a synthetic directory; and a search
 * never answered from a directory older than the database's, whoever changed it.
 */
import { randomUUID } from 'node:crypto';
import { DIRECTORY_VOCABULARY, matchesWords, parseWordQuery, synthesiseDirectory, wordsRank } from '@kith/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { orukPageOf, orukService } from '../../../test/directory-fixtures.js';
import { rowsOf } from '../../platform/db/client.js';
import { saveFeed } from './feeds.js';
import { importFeed } from './imports.js';
import { ensurePostcodes } from './postcodes.js';
import { DirectorySearchIndex } from './search-index.js';
import { loadVocabulary } from './taxonomy.js';

const NOW = new Date('2026-11-19T10:00:00Z');
const SERVICES = 240;
let t: TestApp;
let coordinator: StaffSession;
let lead: StaffSession;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  await ensurePostcodes(db);
  const council = await createOrganisation(db, 'Croydon Council', 'council');
  coordinator = await staffWithSession(db, 'coordinator', council, NOW);
  lead = await staffWithSession(db, 'network_lead', council, NOW);
  await saveFeed(db, 'community', { name: 'Community directory', kind: 'voluntary' }, NOW);
  await loadVocabulary(db, 'json', { contents: DIRECTORY_VOCABULARY });
  const { feed } = synthesiseDirectory({ services: SERVICES, seed: 7, referenceDate: '2026-11-19' });
  await importFeed(db, { feedId: 'community', format: 'oruk_json', body: feed, importer: { staffId: null, apiClientId: null }, now: NOW });
});
afterAll(() => t?.close());

const search = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/directory/services?${query}`, headers: coordinator.auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: { id: string; name: string }[] };
};

describe('words, as the database means them', () => {
  const TYPED = [
    'lunch club',
    'walking',
    'walks group',
    '"lunch club"',
    '"walking group in the park"',
    'lunch or walking',
    'club -lunch',
    'befriending for carers',
    'singing dementia',
    'café',
    'gardening or crafts -tea',
    'the',
  ];

  it.each(TYPED)('%s: the same listings, ranked the same', async (typed) => {
    const db = t.database.db;
    const expected = await rowsOf<{ id: string; rank: number }>(
      db,
      sql`SELECT s.id, ts_rank(s.search, q, 32)::float8 AS rank FROM directory_service s, websearch_to_tsquery('english', ${typed}) q
          WHERE s.status = 'active' AND s.search @@ q ORDER BY s.id`,
    );
    const [{ words }] = (await rowsOf<{ words: string }>(db, sql`SELECT websearch_to_tsquery('english', ${typed})::text AS words`)) as [{ words: string }];
    const query = parseWordQuery(words);
    const { index } = await new DirectorySearchIndex(t.database).current();
    const found = query ? index.listings.filter((l) => matchesWords(l.words, query)) : [];
    const ranked = found.map((l) => ({ id: l.id, rank: wordsRank(l.words, query!) })).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(ranked.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    ranked.forEach((r, i) => expect(r.rank).toBeCloseTo(expected[i]!.rank, 6));
  });

  it('finds something for most of these, so the comparison means something', async () => {
    const { index } = await new DirectorySearchIndex(t.database).current();
    expect(index.size).toBeGreaterThan(SERVICES * 0.9);
    expect((await search('text=lunch%20club')).total).toBeGreaterThan(3);
    expect((await search('text=walking')).total).toBeGreaterThan(3);
  });
});

describe('kept up to date with the database', () => {
  it('finds a listing another server or the command line changed as soon as the database says so', async () => {
    const db = t.database.db;
    expect((await search('text=zebra')).total).toBe(0);
    const [{ id }] = (await rowsOf<{ id: string }>(db, sql`SELECT id FROM directory_service WHERE status = 'active' ORDER BY id LIMIT 1`)) as [{ id: string }];
    await db.execute(sql`UPDATE directory_service SET name = 'Zebra Knitting Circle' WHERE id = ${id}`);
    await expect.poll(async () => (await search('text=zebra')).items.map((i) => i.id), { timeout: 5_000 }).toEqual([id]);
    await db.execute(sql`UPDATE directory_service SET status = 'inactive' WHERE id = ${id}`);
    await expect.poll(async () => (await search('text=zebra')).total, { timeout: 5_000 }).toBe(0);
  });

  it('finds a change made through this server in the very next searches, all of them', async () => {
    expect((await search('text=yodelling')).total).toBe(0);
    const term = DIRECTORY_VOCABULARY.find((t) => t.code === 'befriending')!;
    const circle = {
      ...orukService({ name: 'Yodelling Circle', postcode: 'CR0 1NX', byday: 'WE', opens: '10:00', closes: '12:00', term: 'befriending' }),
      attributes: [{ id: randomUUID(), taxonomy_term_id: term.id, taxonomy_term: term }],
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/directory/feeds/community/imports', headers: lead.auth, payload: orukPageOf([circle]) });
    expect(res.json(), res.body).toMatchObject({ created: 1 });
    const pages = await Promise.all(Array.from({ length: 6 }, () => search('text=yodelling')));
    expect(pages.map((p) => p.items.map((i) => i.name))).toEqual(Array(6).fill(['Yodelling Circle']));
  });

  it('is read once, then again only when a change is heard of', async () => {
    const index = new DirectorySearchIndex(t.database);
    const first = await index.current();
    expect(await index.current()).toBe(first);
    index.changedHere();
    const second = await index.current();
    expect(second).not.toBe(first);
    index.answered(true);
    expect(await index.current()).not.toBe(second);
    await index.close();
  });

  it('asks the database whether the directory changed until it is listening, and again whenever it stops', async () => {
    const index = new DirectorySearchIndex(t.database);
    expect(index.mustAskDatabase()).toBe(true);
    await index.current();
    await expect.poll(() => index.mustAskDatabase(), { timeout: 5_000 }).toBe(false);
    if (t.database.kind === 'postgres') {
      await t.database.db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "kith_directory_change"' AND datname = current_database()`);
      await expect.poll(() => index.mustAskDatabase(), { timeout: 5_000 }).toBe(true);
      await index.current(); // hearing again counts as a change: read again, then trusted
      await expect.poll(async () => (await index.current(), index.mustAskDatabase()), { timeout: 5_000 }).toBe(false);
    }
    await index.close();
  });
});
