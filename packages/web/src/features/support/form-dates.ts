import { isClockTime, localTimeToInstant, timeZoneOffsetMinutes } from '@kith/core';
import type { DatePart } from '../../components/DateInput';
import { dayFromParts } from '../audit/audit-search';
import { clockTimeOf } from '../huddles/series-form';
import type { DateError } from '../tasks/due-date';

const partsOf = (form: FormData, id: string) => {
  const text = (part: DatePart) => String(form.get(`${id}-${part}`) ?? '');
  return { day: text('day'), month: text('month'), year: text('year') };
};

/**
 * A day from the NHS date input `${id}-day`, `-month` and `-year`, or an error linked to the part
 * to correct. Empty is no date unless `required`; `latest` refuses a day after it (today, say).
 */
export function readDay(
  form: FormData,
  id: string,
  label: string,
  options: { required?: boolean; latest?: { day: string; message: string } } = {},
): { date?: string; error?: DateError } {
  const { date, problem } = dayFromParts(partsOf(form, id), label);
  if (problem) return { error: { fieldId: `${id}-${problem.parts[0] ?? 'day'}`, message: problem.message, dateParts: problem.parts } };
  if (!date) return options.required ? { error: { fieldId: `${id}-day`, message: `Enter the ${label.toLowerCase()}` } } : {};
  if (options.latest && date > options.latest.day) return { error: { fieldId: `${id}-day`, message: options.latest.message } };
  return { date };
}

/**
 * A date and a time on the 24-hour clock, both required, as the instant they mean in England
 * (where Kith's people live and are visited): "14:30" on a summer day is 13:30 UTC.
 */
export function readWhen(form: FormData, ids: { date: string; time: string }, what: string): { at?: string; errors: DateError[] } {
  const day = readDay(form, ids.date, `Date of the ${what}`, { required: true });
  const time = clockTimeOf(String(form.get(ids.time) ?? ''));
  const errors: DateError[] = day.error ? [day.error] : [];
  if (!time) errors.push({ fieldId: ids.time, message: `Enter the time of the ${what}` });
  else if (!isClockTime(time)) errors.push({ fieldId: ids.time, message: 'Enter the time on the 24-hour clock, such as 14:30' });
  if (errors.length > 0 || !day.date) return { errors };
  return { at: localTimeToInstant(day.date, time).toISOString(), errors };
}

/** A whole number typed in a text input, or undefined when it is not one. */
export function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** The date and time an instant shows on a clock in England, to fill a form with a booking. */
export function englandClock(instant: string): { date: string; time: string } {
  const at = new Date(instant);
  const wall = new Date(at.getTime() + timeZoneOffsetMinutes(at) * 60_000).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/** A date as the three parts of the NHS date input. */
export function dateParts(date: string | undefined): { day: string; month: string; year: string } {
  if (!date) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
