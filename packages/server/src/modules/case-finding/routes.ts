import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { caseFindingList, changeRule, createRule, ensureDefaultRule, listRules, ruleHistory, runCaseFinding } from './service.js';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema };
const config = { personData: true };
const tags = ['case-finding'];

const listQuery = z.object({
  ruleId: z.uuid('Must be a rule id').optional(),
  practiceId: z.uuid('Must be a practice id').optional(),
  networkId: z.uuid('Must be a network id').optional(),
  limit: z.coerce.number().int().min(1).max(1000, 'At most 1,000').default(200),
});

const listView = z.object({
  rule: z.object({ id: z.uuid(), name: z.string(), version: z.int() }),
  asOf: z.string().nullable(),
  people: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      nhsNumber: z.string(),
      dateOfBirth: z.string(),
      practiceName: z.string().nullable(),
      score: z.int(),
      reasons: z.string(),
    }),
  ),
  /** People on the list whose records the reader may not open: counted, not named. */
  notShown: z.int(),
});

/** A CSV field, quoted when it holds a comma, quote or line break; a leading formula sign is neutralised. */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function caseFindingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/case-finding/rules', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Case-finding rules, each at its current version',
      response: { 200: z.object({ rules: z.array(z.object({ id: z.uuid(), name: z.string(), networkId: z.uuid().nullable(), version: z.int(), criteria: z.unknown() })) }) },
    },
    handler: async () => {
      await ensureDefaultRule(db, deps.clock());
      return { rules: await listRules(db) };
    },
  });

  const ruleView = z.object({ id: z.uuid(), name: z.string(), networkId: z.uuid().nullable(), version: z.int(), criteria: z.unknown() });
  // The criteria are checked by core's referralRuleSchema in the service, so that each problem
  // names its place in the rule ("criteria.clauses.1.months").
  const ruleBody = z.object({ name: z.string(), criteria: z.unknown(), networkId: z.uuid('Must be a network id').nullable().optional() });
  const adminConfig = { personData: false };

  r.post('/case-finding/rules', {
    config: adminConfig,
    schema: { tags, summary: 'A new case-finding rule (administrators and network leads)', body: ruleBody, response: { 201: ruleView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await createRule(db, accessContext(request, deps), request.body)),
  });

  r.put('/case-finding/rules/:id', {
    config: adminConfig,
    schema: {
      tags,
      summary: 'Change a rule: a new version; send the version you read, a stale one is refused with 409',
      params: z.object({ id: z.uuid('Must be a rule id') }),
      body: ruleBody.extend({ version: z.int('Send the version you read').positive() }),
      response: { 200: ruleView, ...errors, 409: problemSchema },
    },
    handler: (request) => changeRule(db, accessContext(request, deps), request.params.id, request.body),
  });

  r.get('/case-finding/rules/:id/versions', {
    config: adminConfig,
    schema: {
      tags,
      summary: 'Every version of a rule, newest first',
      params: z.object({ id: z.uuid('Must be a rule id') }),
      response: {
        200: z.object({ versions: z.array(z.object({ version: z.int(), criteria: z.unknown(), description: z.string(), createdAt: z.string(), createdBy: z.string().nullable() })) }),
        ...errors,
      },
    },
    handler: async (request) => ({ versions: await ruleHistory(db, request.params.id) }),
  });

  r.post('/case-finding/rules/:id/runs', {
    config,
    schema: {
      tags,
      summary: 'Recompute a rule for everyone now',
      params: z.object({ id: z.uuid('Must be a rule id') }),
      response: { 200: z.object({ ruleId: z.uuid(), version: z.int(), found: z.int() }), ...errors },
    },
    handler: (request) => runCaseFinding(db, accessContext(request, deps), request.params.id),
  });

  r.get('/case-finding', {
    config,
    schema: { tags, summary: 'People who meet a rule, ranked, with reasons; for a practice or a network', querystring: listQuery, response: { 200: listView, ...errors } },
    handler: (request) => caseFindingList(db, accessContext(request, deps), request.query),
  });

  r.get('/case-finding/export', {
    config,
    schema: { tags, summary: 'The same list as CSV; each person in it is recorded as exported', querystring: listQuery, response: { ...errors } },
    handler: async (request, reply) => {
      const list = await caseFindingList(db, accessContext(request, deps), request.query, 'export');
      const header = 'NHS number,Name,Date of birth,GP practice,Score,Reasons';
      const lines = list.people.map((p) => [p.nhsNumber, p.name, p.dateOfBirth, p.practiceName, p.score, p.reasons].map(csvField).join(','));
      const csv: unknown = `${[header, ...lines].join('\r\n')}\r\n`;
      // Text, not JSON: the route's schemas describe only its problems, so the CSV goes out as is.
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="case-finding.csv"')
        .send(csv as never);
    },
  });
}
