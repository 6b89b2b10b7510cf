import { isIsoDate } from '@kith/core';
import type { DatePart, DateParts } from '../../components/DateInput';

/**
 * A person search as it lives in the URL (/people?name=…&page=2), so back, forward, reload
 * and shared links all show the same results. Empty criteria are left out of the URL.
 */
export interface PersonSearchCriteria {
  name?: string;
  nhsNumber?: string;
  dateOfBirth?: string;
  postcode?: string;
}

export const CRITERIA = ['name', 'nhsNumber', 'dateOfBirth', 'postcode'] as const;

export interface PersonSearch {
  criteria: PersonSearchCriteria;
  page: number;
}

export function searchFromParams(params: URLSearchParams): PersonSearch {
  const criteria: PersonSearchCriteria = {};
  for (const key of CRITERIA) {
    const value = params.get(key)?.trim();
    if (value) criteria[key] = value;
  }
  const page = Number(params.get('page'));
  return { criteria, page: Number.isInteger(page) && page > 1 ? page : 1 };
}

/** The query string for a search; page 1 is left out so a new search has the shortest URL. */
export function searchParamsOf({ criteria, page }: PersonSearch): string {
  const params = new URLSearchParams();
  for (const key of CRITERIA) {
    const value = criteria[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function hasCriteria(criteria: PersonSearchCriteria): boolean {
  return CRITERIA.some((key) => Boolean(criteria[key]));
}

export interface DateProblem {
  message: string;
  parts: DatePart[];
}

/**
 * A date of birth from its day, month and year inputs, with the error messages the NHS date
 * input pattern uses. All three empty means no date was given, which is not a problem here.
 */
export function dateOfBirthFromParts(parts: DateParts, today: string): { date?: string; problem?: DateProblem } {
  const trimmed = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = (['day', 'month', 'year'] as const).filter((part) => !trimmed[part]);
  if (missing.length === 3) return {};
  if (missing.length > 0) {
    return { problem: { message: `Date of birth must include a ${missing.join(' and ')}`, parts: missing } };
  }
  if (!/^\d{4}$/.test(trimmed.year)) return { problem: { message: 'Year must include 4 numbers', parts: ['year'] } };
  const pad = (value: string) => value.padStart(2, '0');
  const date = `${trimmed.year}-${pad(trimmed.month)}-${pad(trimmed.day)}`;
  if (!/^\d{1,2}$/.test(trimmed.day) || !/^\d{1,2}$/.test(trimmed.month) || !isIsoDate(date)) {
    return { problem: { message: 'Date of birth must be a real date', parts: [] } };
  }
  if (date > today) return { problem: { message: 'Date of birth must be today or in the past', parts: [] } };
  return { date };
}

/** "1941-03-12" back into the inputs as "12", "3", "1941", the way a person would type it. */
export function partsOfDate(isoDate: string | undefined): DateParts {
  const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate) : null;
  if (!match) return { day: '', month: '', year: '' };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}
