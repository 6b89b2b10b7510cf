/**
 * Evaluating a referral rule for one person as of one day, with the reasons in words.
 *
 * Reasons are the clauses that decided the outcome, each as what the person's record shows:
 * when the rule is met, the clauses that hold (for an "or" group only its branches that hold);
 * when it is not, the clauses that fail (for an "and" group only its failing branches). They are
 * joined with "; ", as in "3 long-term conditions: COPD, heart failure, diabetes; 2 emergency
 * admissions: 2026-03-04, 2026-07-19". Conditions are listed in the order of the code lists,
 * dates oldest first; the same words from two clauses are said once.
 */
import { isIsoDate } from '../people/dates.js';
import type { ConditionKey } from './code-lists.js';
import { CONDITION_LABELS, conditionsOf, listInWords, type CodedCondition } from './conditions.js';
import {
  aeAttendanceDates,
  emergencyAdmissionDates,
  inWindow,
  lastMonths,
  type EncounterFact,
} from './hospital-use.js';
import { isGroup, type Criterion, type LeafClause, type ReferralRule } from './rule.js';
import { ageAt, caseFindingScore, type CaseFindingScore } from './score.js';

export interface PersonFacts {
  /** ISO date, or null when unknown (an age clause then fails). */
  dateOfBirth: string | null;
  conditions: readonly CodedCondition[];
  encounters: readonly EncounterFact[];
}

/** What the person's record shows, as of the day of evaluation. */
export interface FactsFound {
  age: number | null;
  conditions: ConditionKey[];
  /** Every emergency admission up to the day, oldest first (each linked stay once). */
  emergencyAdmissions: string[];
  aeAttendances: string[];
}

export type CriterionResult =
  | { kind: 'and' | 'or'; met: boolean; clauses: CriterionResult[] }
  | { kind: LeafClause['kind']; met: boolean; words: string };

export interface RuleEvaluation {
  meets: boolean;
  /** The deciding clauses in words. */
  reasons: string[];
  /** The reasons joined with "; ". */
  reasonText: string;
  score: CaseFindingScore;
  found: FactsFound;
  result: CriterionResult;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const monthsWords = (m: number) => (m === 1 ? 'the last month' : `the last ${m} months`);

/** Reads the facts once; every clause then looks at the same findings. */
export function findFacts(facts: PersonFacts, asOf: string): FactsFound {
  if (!isIsoDate(asOf)) throw new Error(`Case-finding needs a calendar date to evaluate as of, not "${asOf}"`);
  return {
    age: ageAt(facts.dateOfBirth, asOf),
    conditions: [...conditionsOf(facts.conditions)],
    emergencyAdmissions: emergencyAdmissionDates(facts.encounters, asOf),
    aeAttendances: aeAttendanceDates(facts.encounters, asOf),
  };
}

function leafResult(clause: LeafClause, found: FactsFound, asOf: string): CriterionResult {
  switch (clause.kind) {
    case 'long_term_conditions': {
      const n = found.conditions.length;
      const words =
        n === 0
          ? 'no long-term conditions'
          : `${plural(n, 'long-term condition', 'long-term conditions')}: ${found.conditions.map((k) => CONDITION_LABELS[k]).join(', ')}`;
      return { kind: clause.kind, met: n >= clause.atLeast, words };
    }
    case 'emergency_admissions': {
      const window = lastMonths(asOf, clause.months);
      const dates = found.emergencyAdmissions.filter((d) => inWindow(d, window));
      const words =
        dates.length === 0
          ? `no emergency admissions in ${monthsWords(clause.months)}`
          : `${plural(dates.length, 'emergency admission', 'emergency admissions')}: ${dates.join(', ')}`;
      return { kind: clause.kind, met: dates.length >= clause.atLeast, words };
    }
    case 'ae_attendances': {
      const window = lastMonths(asOf, clause.months);
      const dates = found.aeAttendances.filter((d) => inWindow(d, window));
      const words =
        dates.length === 0
          ? `no A&E attendances in ${monthsWords(clause.months)}`
          : `${plural(dates.length, 'A&E attendance', 'A&E attendances')}: ${dates.join(', ')}`;
      return { kind: clause.kind, met: dates.length >= clause.atLeast, words };
    }
    case 'age': {
      const { age } = found;
      if (age === null) return { kind: clause.kind, met: false, words: 'date of birth not recorded' };
      const met = (clause.from === undefined || age >= clause.from) && (clause.to === undefined || age <= clause.to);
      return { kind: clause.kind, met, words: `aged ${age}` };
    }
    case 'has_condition': {
      const held = clause.conditions.filter((k) => found.conditions.includes(k));
      const met = clause.match === 'all' ? held.length === clause.conditions.length : held.length > 0;
      const missing = clause.conditions.filter((k) => !held.includes(k));
      const words = met
        ? `has ${listInWords(held.map((k) => CONDITION_LABELS[k]), 'and')}`
        : `no ${listInWords(missing.map((k) => CONDITION_LABELS[k]), 'or')} recorded`;
      return { kind: clause.kind, met, words };
    }
  }
}

function criterionResult(criterion: Criterion, found: FactsFound, asOf: string): CriterionResult {
  if (isGroup(criterion)) {
    const clauses = criterion.clauses.map((c) => criterionResult(c, found, asOf));
    const met = criterion.kind === 'and' ? clauses.every((c) => c.met) : clauses.some((c) => c.met);
    return { kind: criterion.kind, met, clauses };
  }
  return leafResult(criterion, found, asOf);
}

/** The words of the clauses that decided `result`, in rule order. */
function decidingWords(result: CriterionResult, into: string[]): void {
  if ('words' in result) {
    into.push(result.words);
    return;
  }
  // A group decides by the branches that agree with its outcome.
  for (const child of result.clauses) if (child.met === result.met) decidingWords(child, into);
}

export function evaluateRule(rule: ReferralRule, facts: PersonFacts, asOf: string): RuleEvaluation {
  return evaluateFound(rule, findFacts(facts, asOf), asOf);
}

/**
 * The same, from facts already found: the server's compiled rule finds them for a whole borough
 * in SQL (conditions once each, linked stays, attendances), and this words and scores them.
 */
export function evaluateFound(rule: ReferralRule, found: FactsFound, asOf: string): RuleEvaluation {
  const result = criterionResult(rule.criteria, found, asOf);
  const words: string[] = [];
  decidingWords(result, words);
  const reasons = [...new Set(words)];
  const year = lastMonths(asOf, 12);
  const score = caseFindingScore({
    longTermConditions: found.conditions.length,
    emergencyAdmissionsLast12Months: found.emergencyAdmissions.filter((d) => inWindow(d, year)).length,
    aeAttendancesLast12Months: found.aeAttendances.filter((d) => inWindow(d, year)).length,
    age: found.age,
  });
  return { meets: result.met, reasons, reasonText: reasons.join('; '), score, found, result };
}
