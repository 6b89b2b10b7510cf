/**
 * The directory search as the API takes it from a query string, and the order its results come
 * in. Every filter is optional; a search with none lists the directory, freshest first.
 */
import { z } from 'zod';
import type { FieldProblem } from '../errors.js';
import { WEEKDAYS } from '../huddles/days.js';
import { parseOrThrow } from '../input.js';
import { isoDateSchema, postcodeSchema } from '../people/person.js';
import type { ListingFreshnessState } from './freshness.js';
import { askedSpan, dateFilter, minuteOfClock, openNowFilter, PARTS_OF_DAY, weekdayFilter, type WhenFilter } from './when.js';

/**
 * Two kilometres unless asked: about half an hour's walk at an unhurried pace, or a short bus
 * ride, which is as far as many of the older people social prescribing serves will go to a group.
 */
export const DIRECTORY_DEFAULT_RADIUS_METRES = 2_000;
/** Fifty kilometres spans any borough and its neighbours; beyond that "near" means nothing. */
export const DIRECTORY_MAX_RADIUS_METRES = 50_000;
/** A postcode's centre stands for a whole street or block, so a smaller circle would mislead. */
export const DIRECTORY_MIN_RADIUS_METRES = 100;
export const DIRECTORY_MAX_PER_PAGE = 100;
const MAX_CODES = 20;
const MAX_CODE_LENGTH = 100;

/** A whole number written in a query string (numbers are accepted too, for callers in code). */
function wholeNumber(min: number, max: number, message: string) {
  return z.coerce
    .string(message)
    .trim()
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .pipe(z.int().min(min, message).max(max, message));
}

