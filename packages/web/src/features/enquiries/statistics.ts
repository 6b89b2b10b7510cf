/**
 * A point of access's statistics page: the period it covers lives in the URL
 * (/points-of-access/…/statistics?from=2026-05-01&to=2026-05-31), so back, reload and shared
 * links show the same counts; with no period given it is the current month.
 */
import {
  ENQUIRY_CHANNEL_LABELS,
  ENQUIRY_CHANNELS,
  ENQUIRY_OUTCOME_LABELS,
  ENQUIRY_OUTCOMES,
  ENQUIRY_TOPIC_LABELS,
  ENQUIRY_TOPICS,
  isIsoDate,
  type ShownCount,
} from '@kith/core';
import { isApiError } from '../../api/client';
import { dayFromParts } from '../audit/audit-search';
import type { DateError } from '../tasks/due-date';
import { problemsOf } from './form';
import type { PointStatistics } from './types';

export interface Period {
  from: string;
  to: string;
}

export const STATS_IDS = { from: 'stats-from', to: 'stats-to' } as const;

/** The first to the last day of the month that `today` (YYYY-MM-DD) is in. */
export function currentMonth(today: string): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const yearMonth = today.slice(0, 7);
  return { from: `${yearMonth}-01`, to: `${yearMonth}-${String(lastDay).padStart(2, '0')}` };
}

/** The period in the URL; a date missing or not a date is the current month's. */
export function periodFromParams(params: URLSearchParams, today: string): Period {
  const month = currentMonth(today);
  const date = (key: keyof Period) => {
    const value = params.get(key)?.trim() ?? '';
    return isIsoDate(value) ? value : month[key];
  };
  return { from: date('from'), to: date('to') };
}

export function periodParams(period: Period): string {
  return `?${new URLSearchParams({ from: period.from, to: period.to }).toString()}`;
}

/** The period typed in the two NHS date inputs: both required, real, and the second not before the first. */
export function readPeriod(form: FormData): { value?: Period; problems: DateError[] } {
  const text = (name: string) => String(form.get(name) ?? '');
  const problems: DateError[] = [];
  const read = (id: string, label: string) => {
    const { date, problem } = dayFromParts({ day: text(`${id}-day`), month: text(`${id}-month`), year: text(`${id}-year`) }, label);
    if (problem) problems.push({ fieldId: `${id}-${problem.parts[0] ?? 'day'}`, message: problem.message, dateParts: problem.parts });
    else if (!date) problems.push({ fieldId: `${id}-day`, message: `Enter the ${label.toLowerCase()}` });
    return date;
  };
  const from = read(STATS_IDS.from, 'From date');
  const to = read(STATS_IDS.to, 'To date');
  if (from && to && to < from) problems.push({ fieldId: `${STATS_IDS.to}-day`, message: 'The to date must be the same as or after the from date' });
  return from && to && problems.length === 0 ? { value: { from, to }, problems } : { problems };
}

/** What the page shows when the statistics could not be read. */
export type StatisticsRefusal = 'not_found' | 'forbidden';

/** An unknown point of access (404, or an id that is not one) or a refusal (403): the page cannot show counts. */
export function refusalOf(error: unknown): StatisticsRefusal | undefined {
  if (isApiError(error, 404)) return 'not_found';
  if (isApiError(error, 403)) return 'forbidden';
  if (isApiError(error, 400) && error.problem.errors?.some((e) => e.field === 'id')) return 'not_found';
  return undefined;
}

/** The problems with the period the API refused, linked to its date inputs. */
export function statisticsProblems(error: unknown) {
  if (!error || refusalOf(error)) return [];
  return problemsOf(error, { from: `${STATS_IDS.from}-day`, to: `${STATS_IDS.to}-day` });
}

export interface StatisticsRow {
  key: string;
  label: string;
  count: ShownCount;
}

const rowsOf = <K extends string>(keys: readonly K[], labels: Readonly<Record<K, string>>, counts: Partial<Record<K, ShownCount>>) =>
  keys.map((key) => ({ key, label: labels[key], count: counts[key] ?? 0 }));

/** The three tables' rows, every topic, outcome and channel in the order they are asked, 0 when absent. */
export function statisticsRows(stats: Pick<PointStatistics, 'byTopic' | 'byOutcome' | 'byChannel'>) {
  return {
    topics: rowsOf(ENQUIRY_TOPICS, ENQUIRY_TOPIC_LABELS, stats.byTopic),
    outcomes: rowsOf(ENQUIRY_OUTCOMES, ENQUIRY_OUTCOME_LABELS, stats.byOutcome),
    channels: rowsOf(ENQUIRY_CHANNELS, ENQUIRY_CHANNEL_LABELS, stats.byChannel),
  } satisfies Record<string, StatisticsRow[]>;
}
