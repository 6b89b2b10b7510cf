import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password.js';

describe('password rules (NCSC: length and a deny-list, no composition rules)', () => {
  it('accepts a long passphrase with no particular mix of characters', () => {
    expect(passwordProblem('tea at the allotment on sunday')).toBeUndefined();
    expect(passwordProblem('purplehedgehogmarmalade')).toBeUndefined();
  });

  it('refuses short passwords whatever their mix', () => {
    expect(passwordProblem('Tr0ub4dor&3')).toMatch(/at least 12/);
  });

  it('refuses common passwords, also when padded with digits', () => {
    expect(passwordProblem('password1234')).toMatch(/commonly used/);
    expect(passwordProblem('Welcome2026!!')).toMatch(/commonly used/);
    expect(passwordProblem('kith-demo-password')).toMatch(/commonly used/);
  });

  it('refuses one repeated character and personal words', () => {
    expect(passwordProblem('zzzzzzzzzzzzzz')).toMatch(/repeat/);
    expect(passwordProblem('margaret-okafor-rules', { name: 'Margaret Okafor' })).toMatch(/name or email/);
    expect(passwordProblem('mokafor is my login', { email: 'mokafor@example.test' })).toMatch(/name or email/);
  });
});
