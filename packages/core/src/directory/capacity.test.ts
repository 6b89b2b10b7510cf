import { describe, expect, it } from 'vitest';
import { CAPACITY_WORDS, shownCapacity } from './capacity.js';
import { SERVICE_CAPACITIES } from './oruk/kith-extensions.js';

describe('capacity as shown', () => {
  it('shows what the service said up to 30 days on, and unconfirmed from the 31st', () => {
    expect(shownCapacity({ state: 'waiting_list', confirmedOn: '2026-11-01' }, '2026-12-01')).toEqual({
      state: 'waiting_list',
      reported: 'waiting_list',
      confirmedOn: '2026-11-01',
      daysSinceConfirmed: 30,
      words: 'Waiting list: taking referrals, with a wait',
    });
    expect(shownCapacity({ state: 'waiting_list', confirmedOn: '2026-11-01' }, '2026-12-02')).toEqual({
      state: 'unconfirmed',
      reported: 'waiting_list',
      confirmedOn: '2026-11-01',
      daysSinceConfirmed: 31,
      words: 'Not confirmed recently: ask the service before referring (last confirmed 1 November 2026)',
    });
  });

  it('shows every state in words, on the day of confirmation', () => {
    for (const state of SERVICE_CAPACITIES) expect(shownCapacity({ state, confirmedOn: '2026-11-01' }, '2026-11-01')).toMatchObject({ state, words: CAPACITY_WORDS[state] });
    expect(CAPACITY_WORDS.full).toBe('Full: not taking referrals');
    expect(CAPACITY_WORDS.taking_referrals).toBe('Taking referrals');
  });

  it('is unconfirmed when never confirmed', () => {
    expect(shownCapacity(null, '2026-11-01')).toEqual({ state: 'unconfirmed', reported: null, confirmedOn: null, daysSinceConfirmed: null, words: CAPACITY_WORDS.unconfirmed });
  });

  it('takes another limit when told, and counts a confirmation dated after today as today', () => {
    expect(shownCapacity({ state: 'full', confirmedOn: '2026-11-01' }, '2026-11-08', 7).state).toBe('full');
    expect(shownCapacity({ state: 'full', confirmedOn: '2026-11-01' }, '2026-11-09', 7).state).toBe('unconfirmed');
    expect(shownCapacity({ state: 'full', confirmedOn: '2026-11-02' }, '2026-11-01')).toMatchObject({ state: 'full', daysSinceConfirmed: 0 });
  });
});
