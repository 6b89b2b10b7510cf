/**
 * What counts as an emergency admission and an A&E attendance, and the "last M months" window.
 *
 * Encounters are as stored: class (inpatient, emergency = A&E, ambulatory = outpatients),
 * English admission method code (Hospital Episode Statistics ADMIMETH: 11-13 elective, 21-28
 * and 2A-2D emergency, 31-32 maternity, 81 transfer from another provider other than in an
 * emergency, 82-83 births), start date and end date.
 *
 * Emergency admission: an inpatient encounter whose admission method starts with "2". An
 * elective admission (method starting "1") never counts and plays no part in linking, so
 * adding one can never change a result; nor can maternity, birth or outpatient encounters.
 *
 * One stay, however many providers: a person moved between hospitals appears as two or more
 * inpatient encounters, and they count as one admission. An emergency-or-transfer encounter
 * continues the stay before it when
 * - it starts on or before the day that stay ended (same-day discharge and admission, or
 *   overlapping records), or
 * - it is coded as a transfer, 2B (emergency transfer from another provider) or 81 (other
 *   transfer from another provider), and starts no later than the day after that stay ended
 *   (a discharge late one evening and an admission after midnight).
 * A stay counts as one emergency admission when any of its encounters is an emergency
 * admission; its date is the start of its first emergency encounter. A stay made only of 81
 * transfers is not an emergency admission. An encounter with no end date (the person is still
 * in, or the discharge was never recorded) is linked as if it ended on its start day: an
 * unrecorded discharge must not swallow later admissions.
 *
 * A&E attendance: an encounter of class emergency. Each one counts, including one that led to
 * an admission (which also counts as that admission).
 *
 * The window "the last M months" as of a day: dates after the same calendar day M months
 * earlier, up to and including the day itself. As of 2026-07-19, "the last 12 months" runs from
 * 2025-07-20 to 2026-07-19: an admission on 2025-07-19, exactly 12 months before, is outside,
 * one on 2025-07-20 is inside. So the window holds exactly M months of days, never one more.
 * When the earlier month is shorter, the day falls back to its last day (as of 2026-03-31, the
 * last month runs from 2026-03-01). Events after the day are ignored altogether, so a run as of
 * a past day sees what was known then.
 */
import type { EncounterClass } from '../synth/rows.js';

export interface EncounterFact {
  class: EncounterClass;
  /** English admission method code; null when there was no admission. */
  admissionMethod: string | null;
  /** ISO dates. */
  startDate: string;
  endDate: string | null;
}

const TRANSFER_METHODS = new Set(['2B', '81']);

export function isEmergencyMethod(method: string | null): boolean {
  return method !== null && method.trim().startsWith('2');
}

export function isTransferMethod(method: string | null): boolean {
  return method !== null && TRANSFER_METHODS.has(method.trim().toUpperCase());
}

/** The same calendar day `months` earlier, falling back to the month's last day. */
export function monthsBefore(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const d = Math.min(day, daysIn(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function nextDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** The window "the last `months` months" as of `asOf`: after `after`, up to and including `asOf`. */
export interface Window {
  after: string;
  asOf: string;
}

export function lastMonths(asOf: string, months: number): Window {
  return { after: monthsBefore(asOf, months), asOf };
}

export function inWindow(date: string, window: Window): boolean {
  return date > window.after && date <= window.asOf;
}

export interface Stay {
  start: string;
  /** The last day of the stay as linked (an encounter without an end date ends on its start day). */
  end: string;
  /** The date the stay counts as an emergency admission from, or null if it does not. */
  emergencyDate: string | null;
}

/** The person's hospital stays up to `asOf` made of emergency admissions and transfers, oldest first. */
export function linkedStays(encounters: readonly EncounterFact[], asOf: string): Stay[] {
  const candidates = encounters
    .filter(
      (e) =>
        e.class === 'inpatient' &&
        e.startDate <= asOf &&
        (isEmergencyMethod(e.admissionMethod) || isTransferMethod(e.admissionMethod)),
    )
    .map((e) => ({
      start: e.startDate,
      end: e.endDate !== null && e.endDate > e.startDate ? e.endDate : e.startDate,
      emergency: isEmergencyMethod(e.admissionMethod),
      transfer: isTransferMethod(e.admissionMethod),
    }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const stays: Stay[] = [];
  for (const e of candidates) {
    const current = stays[stays.length - 1];
    const continues =
      current !== undefined && (e.start <= current.end || (e.transfer && e.start <= nextDay(current.end)));
    if (current && continues) {
      if (e.end > current.end) current.end = e.end;
      if (current.emergencyDate === null && e.emergency) current.emergencyDate = e.start;
    } else {
      stays.push({ start: e.start, end: e.end, emergencyDate: e.emergency ? e.start : null });
    }
  }
  return stays;
}

/** Dates of the person's emergency admissions up to `asOf`, each stay once, oldest first. */
export function emergencyAdmissionDates(encounters: readonly EncounterFact[], asOf: string): string[] {
  return linkedStays(encounters, asOf)
    .map((s) => s.emergencyDate)
    .filter((d): d is string => d !== null)
    .sort();
}

/** Dates of the person's A&E attendances up to `asOf`, oldest first. */
export function aeAttendanceDates(encounters: readonly EncounterFact[], asOf: string): string[] {
  return encounters
    .filter((e) => e.class === 'emergency' && e.startDate <= asOf)
    .map((e) => e.startDate)
    .sort();
}
