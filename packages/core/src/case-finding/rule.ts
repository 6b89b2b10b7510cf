/**
 * Referral rules as configuration: a named rule is one criterion, which is either a single
 * clause or an "and" / "or" group of criteria (groups may nest, at most three deep, so a rule
 * stays readable on one line). The server keeps each rule's versions; this is only the shape,
 * its validation and its words.
 *
 * Clauses:
 * - `long_term_conditions`: at least N of the long-term conditions in code-lists.ts.
 * - `emergency_admissions`: at least N emergency admissions in the last M months (evaluate.ts
 *   says exactly what counts).
 * - `ae_attendances`: at least N A&E attendances in the last M months.
 * - `age`: aged `from` to `to` years inclusive on the day of evaluation; either end may be left
 *   open.
 * - `has_condition`: has any (or all) of the named long-term conditions.
 */
import { z } from 'zod';
import { CONDITION_KEYS, type ConditionKey } from './code-lists.js';
import { CONDITION_LABELS, listInWords } from './conditions.js';

export const MAX_COUNT = 100;
export const MAX_MONTHS = 60;
export const MAX_AGE_YEARS = 130;
export const MAX_GROUP_DEPTH = 3;
export const MAX_CLAUSES_PER_GROUP = 20;

export interface LongTermConditionsClause {
  kind: 'long_term_conditions';
  atLeast: number;
}
export interface EmergencyAdmissionsClause {
  kind: 'emergency_admissions';
  atLeast: number;
  months: number;
}
export interface AeAttendancesClause {
  kind: 'ae_attendances';
  atLeast: number;
  months: number;
}
export interface AgeClause {
  kind: 'age';
  from?: number;
  to?: number;
}
export interface HasConditionClause {
  kind: 'has_condition';
  conditions: ConditionKey[];
  match: 'any' | 'all';
}
export interface CriteriaGroup {
  kind: 'and' | 'or';
  clauses: Criterion[];
}
export type LeafClause =
  | LongTermConditionsClause
  | EmergencyAdmissionsClause
  | AeAttendancesClause
  | AgeClause
  | HasConditionClause;
export type Criterion = LeafClause | CriteriaGroup;

export interface ReferralRule {
  name: string;
  criteria: Criterion;
}

const count = z
  .number('Give a whole number')
  .int('Give a whole number')
  .min(1, 'Give a number of 1 or more')
  .max(MAX_COUNT, `Give a number of ${MAX_COUNT} or fewer`);
const months = z
  .number('Give a whole number of months')
  .int('Give a whole number of months')
  .min(1, 'Give 1 month or more')
  .max(MAX_MONTHS, `Give ${MAX_MONTHS} months or fewer`);
const years = z
  .number('Give an age in whole years')
  .int('Give an age in whole years')
  .min(0, 'Give an age of 0 or more')
  .max(MAX_AGE_YEARS, `Give an age of ${MAX_AGE_YEARS} or less`);

const longTermConditionsSchema = z.strictObject({ kind: z.literal('long_term_conditions'), atLeast: count });
const emergencyAdmissionsSchema = z.strictObject({ kind: z.literal('emergency_admissions'), atLeast: count, months });
const aeAttendancesSchema = z.strictObject({ kind: z.literal('ae_attendances'), atLeast: count, months });
const ageSchema = z
  .strictObject({ kind: z.literal('age'), from: years.optional(), to: years.optional() })
  .refine((c) => c.from !== undefined || c.to !== undefined, {
    message: 'Give the youngest age, the oldest age or both',
    path: ['from'],
  })
  .refine((c) => c.from === undefined || c.to === undefined || c.from <= c.to, {
    message: 'The oldest age must not be below the youngest',
    path: ['to'],
  });
const hasConditionSchema = z.strictObject({
  kind: z.literal('has_condition'),
  conditions: z
    .array(z.enum(CONDITION_KEYS, `Choose from the long-term conditions: ${CONDITION_KEYS.join(', ')}`))
    .min(1, 'Choose at least one condition')
    .max(CONDITION_KEYS.length)
    .refine((keys) => new Set(keys).size === keys.length, 'Name each condition once'),
  match: z.enum(['any', 'all'], 'Choose any or all').default('any'),
});

const KINDS = ['and', 'or', 'long_term_conditions', 'emergency_admissions', 'ae_attendances', 'age', 'has_condition'];

