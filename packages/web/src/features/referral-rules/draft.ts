import { type ConditionKey, type Criterion, isGroup, type LeafClause } from '@kith/core';
import { isApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import type { FormError } from '../../components/ErrorSummary';

export type ClauseKind = LeafClause['kind'];
export type Combine = 'and' | 'or';

/** One clause as the form holds it: every number as typed, whatever the kind needs. */
export interface ClauseDraft {
  /** Stable while clauses are added and removed, for React; ids in the page use the position. */
  key: number;
  kind: ClauseKind;
  atLeast: string;
  months: string;
  from: string;
  to: string;
  conditions: ConditionKey[];
  match: 'any' | 'all';
}

export interface RuleDraft {
  name: string;
  combine: Combine;
  clauses: ClauseDraft[];
}

export const CLAUSE_KINDS: { value: ClauseKind; text: string }[] = [
  { value: 'long_term_conditions', text: 'Number of long-term conditions' },
  { value: 'emergency_admissions', text: 'Emergency admissions' },
  { value: 'ae_attendances', text: 'A&E attendances' },
  { value: 'age', text: 'Age' },
  { value: 'has_condition', text: 'Has a long-term condition' },
];

let nextKey = 1;

export function blankClause(): ClauseDraft {
  return { key: nextKey++, kind: 'long_term_conditions', atLeast: '1', months: '12', from: '', to: '', conditions: [], match: 'any' };
}

export function blankRule(): RuleDraft {
  return { name: '', combine: 'and', clauses: [blankClause()] };
}

/**
 * Whether the form can show these criteria: one clause, or one "and" / "or" group of clauses.
 * Groups within groups are shown in words only; they are changed through the API.
 */
export function isEditable(criteria: Criterion): boolean {
  return !isGroup(criteria) || criteria.clauses.every((clause) => !isGroup(clause));
}

export function draftOf(name: string, criteria: Criterion): RuleDraft {
  const combine: Combine = isGroup(criteria) ? criteria.kind : 'and';
  const leaves = (isGroup(criteria) ? criteria.clauses : [criteria]).filter((c): c is LeafClause => !isGroup(c));
  return { name, combine, clauses: leaves.map(clauseDraftOf) };
}

function clauseDraftOf(clause: LeafClause): ClauseDraft {
  const draft = { ...blankClause(), kind: clause.kind };
  switch (clause.kind) {
    case 'long_term_conditions':
      return { ...draft, atLeast: String(clause.atLeast) };
    case 'emergency_admissions':
    case 'ae_attendances':
      return { ...draft, atLeast: String(clause.atLeast), months: String(clause.months) };
    case 'age':
      return { ...draft, from: clause.from === undefined ? '' : String(clause.from), to: clause.to === undefined ? '' : String(clause.to) };
    case 'has_condition':
      return { ...draft, conditions: [...clause.conditions], match: clause.match };
  }
}

/** A number as typed: empty is left out, anything else goes to the server to judge (not a number is sent as null). */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/**
 * The criteria to send: always an "and" / "or" group, so the server names each problem by
 * the clause's position ("criteria.clauses.0.months"), which the form's ids follow.
 */
export function criteriaOf(draft: RuleDraft): Criterion {
  return { kind: draft.combine, clauses: draft.clauses.map(clauseOf) };
}

function clauseOf(clause: ClauseDraft): LeafClause {
  const atLeast = numberOf(clause.atLeast) as number;
  const months = numberOf(clause.months) as number;
  switch (clause.kind) {
    case 'long_term_conditions':
      return { kind: clause.kind, atLeast };
    case 'emergency_admissions':
    case 'ae_attendances':
      return { kind: clause.kind, atLeast, months };
    case 'age':
      return { kind: 'age', from: numberOf(clause.from), to: numberOf(clause.to) };
    case 'has_condition':
      return { kind: 'has_condition', conditions: clause.conditions, match: clause.match };
  }
}

/** The id of a clause's input: "clause-1-months" for the second clause's months. */
export function clauseFieldId(index: number, field: 'kind' | 'atLeast' | 'months' | 'from' | 'to' | 'conditions' | 'match'): string {
  return `clause-${index}-${field}`;
}

export const NAME_ID = 'rule-name';
export const COMBINE_ID = 'combine';
export const ADD_CLAUSE_ID = 'add-clause';
export const NETWORK_ID = 'network';

const CLAUSE_FIELD_LABELS: Record<string, string> = {
  kind: 'kind of clause',
  atLeast: 'how many',
  months: 'months',
  from: 'youngest age',
  to: 'oldest age',
  conditions: 'conditions',
  match: 'any or all',
};

/** Where a server's field path points in the form, and how the problem reads there. */
function targetOf(field: string): { id: string; label: string } | undefined {
  const [head, second, third, fourth] = field.split('.');
  if (head === 'name') return { id: NAME_ID, label: 'Name' };
  if (head === 'networkId') return { id: NETWORK_ID, label: 'Network' };
  if (head !== 'criteria') return undefined;
  if (second === undefined || second === 'kind') return { id: COMBINE_ID, label: 'Combine clauses with' };
  if (second !== 'clauses') return undefined;
  if (third === undefined) return { id: ADD_CLAUSE_ID, label: 'Clauses' };
  const index = Number(third);
  if (!Number.isInteger(index)) return undefined;
  const part = fourth && fourth in CLAUSE_FIELD_LABELS ? fourth : 'kind';
  return {
    id: clauseFieldId(index, part as Parameters<typeof clauseFieldId>[1]),
    label: `Clause ${index + 1}, ${CLAUSE_FIELD_LABELS[part]}`,
  };
}

/** The problems to show after the API refused a rule; a 409 is shown as a banner, not here. */
export function ruleErrors(error: unknown): FormError[] {
  if (isApiError(error, 403)) return [{ message: 'Only administrators and network leads can change case-finding rules.' }];
  if (!isApiError(error, 400)) return [{ message: SERVICE_PROBLEM }];
  const fieldErrors = error.problem.errors ?? [];
  if (fieldErrors.length === 0) return [{ message: error.problem.detail ?? error.problem.title }];
  const seen = new Set<string>();
  return fieldErrors.flatMap(({ field, reason }) => {
    const target = targetOf(field);
    const message = target ? `${target.label}: ${lowerFirst(reason)}` : reason;
    // "conditions.0" and "conditions.1" may say the same thing; once is enough.
    const once = `${target?.id ?? ''}|${message}`;
    if (seen.has(once)) return [];
    seen.add(once);
    return [target ? { fieldId: target.id, message } : { message }];
  });
}

/** The version the rule is at now, from a 409 answer; undefined when the answer is not a 409. */
export function staleVersion(error: unknown): number | undefined {
  if (!isApiError(error, 409)) return undefined;
  const current = (error.problem as { currentVersion?: unknown }).currentVersion;
  return typeof current === 'number' ? current : 0;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
