import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REFERRAL_MOVES,
  REFERRAL_STATES,
  referralMoveProblem,
  referralMoveSchema,
} from './referral.js';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, addWorkingDays, isWorkingDay } from './working-days.js';

describe('working days', () => {
  it('lists bank holidays that all fall on weekdays, in order', () => {
    for (const day of ENGLAND_AND_WALES_BANK_HOLIDAYS) expect(isWorkingDay(day, []), day).toBe(true);
    expect([...ENGLAND_AND_WALES_BANK_HOLIDAYS].sort()).toEqual(ENGLAND_AND_WALES_BANK_HOLIDAYS);
  });

  it('skips the weekend: Friday plus 2 working days is Tuesday', () => {
    expect(addWorkingDays('2026-06-05', 2)).toBe('2026-06-09');
  });

  it('skips bank holidays: Thursday before Easter plus 2 is the Wednesday after', () => {
    expect(addWorkingDays('2026-04-02', 2)).toBe('2026-04-08');
  });

  it('does not count the day of receipt, even a Saturday', () => {
    expect(addWorkingDays('2026-06-06', 1)).toBe('2026-06-08');
    expect(addWorkingDays('2026-06-08', 0)).toBe('2026-06-08');
  });

  it('lands on a working day strictly later, for any start and count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 20 }), (offset, count) => {
        const start = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const due = addWorkingDays(start, count);
        expect(due > start).toBe(true);
        expect(isWorkingDay(due)).toBe(true);
      }),
    );
  });
});

describe('referral states', () => {
  it('moves only forward along the documented path', () => {
    expect(referralMoveProblem('received', 'triaged')).toBeUndefined();
    expect(referralMoveProblem('triaged', 'declined')).toBeUndefined();
    expect(referralMoveProblem('received', 'accepted')).toBe('A received referral can only become triaged');
    expect(referralMoveProblem('closed', 'active')).toBe('A closed referral is finished and cannot change');
  });

  it('never moves back to received, and reaches closed or declined from received', () => {
    for (const from of REFERRAL_STATES) expect(REFERRAL_MOVES[from]).not.toContain('received');
    const reachable = new Set<string>(['received']);
    for (let i = 0; i < REFERRAL_STATES.length; i++) {
      for (const state of [...reachable]) for (const next of REFERRAL_MOVES[state as keyof typeof REFERRAL_MOVES]) reachable.add(next);
    }
    expect(reachable).toEqual(new Set(REFERRAL_STATES));
  });

  it('needs a reason to decline and an outcome to close, naming the field', () => {
    const decline = referralMoveSchema.safeParse({ to: 'declined', version: 2 });
    expect(decline.success).toBe(false);
    expect(decline.error!.issues.map((i) => i.path.join('.'))).toEqual(['declineReason']);
    const close = referralMoveSchema.safeParse({ to: 'closed', version: 4 });
    expect(close.error!.issues.map((i) => i.path.join('.'))).toEqual(['outcome']);
    expect(referralMoveSchema.safeParse({ to: 'closed', version: 4, outcome: 'goals_met' }).success).toBe(true);
  });
});
