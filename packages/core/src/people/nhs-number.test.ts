import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNhsNumber, isValidNhsNumber, nhsNumberCheckDigit, nhsNumberProblem } from './nhs-number.js';

const nineDigits = fc.stringMatching(/^\d{9}$/);

describe('NHS number (Modulus 11)', () => {
  it('accepts published valid examples and rejects a changed check digit', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('401-023-2137')).toBe(true);
    expect(nhsNumberProblem('9434765918')).toBe('check_digit');
  });

  it('names the problem: length, letters', () => {
    expect(nhsNumberProblem('943476591')).toBe('length');
    expect(nhsNumberProblem('94347659190')).toBe('length');
    expect(nhsNumberProblem('94347659AB')).toBe('not_digits');
    expect(nhsNumberProblem('')).toBe('length');
  });

  it('a number built from any nine digits and its check digit is valid', () => {
    fc.assert(
      fc.property(nineDigits, (nine) => {
        const check = nhsNumberCheckDigit(nine);
        fc.pre(check !== undefined);
        expect(isValidNhsNumber(`${nine}${check}`)).toBe(true);
      }),
    );
  });

  it('every other last digit is refused', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 0, max: 9 }), (nine, last) => {
        fc.pre(nhsNumberCheckDigit(nine) !== last);
        expect(isValidNhsNumber(`${nine}${last}`)).toBe(false);
      }),
    );
  });

  it('changing any single digit of a valid number makes it invalid (Modulus 11 catches all single errors)', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (nine, at, shift) => {
        const check = nhsNumberCheckDigit(nine);
        fc.pre(check !== undefined);
        const digits = `${nine}${check}`.split('');
        digits[at] = String((Number(digits[at]) + shift) % 10);
        expect(isValidNhsNumber(digits.join(''))).toBe(false);
      }),
    );
  });

  it('nine digits whose remainder gives 10 can never be a number', () => {
    const found = Array.from({ length: 1000 }, (_, i) => String(100_000_000 + i)).find((n) => nhsNumberCheckDigit(n) === undefined);
    expect(found).toBeDefined();
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`${found}${d}`)).toBe(false);
  });

  it('formats as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});
