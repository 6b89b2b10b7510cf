/**
 * Finding one person to choose, in a form about something else (a huddle's agenda, an enquiry):
 * what was typed as the search, each person's hint, and what the search found in words.
 */
import { NHS_NUMBER_PROBLEM_TEXT, nhsNumberProblem, normaliseNhsNumber, type PersonSummary } from '@kith/core';
import { isApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { formatDate, formatNhsNumber } from '../../format';
import type { usePersonSearch } from './api';
import type { PersonSearchCriteria } from './search-criteria';

/** The search as the API takes it: ten digits are an NHS number, anything else part of a name. */
export function criteriaOf(text: string): { criteria?: PersonSearchCriteria; problem?: string } {
  const digits = normaliseNhsNumber(text);
  if (/^\d+$/.test(digits)) {
    const problem = nhsNumberProblem(digits);
    return problem ? { problem: NHS_NUMBER_PROBLEM_TEXT[problem] } : { criteria: { nhsNumber: digits } };
  }
  if (text.trim().length < 2) return { problem: 'Enter the NHS number, or at least 2 letters of the name' };
  return { criteria: { name: text.trim() } };
}

/** Who someone is, beyond their name: enough to tell two of the same name apart. */
export function personHint(person: PersonSummary): string {
  return `NHS number ${formatNhsNumber(person.nhsNumber)}, born ${formatDate(person.dateOfBirth)}${person.practiceName ? `, ${person.practiceName}` : ''}`;
}

/** What a search found, for a status line; `noOne` is what to say when nobody matches. */
export function personSearchStatus(searched: boolean, found: ReturnType<typeof usePersonSearch>, noOne = 'No one matches. Check the NHS number, or try more or less of the name.'): string {
  if (!searched) return '';
  if (found.isError) return isApiError(found.error, 403) || isApiError(found.error, 400) ? (found.error.problem.detail ?? found.error.problem.title) : SERVICE_PROBLEM;
  if (!found.data) return 'Finding the person…';
  const count = found.data.items.length;
  if (count === 0) return noOne;
  const people = count === 1 ? '1 person found: they are chosen below.' : `${count} people found: choose one below.`;
  return found.data.hasMore ? `${people} More match: enter more of the name to find others.` : people;
}