/** Codes given as `a,b` or as the key repeated (`?x=a&x=b`): trimmed, without blanks or repeats. */
function codeList(what: string) {
  return z
    .union([z.string(), z.array(z.string())], `Give ${what} codes as text, separated by commas`)
    .transform((value) => [...new Set((Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(MAX_CODE_LENGTH, `Each ${what} code is at most ${MAX_CODE_LENGTH} characters`))
        .max(MAX_CODES, `At most ${MAX_CODES} ${what} codes`),
    );
}

const yesNo = z.enum(['true', 'false'], 'Must be true or false').transform((v) => v === 'true');
const clockTime = z.string('Must be a time on the 24-hour clock, like 09:30').refine((t) => minuteOfClock(t) !== undefined, 'Must be a time on the 24-hour clock, like 09:30');

const searchFields = z.strictObject({
  text: z.string('Give the words to search for as text').trim().max(200, 'At most 200 characters').optional(),
  taxonomy: codeList('taxonomy').optional(),
  needs: codeList('need').optional(),
  accessibility: codeList('accessibility').optional(),
  age: wholeNumber(0, 120, 'Must be an age in whole years, from 0 to 120').optional(),
  freeOnly: yesNo.optional(),
  day: z.string('Must be a day of the week, like tuesday').trim().toLowerCase().pipe(z.enum(WEEKDAYS, 'Must be a day of the week, like tuesday')).optional(),
  date: isoDateSchema.optional(),
  openNow: yesNo.optional(),
  partOfDay: z.enum(PARTS_OF_DAY, 'Must be morning, afternoon or evening').optional(),
  from: clockTime.optional(),
  to: clockTime.optional(),
  postcode: postcodeSchema.optional(),
  personId: z.uuid('Must be a person id').optional(),
  radius: wholeNumber(DIRECTORY_MIN_RADIUS_METRES, DIRECTORY_MAX_RADIUS_METRES, `Must be a whole number of metres, from ${DIRECTORY_MIN_RADIUS_METRES} to ${DIRECTORY_MAX_RADIUS_METRES}`).optional(),
  page: wholeNumber(1, 10_000, 'Must be a page number from 1 to 10000').default(1),
  perPage: wholeNumber(1, DIRECTORY_MAX_PER_PAGE, `Must be a whole number from 1 to ${DIRECTORY_MAX_PER_PAGE}`).default(20),
});
type SearchFields = z.output<typeof searchFields>;

function whenProblems(q: SearchFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const days = (['day', 'date', 'openNow'] as const).filter((k) => q[k] !== undefined && q[k] !== false);
  if (days.length > 1) problems.push({ field: days[1]!, reason: 'Choose one of a day of the week, a date or open now' });
  const hasDay = q.day !== undefined || q.date !== undefined;
  for (const field of ['partOfDay', 'from', 'to'] as const) {
    if (q[field] === undefined) continue;
    if (q.openNow) problems.push({ field, reason: 'Open now already says the time' });
    else if (!hasDay) problems.push({ field, reason: 'Choose a day of the week or a date as well' });
  }
  if (q.partOfDay && (q.from || q.to)) problems.push({ field: 'partOfDay', reason: 'Choose a part of the day, or from and to times, not both' });
  if ((q.from === undefined) !== (q.to === undefined)) problems.push({ field: q.from ? 'to' : 'from', reason: 'Give both a from and a to time' });
  if (q.from && q.to && minuteOfClock(q.to)! <= minuteOfClock(q.from)!) problems.push({ field: 'to', reason: 'Must be after the from time' });
  return problems;
}

function nearProblems(q: SearchFields): FieldProblem[] {
  if (q.postcode && q.personId) return [{ field: 'personId', reason: 'Search near a postcode or near a person, not both' }];
  if (q.radius !== undefined && !q.postcode && !q.personId) return [{ field: 'radius', reason: 'Give a postcode or a person to search near' }];
  return [];
}

export const directorySearchQuerySchema = searchFields
  .superRefine((q, ctx) => {
    for (const p of [...whenProblems(q), ...nearProblems(q)]) ctx.addIssue({ code: 'custom', path: [p.field], message: p.reason });
  })
  .transform(({ text, taxonomy, needs, accessibility, freeOnly, radius, ...rest }) => ({
    ...rest,
    text: text || undefined,
    taxonomy: taxonomy ?? [],
    needs: needs ?? [],
    accessibility: accessibility ?? [],
    freeOnly: freeOnly ?? false,
    radius: radius ?? DIRECTORY_DEFAULT_RADIUS_METRES,
  }));
export type DirectorySearchQuery = z.output<typeof directorySearchQuerySchema>;

/** Parses a query string's values; throws one 400 naming every field at fault. */
export function parseDirectorySearch(input: unknown): DirectorySearchQuery {
  return parseOrThrow(directorySearchQuerySchema, input);
}

/** The when filter a search asks for; the server passes its clock for "open now". */
export function directoryWhenFilter(query: DirectorySearchQuery, now: Date): WhenFilter | undefined {
  if (query.openNow) return openNowFilter(now);
  if (query.date) return dateFilter(query.date, askedSpan(query));
  if (query.day) return weekdayFilter(query.day, askedSpan(query));
  return undefined;
}

/**
 * Ranking: a score from 0 to 1, the weighted sum of three parts that each run from 0 to 1.
 * - text (half): how well the words match, as PostgreSQL's ts_rank with normalisation 32
 *   (rank / (rank + 1)) gives it; 0 when no words were asked for.
 * - nearness (just over a third): 1 at the postcode, falling in a straight line to 0 at the edge
 *   of the radius; 0 when no place was asked for.
 * - freshness (the rest): 1 for a listing checked in the last six months, a half for one
 *   checked longer ago, 0 for one never checked.
 * A part nobody asked for is 0 for every result, so it changes no order. Freshness weighs least:
 * it should decide between two equally good matches, never bury the one that fits.
 */
export const DIRECTORY_RANK_WEIGHTS = { text: 0.5, nearness: 0.35, freshness: 0.15 } as const;
const FRESHNESS_SCORES: Readonly<Record<ListingFreshnessState, number>> = { fresh: 1, stale: 0.5, never_verified: 0 };

export interface DirectoryRankSignals {
  textRank?: number | null;
  distanceMetres?: number | null;
  radiusMetres?: number;
  freshness: ListingFreshnessState;
}

/** The score, with its parts, so a result can say why it came where it did. */
export interface DirectoryRank {
  score: number;
  text: number;
  nearness: number;
  freshness: number;
}

const unit = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

export function directoryRank(signals: DirectoryRankSignals): DirectoryRank {
  const text = unit(signals.textRank ?? 0);
  const radius = signals.radiusMetres ?? DIRECTORY_DEFAULT_RADIUS_METRES;
  const nearness = signals.distanceMetres === null || signals.distanceMetres === undefined ? 0 : unit(1 - signals.distanceMetres / radius);
  const freshness = FRESHNESS_SCORES[signals.freshness];
  const w = DIRECTORY_RANK_WEIGHTS;
  return { score: w.text * text + w.nearness * nearness + w.freshness * freshness, text, nearness, freshness };
}

export interface RankedListing {
  id: string;
  name: string;
  score: number;
  distanceMetres?: number | null;
}

/** Highest score first; then nearest; then by name, then id, so pages never shuffle. */
export function compareRankedListings(a: RankedListing, b: RankedListing): number {
  if (a.score !== b.score) return b.score - a.score;
  const [da, db] = [a.distanceMetres ?? Infinity, b.distanceMetres ?? Infinity];
  if (da !== db) return da < db ? -1 : 1;
  return a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
