import { ageOn } from './dates.js';

/** A date of birth must not be after today; "today" comes from the caller's clock. */
export function dateOfBirthProblem(dateOfBirth: string, today: string): string | undefined {
  if (dateOfBirth > today) return 'A date of birth cannot be in the future';
  if (ageOn(dateOfBirth, today) > 125) return 'A date of birth more than 125 years ago is not plausible';
  return undefined;
}