export const criterionSchema: z.ZodType<Criterion> = z.lazy(() =>
  z.discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.enum(['and', 'or']),
        clauses: z
          .array(criterionSchema)
          .min(1, 'Give at least one clause')
          .max(MAX_CLAUSES_PER_GROUP, `Give ${MAX_CLAUSES_PER_GROUP} clauses or fewer`),
      }),
      longTermConditionsSchema,
      emergencyAdmissionsSchema,
      aeAttendancesSchema,
      ageSchema,
      hasConditionSchema,
    ],
    { error: `Choose a kind of clause: ${KINDS.join(', ')}` },
  ),
) as z.ZodType<Criterion>;

export function isGroup(criterion: Criterion): criterion is CriteriaGroup {
  return criterion.kind === 'and' || criterion.kind === 'or';
}

function groupDepth(criterion: Criterion): number {
  if (!isGroup(criterion)) return 0;
  return 1 + Math.max(...criterion.clauses.map(groupDepth));
}

export const referralRuleSchema: z.ZodType<ReferralRule> = z
  .strictObject({
    name: z
      .string('Give the rule a name')
      .trim()
      .min(1, 'Give the rule a name')
      .max(100, 'Keep the name to 100 characters or fewer'),
    criteria: criterionSchema,
  })
  .refine((rule) => groupDepth(rule.criteria) <= MAX_GROUP_DEPTH, {
    message: `Nest "and" and "or" groups at most ${MAX_GROUP_DEPTH} deep`,
    path: ['criteria'],
  });

export interface RuleProblem {
  /** Where the problem is, as a dotted path: "criteria.clauses.1.months". */
  field: string;
  reason: string;
}

export type RuleValidation = { ok: true; rule: ReferralRule } | { ok: false; problems: RuleProblem[] };

/** Validates a rule from an admin's form or a stored version; each problem names its field. */
export function validateReferralRule(input: unknown): RuleValidation {
  const parsed = referralRuleSchema.safeParse(input);
  if (parsed.success) return { ok: true, rule: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ field: path ? `${path}.${key}` : key, reason: 'Not a field of this clause' }));
      }
      return [{ field: path || '(rule)', reason: issue.message }];
    }),
  };
}

/** "criteria.clauses.1.months: Give 60 months or fewer; name: Give the rule a name". */
export function describeProblems(problems: readonly RuleProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
}

/** The documents' rule: two long-term conditions and two emergency admissions in the last year. */
export const DEFAULT_REFERRAL_RULE: ReferralRule = {
  name: 'Two long-term conditions and two emergency admissions',
  criteria: {
    kind: 'and',
    clauses: [
      { kind: 'long_term_conditions', atLeast: 2 },
      { kind: 'emergency_admissions', atLeast: 2, months: 12 },
    ],
  },
};

const monthsWords = (m: number) => (m === 1 ? 'the last month' : `the last ${m} months`);

/** One clause or group in plain words; nested groups are bracketed. */
export function describeCriterion(criterion: Criterion, nested = false): string {
  switch (criterion.kind) {
    case 'and':
    case 'or': {
      const words = criterion.clauses.map((c) => describeCriterion(c, true)).join(` ${criterion.kind} `);
      return nested && criterion.clauses.length > 1 ? `(${words})` : words;
    }
    case 'long_term_conditions':
      return `${criterion.atLeast} or more long-term conditions`;
    case 'emergency_admissions':
      return `${criterion.atLeast} or more emergency admissions in ${monthsWords(criterion.months)}`;
    case 'ae_attendances':
      return `${criterion.atLeast} or more A&E attendances in ${monthsWords(criterion.months)}`;
    case 'age':
      if (criterion.from !== undefined && criterion.to !== undefined) {
        return criterion.from === criterion.to ? `aged ${criterion.from}` : `aged ${criterion.from} to ${criterion.to}`;
      }
      return criterion.from !== undefined ? `aged ${criterion.from} or over` : `aged ${criterion.to} or under`;
    case 'has_condition':
      return `has ${listInWords(
        criterion.conditions.map((k) => CONDITION_LABELS[k]),
        criterion.match === 'all' ? 'and' : 'or',
      )}`;
  }
}

/** The rule in plain words: "2 or more long-term conditions and 2 or more emergency admissions in the last 12 months". */
export function describeRule(rule: ReferralRule): string {
  return describeCriterion(rule.criteria);
}
