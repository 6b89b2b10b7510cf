import { NHS_NUMBER_PROBLEM_TEXT, nhsNumberProblem, normaliseNhsNumber } from '@kith/core';
import type { PersonSearchCriteria } from '../people/search-criteria';

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
