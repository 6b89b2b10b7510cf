/**
 * Hospital activity over the three years before the reference date: emergency and elective
 * admissions, A&E attendances and outpatient attendances. Each is a Poisson count per year whose
 * mean rises with age band and with the person's conditions and health burden.
 *
 * Base rates per person per year are shaped on NHS England's Hospital Episode Statistics
 * (2022-23: about 6.3 million emergency admissions, 8 million elective admissions including day
 * cases, 25 million A&E attendances for 56 million people) and tuned so that about 1-3% of adults
 * meet the documents' rule, two long-term conditions and two emergency admissions in the last
 * twelve months. Outpatient attendances run at about half the national rate (some 2 a year):
 * case-finding never reads them, and they would otherwise be most of the rows.
 */
import { isoDateOfDay } from './calendar.js';
import type { Random } from './random.js';
import { SYNTH_SOURCE_SYSTEM, type EncounterClass, type EncounterRow } from './rows.js';

export const HISTORY_DAYS = 3 * 365;

/** Per age band (0-4, 5-17, 18-29, 30-44, 45-64, 65-74, 75-84, 85+), per person-year. */
const EMERGENCY_ADMISSIONS = [0.12, 0.033, 0.04, 0.045, 0.052, 0.085, 0.145, 0.25];
const ELECTIVE_ADMISSIONS = [0.04, 0.04, 0.07, 0.1, 0.18, 0.35, 0.42, 0.28];
/** A&E attendances that do not lead to admission (admissions through A&E add their own). */
const AE_ATTENDANCES = [0.6, 0.34, 0.43, 0.36, 0.31, 0.31, 0.4, 0.66];
const OUTPATIENT_ATTENDANCES = [0.7, 0.55, 0.7, 1, 1.4, 2.1, 2.5, 2.2];
/** Mean length of stay in days of emergency admissions that last beyond the day. */
const EMERGENCY_STAY_DAYS = [2, 2, 2.5, 3, 4, 6, 8, 10];

/** Admission methods (HES ADMIMETH): 21 via A&E, 22 GP, 23 bed bureau, 24 consultant clinic, 25 mental health crisis team, 28 other. */
const EMERGENCY_METHODS = ['21', '22', '23', '24', '25', '28'];
const EMERGENCY_METHOD_SHARES = [0.72, 0.1, 0.02, 0.05, 0.01, 0.1];
/** 11 waiting list, 12 booked, 13 planned. */
const ELECTIVE_METHODS = ['11', '12', '13'];
const ELECTIVE_METHOD_SHARES = [0.55, 0.3, 0.15];

export interface SubjectOfActivity {
  personId: string;
  sourceKey: string;
  /** First 32 bits of the ids of the person's rows (people.ts). */
  idPrefix: number;
  band: number;
  /** Sum of the admission weights of the person's conditions (health.ts). */
  conditionLoad: number;
  burden: number;
  referenceDay: number;
}

interface Visit {
  class: EncounterClass;
  admissionMethod: string | null;
  start: number;
  end: number | null;
}

export function drawHospitalActivity(random: Random, subject: SubjectOfActivity): EncounterRow[] {
  const { band, conditionLoad, burden } = subject;
  const years = HISTORY_DAYS / 365;
  const visits: Visit[] = [];
  const emergencies = random.poisson(years * EMERGENCY_ADMISSIONS[band]! * (0.5 + conditionLoad) * burden);
  for (let i = 0; i < emergencies; i++) visits.push(...emergencyAdmission(random, subject));
  const electives = random.poisson(years * ELECTIVE_ADMISSIONS[band]! * (0.7 + 0.3 * conditionLoad));
  for (let i = 0; i < electives; i++) visits.push(electiveAdmission(random, subject));
  const attendances = random.poisson(years * AE_ATTENDANCES[band]! * (0.7 + 0.3 * conditionLoad) * Math.sqrt(burden));
  for (let i = 0; i < attendances; i++) visits.push(sameDay(random, subject, 'emergency'));
  const outpatients = random.poisson(years * OUTPATIENT_ATTENDANCES[band]! * (0.6 + 0.4 * conditionLoad));
  for (let i = 0; i < outpatients; i++) visits.push(sameDay(random, subject, 'ambulatory'));
  visits.sort((a, b) => a.start - b.start);
  return visits.map((visit, k) => ({
    id: random.uuidAfter(subject.idPrefix),
    personId: subject.personId,
    class: visit.class,
    admissionMethod: visit.admissionMethod,
    startDate: isoDateOfDay(visit.start),
    endDate: visit.end === null ? null : isoDateOfDay(visit.end),
    sourceSystem: SYNTH_SOURCE_SYSTEM,
    sourceId: `${subject.sourceKey}-e${k}`,
  }));
}

function dayInHistory(random: Random, subject: SubjectOfActivity): number {
  return subject.referenceDay - 1 - random.int(HISTORY_DAYS);
}

/** A stay that has not ended by the reference date is still going on: no end date yet. */
function ending(start: number, stay: number, subject: SubjectOfActivity): number | null {
  return start + stay >= subject.referenceDay ? null : start + stay;
}

/** An emergency admission, with the A&E attendance that led to it when it came through A&E. */
function emergencyAdmission(random: Random, subject: SubjectOfActivity): Visit[] {
  const start = dayInHistory(random, subject);
  const method = EMERGENCY_METHODS[pickShare(random, EMERGENCY_METHOD_SHARES)]!;
  const sameDayDischarge = random.chance(subject.band >= 5 ? 0.2 : 0.3);
  const stay = sameDayDischarge ? 0 : 1 + geometric(random, EMERGENCY_STAY_DAYS[subject.band]! - 1);
  const admission: Visit = { class: 'inpatient', admissionMethod: method, start, end: ending(start, stay, subject) };
  if (method !== '21') return [admission];
  return [{ class: 'emergency', admissionMethod: null, start, end: start }, admission];
}

/** Three in four elective admissions are day cases. */
function electiveAdmission(random: Random, subject: SubjectOfActivity): Visit {
  const start = dayInHistory(random, subject);
  const method = ELECTIVE_METHODS[pickShare(random, ELECTIVE_METHOD_SHARES)]!;
  const stay = random.chance(0.75) ? 0 : 1 + geometric(random, 1.5);
  return { class: 'inpatient', admissionMethod: method, start, end: ending(start, stay, subject) };
}

function sameDay(random: Random, subject: SubjectOfActivity, kind: EncounterClass): Visit {
  const start = dayInHistory(random, subject);
  return { class: kind, admissionMethod: null, start, end: start };
}

/** Whole days, geometric with the given mean: most stays short, a few long. */
function geometric(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  return Math.floor(Math.log(1 - random.next()) / Math.log(mean / (mean + 1)));
}

function pickShare(random: Random, shares: readonly number[]): number {
  let target = random.next();
  for (let i = 0; i < shares.length; i++) if ((target -= shares[i]!) < 0) return i;
  return shares.length - 1;
}
