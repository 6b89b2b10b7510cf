import { describe, expect, it } from 'vitest';
import { ACCESS_MATRIX, MATRIX_ACTORS, MATRIX_COLUMNS, MATRIX_RELATIONSHIPS, matrixRequest, type MatrixExpectation } from './matrix.js';
import { decide } from './policy.js';
import type { AccessDecision } from './types.js';

const NOW = new Date('2026-03-12T10:00:00Z');

function seen(decision: AccessDecision): MatrixExpectation {
  if (decision.outcome === 'content') return 'yes';
  if (decision.outcome === 'restricted_marker') return 'hidden';
  return 'no';
}

describe('the authorization matrix table', () => {
  it('has every actor, relationship and column exactly once', () => {
    const keys = ACCESS_MATRIX.map((c) => `${c.actor} ${c.relationship} ${c.column}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(MATRIX_ACTORS.length * MATRIX_RELATIONSHIPS.length * MATRIX_COLUMNS.length);
    expect(keys.length).toBeGreaterThanOrEqual(300);
  });
});

describe('decide() against the authorization matrix', () => {
  const cases = ACCESS_MATRIX.map((c) => [`${c.actor} / ${c.relationship} / ${c.column} -> ${c.expected}`, c] as const);

  it.each(cases)('%s', (_name, matrixCase) => {
    const decision = decide(matrixRequest(matrixCase, NOW));
    expect(seen(decision), decision.reason).toBe(matrixCase.expected);
    expect(decision.allowed).toBe(matrixCase.expected === 'yes');
    expect(decision.breakGlass).toBe(matrixCase.relationship === 'break_glass' && matrixCase.expected !== 'no');
    expect(decision.reason.length).toBeGreaterThan(10);
  });
});
