import type { PlanChange } from '@kith/core';
import { describe, expect, it } from 'vitest';
import { statement } from './plan-fixtures';
import { actionInWords, agreementInWords, bylineOf, changesByPart, reviewInWords, savedInWords } from './plan-words';

describe('the plan in words', () => {
  it('says when the review is due, and when it is overdue', () => {
    expect(reviewInWords('2026-03-08', '2026-03-03')).toBe('Review due in 5 days');
    expect(reviewInWords('2026-03-04', '2026-03-03')).toBe('Review due tomorrow');
    expect(reviewInWords('2026-03-03', '2026-03-03')).toBe('Review due today');
    expect(reviewInWords('2026-03-02', '2026-03-03')).toBe('Review overdue (due yesterday)');
    expect(reviewInWords('2026-02-28', '2026-03-03')).toBe('Review overdue (due 3 days ago)');
    expect(reviewInWords('2026-09-01', '2026-03-03')).toBe('Review due by 1 September 2026');
  });

  it('says how and when the person agreed', () => {
    expect(agreementInWords({ how: 'in_person', agreedOn: '2026-03-03' })).toBe('Agreed in person on 3 March 2026');
    expect(agreementInWords({ how: 'phone', agreedOn: '2026-03-03' })).toBe('Agreed by phone on 3 March 2026');
    expect(agreementInWords({ how: 'portal', agreedOn: '2026-03-03' })).toBe('Agreed online by the person on 3 March 2026');
  });

  it('says who wrote a statement, in whose words, and when', () => {
    expect(bylineOf(statement('1', 'x'))).toBe('Written by Sam Patel (Personal independence coordinator), 3 March 2026');
    expect(bylineOf(statement('1', 'x', { personsOwnWords: true }))).toBe('My own words, recorded by Sam Patel (Personal independence coordinator), 3 March 2026');
    expect(bylineOf(statement('1', 'x', { writtenBy: { kind: 'person' } }))).toBe('In my own words, 3 March 2026');
  });

  it('says who does an action and by when', () => {
    const action = { id: 'a', description: 'Book the bus', who: { kind: 'family' as const, name: 'Jane Okafor' }, byWhen: '2026-04-01' };
    expect(actionInWords(action)).toBe('Who: Jane Okafor (family), by when: 1 April 2026');
    expect(actionInWords({ ...action, who: { kind: 'me', name: 'Mary Smith' }, byWhen: undefined })).toBe('Who: Mary Smith (the person), by when: no date set');
  });

  it('says who saved a version and for which organisation', () => {
    const saved = { by: { kind: 'staff' as const, staffId: 's', name: 'Sam Patel' }, organisationName: 'Riverside Surgery', at: '2026-03-03T12:00:00Z' };
    expect(savedInWords(saved)).toMatch(/^Sam Patel \(Riverside Surgery\) on 3 March 2026 at \d\d:\d\d$/);
  });
});

describe('what changed, part by part', () => {
  it('groups changes under their part in the order the plan is read', () => {
    const change = (part: PlanChange['part'], summary: string): PlanChange => ({ part, kind: 'added', subject: 'statement', summary });
    const groups = changesByPart([change('reviewDate', 'r'), change('aboutMe', 'a1'), change('goals', 'g'), change('aboutMe', 'a2')]);
    expect(groups.map((g) => [g.title, g.changes.map((c) => c.summary)])).toEqual([
      ['About me', ['a1', 'a2']],
      ['My goals', ['g']],
      ['Review date', ['r']],
    ]);
  });
});
