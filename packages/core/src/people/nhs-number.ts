/**
 * NHS number: ten digits, the last a Modulus 11 check digit over the first nine
 * (NHS Data Dictionary, "NHS Number"). Weights run 10 down to 2; 11 - (sum mod 11) gives the
 * check digit, 11 becomes 0, and 10 means the nine digits can never form a valid number.
 */
const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** The check digit for nine leading digits, or undefined when no valid number has them. */
export function nhsNumberCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) return undefined;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/** Strips the spaces and hyphens people type ("943 476 5919", "943-476-5919"). */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export type NhsNumberProblem = 'length' | 'not_digits' | 'check_digit';

/** Why a typed NHS number is not valid, or undefined when it is. */
export function nhsNumberProblem(input: string): NhsNumberProblem | undefined {
  const digits = normaliseNhsNumber(input);
  if (!/^\d*$/.test(digits)) return 'not_digits';
  if (digits.length !== 10) return 'length';
  return nhsNumberCheckDigit(digits.slice(0, 9)) === Number(digits[9]) ? undefined : 'check_digit';
}

export function isValidNhsNumber(input: string): boolean {
  return nhsNumberProblem(input) === undefined;
}

/** The 3-3-4 form NHS screens show: "943 476 5919". */
export function formatNhsNumber(nhsNumber: string): string {
  const d = normaliseNhsNumber(nhsNumber);
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}

export const NHS_NUMBER_PROBLEM_TEXT: Record<NhsNumberProblem, string> = {
  length: 'An NHS number has 10 digits',
  not_digits: 'An NHS number contains digits only',
  check_digit: 'This is not a valid NHS number: the check digit does not match',
};
