import { isIsoDate } from '@kith/core';
import type { DatePart, DateParts } from '../../components/DateInput';

/**
 * An audit log search as it lives in the URL (/audit-log?personId=…&from=2026-06-01), so back,
 * forward and shared links show the same events. Dates are whole days in the user's calendar.
 */
export interface AuditSearch {
  personId?: string;
  staffId?: string;
  from?: string;
  to?: string;
  /** The page of older events: only events with a sequence below this. */
  before?: number;
}

const TEXT_KEYS = ['personId', 'staffId', 'from', 'to'] as const;

export function auditSearchFromParams(params: URLSearchParams): AuditSearch {
  const search: AuditSearch = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) search[key] = value;
  }
  const before = Number(params.get('before'));
  if (Number.isInteger(before) && before > 0) search.before = before;
  return search;
}

export function auditSearchParams(search: AuditSearch): string {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  if (search.before) params.set('before', String(search.before));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** From the start of the first day to the end of the last, in the user's time zone, as the API takes them. */
export function rangeOf({ from, to }: AuditSearch): { from?: string; to?: string } {
  const startOf = (day: string) => new Date(`${day}T00:00:00`);
  const range: { from?: string; to?: string } = {};
  if (from && isIsoDate(from)) range.from = startOf(from).toISOString();
  if (to && isIsoDate(to)) {
    const end = startOf(to);
    end.setDate(end.getDate() + 1);
    range.to = end.toISOString();
  }
  return range;
}

export interface DateProblem {
  message: string;
  parts: DatePart[];
}

/** A day from its three inputs, with the NHS date input's messages; all three empty is no date. */
export function dayFromParts(parts: DateParts, label: string): { date?: string; problem?: DateProblem } {
  const trimmed = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = (['day', 'month', 'year'] as const).filter((part) => !trimmed[part]);
  if (missing.length === 3) return {};
  if (missing.length > 0) return { problem: { message: `${label} must include a ${missing.join(' and ')}`, parts: missing } };
  if (!/^\d{4}$/.test(trimmed.year)) return { problem: { message: 'Year must include 4 numbers', parts: ['year'] } };
  const date = `${trimmed.year}-${trimmed.month.padStart(2, '0')}-${trimmed.day.padStart(2, '0')}`;
  if (!/^\d{1,2}$/.test(trimmed.day) || !/^\d{1,2}$/.test(trimmed.month) || !isIsoDate(date)) {
    return { problem: { message: `${label} must be a real date`, parts: [] } };
  }
  return { date };
}
