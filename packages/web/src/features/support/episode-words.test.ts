import { describe, expect, it } from 'vitest';
import { firstVisitText, historyText, openFirst, planReviewText, statusText, weekText } from './episode-words';
import type { EpisodeView } from './types';

describe('an episode in words', () => {
  it('says the week, and an overrun in words', () => {
    expect(weekText({ week: 7, of: 12, overrun: false, label: 'week 7 of 12' }, 'Active')).toBe('week 7 of 12');
    expect(weekText({ week: 14, of: 12, overrun: true, label: 'week 14 of 12' }, 'Active')).toBe('week 14 of 12: 2 weeks past the planned 12');
    expect(weekText(null, 'Waiting to start')).toBe('Waiting to start');
  });

  it('says the referral-to-first-visit clock', () => {
    expect(firstVisitText({ days: 3, firstVisitAt: '2026-06-03T10:00:00Z', running: false })).toBe('First home visit 3 days after referral');
    expect(firstVisitText({ days: 0, firstVisitAt: '2026-06-03T10:00:00Z', running: false })).toBe('First home visit on the day of referral');
    expect(firstVisitText({ days: 4, firstVisitAt: null, running: true })).toBe('No home visit yet: 4 days since referral');
    expect(firstVisitText({ days: 1, firstVisitAt: null, running: false })).toBe('No home visit: support ended 1 day after referral');
    expect(firstVisitText(null)).toBeUndefined();
  });

  it('explains a pause or an end', () => {
    const base = { statusLabel: '', pausedOn: null, pauseReasonLabel: null, pauseNote: null, endedOn: null, endReasonLabel: null, endNote: null, resumedOn: null };
    expect(statusText({ ...base, status: 'paused', pausedOn: '2026-06-01', pauseReasonLabel: 'In hospital', pauseNote: 'Hip' })).toBe('Paused since 1 June 2026: In hospital (Hip)');
    expect(statusText({ ...base, status: 'ended', endedOn: '2026-06-02', endReasonLabel: 'Goals met' })).toBe('Ended on 2 June 2026: Goals met');
    expect(statusText({ ...base, status: 'waiting', statusLabel: 'Waiting to start' })).toBe('Waiting to start');
  });

  it('puts open episodes first', () => {
    const episodes = [{ id: 'a', status: 'ended' }, { id: 'b', status: 'paused' }, { id: 'c', status: 'ended' }] as EpisodeView[];
    expect(openFirst(episodes).map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it('says a change with its reason and detail', () => {
    expect(historyText({ changeLabel: 'Paused', reasonLabel: 'In hospital', detail: 'Fell at home' })).toBe('Paused: In hospital. Fell at home');
    expect(historyText({ changeLabel: 'Planned length changed', reasonLabel: null, detail: 'From 12 to 16 weeks' })).toBe('Planned length changed: From 12 to 16 weeks');
    expect(historyText({ changeLabel: 'Resumed', reasonLabel: null, detail: null })).toBe('Resumed');
  });

  it('says the plan review with its date', () => {
    expect(planReviewText({ state: 'overdue', on: '2026-06-01', label: 'Plan review overdue' })).toBe('Plan review overdue (was due 1 June 2026)');
    expect(planReviewText({ state: 'due_soon', on: '2026-06-10', label: 'Plan review due soon' })).toBe('Plan review due soon: 10 June 2026');
    expect(planReviewText({ state: 'none', on: null, label: 'No plan review set' })).toBe('No plan review set');
  });
});
