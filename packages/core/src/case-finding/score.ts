/**
 * Kith case-finding score v1: the order a case-finding list is read in. It ranks people who
 * already meet a rule; it never decides who meets one.
 *
 *   score = 3 × emergency admissions in the last 12 months
 *         + 2 × long-term conditions
 *         + 1 × A&E attendances in the last 12 months
 *         + age points: 1 at 65-74, 2 at 75-84, 3 at 85 or over (0 under 65 or unknown)
 *
 * Why these weights: in the predictive models the NHS has used for the same purpose (the
 * Patients at Risk of Re-hospitalisation tool and the Combined Predictive Model, King's Fund
 * and Health Dialog for the Department of Health, 2006), recent emergency admissions carry the
 * most weight, then the number of long-term conditions, with A&E use and age adding less once
 * those are known. The score keeps that order with small whole numbers anyone can check by
 * hand from the reasons shown beside it, rather than a fitted model nobody can explain. An
 * admission through A&E scores 4 (3 for the admission, 1 for the attendance). The windows are
 * fixed at 12 months whatever the rule says, so scores compare across rules. It is not a
 * validated risk prediction; a place that wants one should replace it with a new version.
 */
import { ageOn } from '../people/dates.js';

export const CASE_FINDING_SCORE_VERSION = 'Kith case-finding score v1';

export const SCORE_WEIGHTS = {
  emergencyAdmission: 3,
  longTermCondition: 2,
  aeAttendance: 1,
} as const;

/** Age points by the youngest age of each band, oldest first. */
export const SCORE_AGE_POINTS: readonly { fromAge: number; points: number }[] = [
  { fromAge: 85, points: 3 },
  { fromAge: 75, points: 2 },
  { fromAge: 65, points: 1 },
];

export interface ScoreInputs {
  longTermConditions: number;
  emergencyAdmissionsLast12Months: number;
  aeAttendancesLast12Months: number;
  /** Whole years on the day of evaluation; null when the date of birth is unknown. */
  age: number | null;
}

export interface CaseFindingScore {
  version: typeof CASE_FINDING_SCORE_VERSION;
  total: number;
  parts: {
    emergencyAdmissions: number;
    longTermConditions: number;
    aeAttendances: number;
    age: number;
  };
}

export function agePoints(age: number | null): number {
  if (age === null) return 0;
  return SCORE_AGE_POINTS.find((band) => age >= band.fromAge)?.points ?? 0;
}

export function caseFindingScore(inputs: ScoreInputs): CaseFindingScore {
  const parts = {
    emergencyAdmissions: SCORE_WEIGHTS.emergencyAdmission * inputs.emergencyAdmissionsLast12Months,
    longTermConditions: SCORE_WEIGHTS.longTermCondition * inputs.longTermConditions,
    aeAttendances: SCORE_WEIGHTS.aeAttendance * inputs.aeAttendancesLast12Months,
    age: agePoints(inputs.age),
  };
  return {
    version: CASE_FINDING_SCORE_VERSION,
    total: parts.emergencyAdmissions + parts.longTermConditions + parts.aeAttendances + parts.age,
    parts,
  };
}

/** Age in whole years on `asOf`, or null without a date of birth. */
export function ageAt(dateOfBirth: string | null, asOf: string): number | null {
  return dateOfBirth === null ? null : ageOn(dateOfBirth, asOf);
}
