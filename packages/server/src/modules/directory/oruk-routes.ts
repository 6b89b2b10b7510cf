/**
 * The Open Referral UK read API (v3 UK profile), so that other directories can use Kith's:
 * `GET /openreferral/` (which version it speaks), `/services` (paged, with the profile's query
 * parameters), `/services/{id}` (the whole nested service), `/taxonomies` and `/taxonomy_terms`.
 * As the profile requires, it is open, with no key, and any web page may call it (CORS `*`):
 * the directory is public information and holds no person data.
 *
 * Services are named by Kith's own id, unique across the feeds the directory merges.
 */
import { DIRECTORY_MAX_PER_PAGE, WEEKDAYS, type DirectoryService, minuteOfClock, orukFeedRoot, orukPage, toOrukService, toOrukServiceSummary } from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, rowsOf } from '../../platform/db/client.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { orukServiceOf } from './listing.js';
import { vocabulary } from './taxonomy.js';

const tags = ['open referral'];
const answer = z.looseObject({});
const whole = (max: number) => z.coerce.number('Must be a whole number').int('Must be a whole number').min(0, 'Must be 0 or more').max(max, `Must be at most ${max}`);
const clock = z.string().refine((t) => minuteOfClock(t.slice(0, 5)) !== undefined, 'Must be a time like 09:30');

/** The profile's parameters for /services; others a consumer sends are ignored, as the profile lets a feed do. */
const servicesQuery = z.looseObject({
  search: z.string().max(200, 'At most 200 characters').optional(),
  page: whole(100_000).pipe(z.number().min(1, 'Must be 1 or more')).default(1),
  per_page: whole(DIRECTORY_MAX_PER_PAGE).pipe(z.number().min(1, 'Must be 1 or more')).default(50),
  taxonomy_term_id: z.string().max(200).optional(),
  organization_id: z.string().max(200).optional(),
  modified_after: z.iso.datetime({ offset: true, message: 'Must be a date and time, like 2026-11-01T00:00:00Z' }).optional(),
  minimum_age: whole(120).optional(),
  maximum_age: whole(120).optional(),
  day: z.string().transform((d) => d.toLowerCase()).pipe(z.enum(WEEKDAYS, 'Must be a day of the week, like tuesday')).optional(),
  start_time: clock.optional(),
  end_time: clock.optional(),
  full: z.enum(['true', 'false'], 'Must be true or false').optional(),
});
type ServicesQuery = z.output<typeof servicesQuery>;

function filters(q: ServicesQuery): SQL[] {
  const where: SQL[] = [sql`s.status <> 'defunct'`];
  if (q.search) where.push(sql`s.search @@ websearch_to_tsquery('english', ${q.search})`);
  if (q.taxonomy_term_id) where.push(sql`${q.taxonomy_term_id} = ANY(s.taxonomy_codes)`);
  if (q.organization_id) where.push(sql`(s.organization_id::text = ${q.organization_id} OR s.document->'organization'->>'id' = ${q.organization_id})`);
  if (q.modified_after) where.push(sql`s.updated_at > ${q.modified_after}::timestamptz`);
  if (q.minimum_age !== undefined) where.push(sql`coalesce(s.maximum_age, 200) >= ${q.minimum_age}`);
  if (q.maximum_age !== undefined) where.push(sql`coalesce(s.minimum_age, 0) <= ${q.maximum_age}`);
  if (q.day) {
    const from = q.start_time ? minuteOfClock(q.start_time.slice(0, 5))! : 0;
    const to = q.end_time ? minuteOfClock(q.end_time.slice(0, 5))! : 1440;
    where.push(sql`EXISTS (SELECT 1 FROM directory_session w WHERE w.service_id = s.id AND w.weekday = ${WEEKDAYS.indexOf(q.day) + 1}
      AND w.opens_minute < ${to} AND w.closes_minute > ${from})`);
  }
  return where;
}

async function servicesPage(db: Db, q: ServicesQuery) {
  const rows = await rowsOf<{ id: string; document: DirectoryService; total: number }>(
    db,
    sql`SELECT s.id, s.document, count(*) OVER ()::int AS total FROM directory_service s
        WHERE ${sql.join(filters(q), sql` AND `)}
        ORDER BY s.name, s.id LIMIT ${q.per_page} OFFSET ${(q.page - 1) * q.per_page}`,
  );
  const full = q.full === 'true';
  const contents = rows.map((r) => (full ? toOrukService : toOrukServiceSummary)({ ...r.document, id: r.id }));
  // A page past the end holds nothing, and says how many there are.
  const totalItems = rows[0]?.total ?? (await countOf(db, q));
  return orukPage(contents, { page: q.page, perPage: q.per_page, totalItems });
}

async function countOf(db: Db, q: ServicesQuery): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM directory_service s WHERE ${sql.join(filters(q), sql` AND `)}`);
  return row!.n;
}

export async function orukRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
  });

  r.get('/', {
    schema: { tags, summary: 'Which version of Open Referral UK this API speaks', response: { 200: answer } },
    handler: (request) => ({ ...orukFeedRoot(`${request.protocol}://${request.host}/api/docs/json`) }),
  });

  r.get('/services', {
    schema: { tags, summary: 'Services, paged (Open Referral UK v3)', querystring: servicesQuery, response: { 200: answer, 400: problemSchema } },
    handler: async (request) => ({ ...(await servicesPage(db, request.query)) }),
  });

  r.get('/services/:id', {
    schema: { tags, summary: 'One service, fully nested (Open Referral UK v3)', params: z.strictObject({ id: z.uuid('Must be a service id') }), response: { 200: answer, 400: problemSchema, 404: problemSchema } },
    handler: (request) => orukServiceOf(db, request.params.id),
  });

  r.get('/taxonomy_terms', {
    schema: { tags, summary: 'The vocabulary services are classified by', response: { 200: answer } },
    handler: async () => {
      const terms = await vocabulary(db);
      return { ...orukPage(terms, { page: 1, perPage: Math.max(terms.length, 1), totalItems: terms.length }) };
    },
  });

  r.get('/taxonomies', {
    schema: { tags, summary: 'The vocabularies in use', response: { 200: answer } },
    handler: async () => {
      const names = [...new Set((await vocabulary(db)).map((t) => t.taxonomy ?? 'unnamed'))];
      const taxonomies = names.map((name) => ({ id: name, name, description: `Terms of the ${name} vocabulary` }));
      return { ...orukPage(taxonomies, { page: 1, perPage: Math.max(taxonomies.length, 1), totalItems: taxonomies.length }) };
    },
  });
}
