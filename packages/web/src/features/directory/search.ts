import { PARTS_OF_DAY, WEEKDAYS, type PartOfDay, type Weekday } from '@kith/core';
import type { QueryValue } from '../../api/client';

/**
 * A directory search as it lives in the URL (/directory?text=lunch&postcode=CR0+1NX), so back,
 * forward, reload and shared links all show the same results. The keys are the API's query
 * parameters and the search form's field names, so a browser's own GET form makes the same URL.
 */
export interface DirectorySearch {
  text?: string;
  /** Vocabulary codes: a service of any of these types matches. */
  taxonomy: string[];
  day?: Weekday;
  partOfDay?: PartOfDay;
  postcode?: string;
  /** Metres; only means something with a postcode. */
  radius?: number;
  freeOnly: boolean;
  page: number;
}

export const PER_PAGE = 20;

/** The distances offered, in metres; 2 km is what the API assumes when none is given. */
export const RADIUS_CHOICES = [500, 1000, 2000, 5000, 10000] as const;
export const DEFAULT_RADIUS = 2000;

const isWeekday = (value: string): value is Weekday => (WEEKDAYS as readonly string[]).includes(value);
const isPartOfDay = (value: string): value is PartOfDay => (PARTS_OF_DAY as readonly string[]).includes(value);

/** Codes from `taxonomy=a&taxonomy=b` (what a GET form sends) or `taxonomy=a,b`, without blanks or repeats. */
function codesOf(values: string[]): string[] {
  const codes = values.flatMap((value) => value.split(',')).map((code) => code.trim());
  return [...new Set(codes.filter(Boolean))];
}

function wholeNumber(value: string | null): number | undefined {
  const trimmed = value?.trim() ?? '';
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * The search in a query string, or in a submitted form (FormData holds the same keys). Values
 * the form cannot show (a day that is not a day) are dropped; a distance out of range is kept
 * so the API can say what is wrong with it.
 */
export function searchFromParams(params: URLSearchParams | FormData): DirectorySearch {
  const text = (key: string) => {
    const value = params.get(key);
    return typeof value === 'string' ? value.trim() : '';
  };
  const all = params.getAll('taxonomy').filter((value): value is string => typeof value === 'string');
  const day = text('day').toLowerCase();
  const partOfDay = text('partOfDay');
  const page = wholeNumber(text('page'));
  const search: DirectorySearch = { taxonomy: codesOf(all), freeOnly: text('freeOnly') === 'true', page: page && page > 1 ? page : 1 };
  if (text('text')) search.text = text('text');
  if (isWeekday(day)) search.day = day;
  if (isPartOfDay(partOfDay)) search.partOfDay = partOfDay;
  if (text('postcode')) search.postcode = text('postcode').toUpperCase();
  const radius = wholeNumber(text('radius'));
  if (search.postcode && radius !== undefined) search.radius = radius;
  return search;
}

/** The query string for a search; empty values and page 1 are left out, so a new search has the shortest URL. */
export function searchParamsOf(search: DirectorySearch): string {
  const params = new URLSearchParams();
  if (search.text) params.set('text', search.text);
  for (const code of search.taxonomy) params.append('taxonomy', code);
  if (search.day) params.set('day', search.day);
  if (search.partOfDay) params.set('partOfDay', search.partOfDay);
  if (search.postcode) {
    params.set('postcode', search.postcode);
    params.set('radius', String(search.radius ?? DEFAULT_RADIUS));
  }
  if (search.freeOnly) params.set('freeOnly', 'true');
  if (search.page > 1) params.set('page', String(search.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** What GET /directory/services is asked: the API takes the codes comma separated. */
export function apiQueryOf(search: DirectorySearch): Record<string, QueryValue> {
  return {
    text: search.text,
    taxonomy: search.taxonomy.length > 0 ? search.taxonomy.join(',') : undefined,
    day: search.day,
    partOfDay: search.partOfDay,
    postcode: search.postcode,
    radius: search.postcode ? (search.radius ?? DEFAULT_RADIUS) : undefined,
    freeOnly: search.freeOnly ? 'true' : undefined,
    page: search.page,
    perPage: PER_PAGE,
  };
}

/** Whether anything narrows the search; with nothing, the directory is listed whole. */
export function hasFilters(search: DirectorySearch): boolean {
  return Boolean(search.text || search.taxonomy.length || search.day || search.partOfDay || search.postcode || search.freeOnly);
}

/** Where each API field's error links to in the search form: the field ids are the parameter names. */
export const SEARCH_FIELD_IDS: Record<string, string> = {
  text: 'text',
  taxonomy: 'taxonomy',
  day: 'day',
  partOfDay: 'partOfDay',
  postcode: 'postcode',
  radius: 'radius',
  freeOnly: 'freeOnly',
};
