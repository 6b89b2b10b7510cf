/**
 * Reading a service's parts (schedules, contacts, phones, costs, languages, funding, areas) from
 * either ORUK generation: where v1 and v3 share a field name the reader is the same, and v1's own
 * names (a phone's `language`, a language's `language`, a schedule's `weekday`) are read here too.
 */
import { RECURRENCE_WEEKDAYS, orukBydaySchema, orukCurrencySchema, orukNumberListSchema } from './formats.js';
import type { FieldProblem } from '../../errors.js';
import { scheduleProblems } from '../schedule.js';
import { type Fields, defined, isBlank } from './fields.js';
import {
  SCHEDULE_FREQUENCIES,
  type OrukContact,
  type OrukCostOption,
  type OrukFunding,
  type OrukLanguage,
  type OrukPhone,
  type OrukSchedule,
  type OrukServiceArea,
} from './model-parts.js';

/** Days and day numbers are read leniently ("mo, tu" is MO,TU); what still does not parse is dropped with a warning. */
function recurrenceList(f: Fields, key: string, days: boolean): string | undefined {
  const raw = f.raw[key];
  if (isBlank(raw)) return undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') return f.text(key);
  const value = String(raw).replace(/\s+/g, '');
  const normal = days ? value.toUpperCase() : value;
  const parsed = (days ? orukBydaySchema : orukNumberListSchema).safeParse(normal);
  if (parsed.success) return parsed.data;
  f.log.warning(f.at(key), `${parsed.error.issues[0]?.message ?? 'Malformed'}, not "${String(raw)}"; it was left out`);
  return undefined;
}

function recurrence(f: Fields) {
  return {
    timezone: f.number('timezone', { min: -12, max: 14 }),
    count: f.number('count', { min: 1, integer: true }),
    wkst: f.choice('wkst', RECURRENCE_WEEKDAYS),
    freq: f.choice('freq', SCHEDULE_FREQUENCIES),
    interval: f.number('interval', { min: 1, integer: true }),
    byday: recurrenceList(f, 'byday', true),
    byweekno: recurrenceList(f, 'byweekno', false),
    bymonthday: recurrenceList(f, 'bymonthday', false),
    byyearday: recurrenceList(f, 'byyearday', false),
  };
}

export function readSchedule(f: Fields, fallbackId: string, serviceAtLocationId?: string): OrukSchedule {
  const schedule: OrukSchedule = defined({
    id: f.id(fallbackId),
    service_at_location_id: f.text('service_at_location_id') ?? serviceAtLocationId,
    location_id: f.text('location_id'),
    valid_from: f.date('valid_from'),
    valid_to: f.date('valid_to'),
    dtstart: f.date('dtstart'),
    until: f.date('until'),
    ...recurrence(f),
    description: f.text('description'),
    opens_at: f.time('opens_at'),
    closes_at: f.time('closes_at'),
    schedule_link: f.uri('schedule_link'),
    attending_type: f.text('attending_type'),
    notes: f.text('notes'),
  });
  if (f.has('weekday') && !schedule.byday) {
    // ORUK v1 never said which day `weekday` 1 is, so Kith does not guess it.
    f.log.warning(f.at('weekday'), 'A weekday number without byday; Kith reads the days from byday, so this schedule names no day');
  }
  checkRecurrence(f, schedule);
  return schedule;
}

/** Fields whose problem can mean the schedule contradicts itself: the service is refused, not guessed at. */
const CONTRADICTIONS = new Set(['closes_at', 'valid_to', 'until']);

/**
 * Whether a problem says the schedule ends before (or as) it starts. The same fields carry other
 * problems too (a closing time without an opening time, or one given in another time zone),
 * which are warnings like any other recurrence Kith cannot read.
 */
function contradicts(problem: FieldProblem): boolean {
  return CONTRADICTIONS.has(problem.field) && /ends (before|when) it starts/i.test(problem.reason);
}

/**
 * A schedule that ends before it starts is an error. Anything else Kith cannot read as a
 * recurrence (no days, a monthly rule without a first date) is a warning: the service is kept
 * and that schedule is left out of searches by day and time.
 */
function checkRecurrence(f: Fields, schedule: OrukSchedule): void {
  for (const problem of scheduleProblems(schedule)) {
    if (problem.field === 'byday' && f.has('weekday') && !schedule.byday) continue; // said above
    if (contradicts(problem)) f.log.error(f.at(problem.field), problem.reason);
    else f.log.warning(f.at(problem.field), `${problem.reason}; this schedule is left out of searches by day and time`);
  }
}

/** A phone without a number says nothing: it is left out, with a warning. */
export function readPhone(f: Fields, fallbackId: string): OrukPhone | undefined {
  const id = f.id(fallbackId);
  const number = f.text('number');
  if (number === undefined && !f.has('number')) f.log.warning(f.at('number'), 'No number; the phone was left out');
  const phone = defined({
    id,
    number,
    extension: f.number('extension', { min: 0 }),
    type: f.text('type'),
    description: f.text('description'),
  });
  return number === undefined ? undefined : { ...phone, number };
}

export function readPhones(f: Fields, key: string, ownerId: string): OrukPhone[] {
  return f.list(key).flatMap((p, i) => readPhone(p, `${ownerId}/${key}/${i}`) ?? []);
}

export function readContact(f: Fields, fallbackId: string): OrukContact {
  const id = f.id(fallbackId);
  return defined({
    id,
    name: f.text('name'),
    title: f.text('title'),
    department: f.text('department'),
    email: f.email('email'),
    phones: readPhones(f, 'phones', id),
  });
}

function currency(f: Fields): string | undefined {
  const value = f.text('currency')?.trim().toUpperCase();
  if (value === undefined || orukCurrencySchema.safeParse(value).success) return value;
  f.log.warning(f.at('currency'), `Must be a currency code such as GBP, not "${value}"; it was left out`);
  return undefined;
}

export function readCostOption(f: Fields, fallbackId: string): OrukCostOption {
  return defined({
    id: f.id(fallbackId),
    valid_from: f.date('valid_from'),
    valid_to: f.date('valid_to'),
    option: f.text('option'),
    currency: currency(f),
    amount: f.number('amount'),
    amount_description: f.text('amount_description'),
  });
}

const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z]{2})?$/;

/** v3's name and code; v1's `language` is a code when it looks like one ("pl"), else a name ("Polish"). */
export function readLanguage(f: Fields, fallbackId: string): OrukLanguage {
  const v1 = f.text('language')?.trim();
  const v1IsCode = v1 !== undefined && LANGUAGE_CODE.test(v1);
  return defined({
    id: f.id(fallbackId),
    name: f.text('name') ?? (v1IsCode ? undefined : v1),
    code: f.text('code') ?? (v1IsCode ? v1 : undefined),
    note: f.text('note'),
    phone_id: f.text('phone_id'),
  });
}

export function readFunding(f: Fields, fallbackId: string): OrukFunding {
  return defined({ id: f.id(fallbackId), source: f.text('source') });
}

export function readServiceArea(f: Fields, fallbackId: string): OrukServiceArea {
  return defined({
    id: f.id(fallbackId),
    name: f.text('name'),
    description: f.text('description'),
    extent: f.text('extent'),
    extent_type: f.text('extent_type'),
    uri: f.text('uri'),
    service_area: f.text('service_area'),
  });
}
