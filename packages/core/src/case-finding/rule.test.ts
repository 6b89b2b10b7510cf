import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REFERRAL_RULE,
  describeCriterion,
  describeProblems,
  describeRule,
  validateReferralRule,
  type Criterion,
  type RuleProblem,
} from './rule.js';

function problemsOf(input: unknown): RuleProblem[] {
  const result = validateReferralRule(input);
  if (result.ok) throw new Error('expected the rule to be refused');
  return result.problems;
}

const rule = (criteria: unknown) => ({ name: 'A rule', criteria });

describe('the default rule', () => {
  it("is the documents' rule: 2 or more long-term conditions and 2 or more emergency admissions in 12 months", () => {
    expect(DEFAULT_REFERRAL_RULE.criteria).toEqual({
      kind: 'and',
      clauses: [
        { kind: 'long_term_conditions', atLeast: 2 },
        { kind: 'emergency_admissions', atLeast: 2, months: 12 },
      ],
    });
    expect(describeRule(DEFAULT_REFERRAL_RULE)).toBe(
      '2 or more long-term conditions and 2 or more emergency admissions in the last 12 months',
    );
  });

  it('passes its own validation unchanged', () => {
    expect(validateReferralRule(DEFAULT_REFERRAL_RULE)).toEqual({ ok: true, rule: DEFAULT_REFERRAL_RULE });
  });
});

describe('validation names the field of each problem', () => {
  it('a missing name and bad numbers inside a group', () => {
    const problems = problemsOf({
      name: '  ',
      criteria: {
        kind: 'and',
        clauses: [
          { kind: 'long_term_conditions', atLeast: 0 },
          { kind: 'emergency_admissions', atLeast: 2, months: 61 },
          { kind: 'ae_attendances', atLeast: 1.5, months: 6 },
        ],
      },
    });
    expect(problems).toEqual([
      { field: 'name', reason: 'Give the rule a name' },
      { field: 'criteria.clauses.0.atLeast', reason: 'Give a number of 1 or more' },
      { field: 'criteria.clauses.1.months', reason: 'Give 60 months or fewer' },
      { field: 'criteria.clauses.2.atLeast', reason: 'Give a whole number' },
    ]);
    expect(describeProblems(problems)).toContain('criteria.clauses.1.months: Give 60 months or fewer');
  });

  it('a missing field deep in nested groups', () => {
    const problems = problemsOf(
      rule({ kind: 'or', clauses: [{ kind: 'and', clauses: [{ kind: 'emergency_admissions', atLeast: 2 }] }] }),
    );
    expect(problems.map((p) => p.field)).toEqual(['criteria.clauses.0.clauses.0.months']);
  });

  it('an unknown kind of clause, and a field a clause does not have', () => {
    expect(problemsOf(rule({ kind: 'frailty', atLeast: 1 }))[0]!.field).toBe('criteria.kind');
    expect(problemsOf(rule({ kind: 'long_term_conditions', atLeast: 2, months: 12 }))).toEqual([
      { field: 'criteria.months', reason: 'Not a field of this clause' },
    ]);
  });

  it('an empty group, and groups nested too deep', () => {
    expect(problemsOf(rule({ kind: 'or', clauses: [] }))).toEqual([
      { field: 'criteria.clauses', reason: 'Give at least one clause' },
    ]);
    const deep = { kind: 'and', clauses: [{ kind: 'or', clauses: [{ kind: 'and', clauses: [{ kind: 'or', clauses: [{ kind: 'age', from: 65 }] }] }] }] };
    expect(problemsOf(rule(deep))).toEqual([{ field: 'criteria', reason: 'Nest "and" and "or" groups at most 3 deep' }]);
    const threeDeep = { kind: 'and', clauses: [{ kind: 'or', clauses: [{ kind: 'and', clauses: [{ kind: 'age', from: 65 }] }] }] };
    expect(validateReferralRule(rule(threeDeep)).ok).toBe(true);
  });

  it('an age band with no ends, or upside down', () => {
    expect(problemsOf(rule({ kind: 'age' }))).toEqual([
      { field: 'criteria.from', reason: 'Give the youngest age, the oldest age or both' },
    ]);
    expect(problemsOf(rule({ kind: 'age', from: 80, to: 70 }))).toEqual([
      { field: 'criteria.to', reason: 'The oldest age must not be below the youngest' },
    ]);
    expect(problemsOf(rule({ kind: 'age', from: -1 }))[0]!.field).toBe('criteria.from');
  });

  it('an unknown condition, a condition named twice, none at all', () => {
    expect(problemsOf(rule({ kind: 'has_condition', conditions: ['copd', 'gout'] }))[0]!.field).toBe(
      'criteria.conditions.1',
    );
    expect(problemsOf(rule({ kind: 'has_condition', conditions: ['copd', 'copd'] }))[0]!.field).toBe('criteria.conditions');
    expect(problemsOf(rule({ kind: 'has_condition', conditions: [] }))[0]).toEqual({
      field: 'criteria.conditions',
      reason: 'Choose at least one condition',
    });
  });

  it('a number given as text', () => {
    expect(problemsOf(rule({ kind: 'emergency_admissions', atLeast: '2', months: 12 }))).toEqual([
      { field: 'criteria.atLeast', reason: 'Give a whole number' },
    ]);
  });

  it('fills in "any" for a condition clause without a match, and trims the name', () => {
    const result = validateReferralRule({ name: ' Heart failure ', criteria: { kind: 'has_condition', conditions: ['heart_failure'] } });
    expect(result).toEqual({
      ok: true,
      rule: { name: 'Heart failure', criteria: { kind: 'has_condition', conditions: ['heart_failure'], match: 'any' } },
    });
  });
});

describe('rules in plain words', () => {
  const words = (criterion: Criterion) => describeCriterion(criterion);

  it('says each kind of clause', () => {
    expect(words({ kind: 'long_term_conditions', atLeast: 3 })).toBe('3 or more long-term conditions');
    expect(words({ kind: 'emergency_admissions', atLeast: 1, months: 1 })).toBe(
      '1 or more emergency admissions in the last month',
    );
    expect(words({ kind: 'ae_attendances', atLeast: 4, months: 6 })).toBe('4 or more A&E attendances in the last 6 months');
    expect(words({ kind: 'age', from: 65, to: 74 })).toBe('aged 65 to 74');
    expect(words({ kind: 'age', from: 75 })).toBe('aged 75 or over');
    expect(words({ kind: 'age', to: 17 })).toBe('aged 17 or under');
    expect(words({ kind: 'has_condition', conditions: ['heart_failure'], match: 'any' })).toBe('has heart failure');
    expect(words({ kind: 'has_condition', conditions: ['heart_failure', 'copd', 'dementia'], match: 'any' })).toBe(
      'has heart failure, COPD or dementia',
    );
    expect(words({ kind: 'has_condition', conditions: ['heart_failure', 'copd'], match: 'all' })).toBe(
      'has heart failure and COPD',
    );
  });

  it('brackets nested groups', () => {
    expect(
      words({
        kind: 'and',
        clauses: [
          { kind: 'age', from: 75 },
          {
            kind: 'or',
            clauses: [
              { kind: 'emergency_admissions', atLeast: 2, months: 12 },
              { kind: 'ae_attendances', atLeast: 3, months: 6 },
            ],
          },
        ],
      }),
    ).toBe('aged 75 or over and (2 or more emergency admissions in the last 12 months or 3 or more A&E attendances in the last 6 months)');
  });
});
