import { describe, expect, it } from 'vitest';
import {
  SOCIAL_PRESCRIBING_NEEDS,
  SOCIAL_PRESCRIBING_NEED_LABELS,
  SOCIAL_PRESCRIPTION_MOVES,
  SOCIAL_PRESCRIPTION_OUTCOMES,
  SOCIAL_PRESCRIPTION_OUTCOME_LABELS,
  SOCIAL_PRESCRIPTION_STATES,
  SOCIAL_PRESCRIPTION_STATE_LABELS,
  attendanceMove,
  canMove,
  checkMove,
  describeSocialPrescription,
  firstState,
  isOpen,
  nextSocialPrescriptionStates,
  socialPrescriptionMoveProblem,
  type SocialPrescriptionState,
} from './index.js';
import { caught } from '../../test/domain-problems.js';

const ALLOWED: ReadonlyArray<[SocialPrescriptionState, SocialPrescriptionState]> = [
  ['signposted', 'attending'],
  ['signposted', 'not_taken_up'],
  ['signposted', 'withdrawn'],
  ['sent', 'accepted'],
  ['sent', 'declined'],
  ['sent', 'withdrawn'],
  ['accepted', 'attending'],
  ['accepted', 'not_taken_up'],
  ['accepted', 'withdrawn'],
  ['attending', 'completed'],
  ['attending', 'not_taken_up'],
  ['attending', 'withdrawn'],
];
const isAllowed = (from: SocialPrescriptionState, to: SocialPrescriptionState) => ALLOWED.some(([f, t]) => f === from && t === to);
const ALL_PAIRS = SOCIAL_PRESCRIPTION_STATES.flatMap((from) => SOCIAL_PRESCRIPTION_STATES.map((to) => [from, to] as const));
const REFUSED = ALL_PAIRS.filter(([from, to]) => !isAllowed(from, to));

describe('the first state', () => {
  it('is signposted for a signpost and sent for a referral', () => {
    expect(firstState('signpost')).toBe('signposted');
    expect(firstState('referral')).toBe('sent');
  });
});

describe('moves', () => {
  it('lists exactly the documented moves', () => {
    const table = SOCIAL_PRESCRIPTION_STATES.flatMap((from) => SOCIAL_PRESCRIPTION_MOVES[from].map((to) => [from, to]));
    expect(table).toEqual(ALLOWED);
    expect(REFUSED.length + ALLOWED.length).toBe(64);
  });

  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
    expect(socialPrescriptionMoveProblem(from, to)).toBeUndefined();
    expect(() => checkMove(from, to)).not.toThrow();
  });

  it.each(REFUSED)('refuses %s → %s with a 409 naming `to`', (from, to) => {
    expect(canMove(from, to)).toBe(false);
    const error = caught(() => checkMove(from, to));
    expect(error.code).toBe('conflict');
    expect(error.problems).toEqual([{ field: 'to', reason: error.message }]);
    expect(error.message).toBe(socialPrescriptionMoveProblem(from, to));
    expect(error.message).not.toMatch(/_/);
  });

  it('never moves back to a first state, and reaches every state from the two first states', () => {
    for (const from of SOCIAL_PRESCRIPTION_STATES) {
      expect(SOCIAL_PRESCRIPTION_MOVES[from]).not.toContain('signposted');
      expect(SOCIAL_PRESCRIPTION_MOVES[from]).not.toContain('sent');
    }
    const reachable = new Set<SocialPrescriptionState>(['signposted', 'sent']);
    for (let i = 0; i < SOCIAL_PRESCRIPTION_STATES.length; i++) {
      for (const state of [...reachable]) for (const next of SOCIAL_PRESCRIPTION_MOVES[state]) reachable.add(next);
    }
    expect(reachable).toEqual(new Set(SOCIAL_PRESCRIPTION_STATES));
  });

  it('gives the next states for the buttons, as a copy', () => {
    const next = nextSocialPrescriptionStates('sent');
    expect(next).toEqual(['accepted', 'declined', 'withdrawn']);
    next.push('completed');
    expect(SOCIAL_PRESCRIPTION_MOVES.sent).toEqual(['accepted', 'declined', 'withdrawn']);
  });
});

describe('the words of a refused move', () => {
  it.each([
    ['declined', 'attending', undefined, 'A referral that was declined cannot become attending'],
    ['completed', 'attending', 'referral', 'A referral that was completed cannot become attending'],
    ['not_taken_up', 'attending', 'signpost', 'A signpost that was not taken up cannot become attending'],
    ['withdrawn', 'sent', undefined, 'A social prescription that was withdrawn cannot become sent'],
    ['sent', 'attending', undefined, 'A referral still waiting for the provider’s answer can only become accepted, declined or withdrawn'],
    ['accepted', 'completed', undefined, 'An accepted referral can only become attending, not taken up or withdrawn'],
    ['attending', 'accepted', 'signpost', 'A signpost the person is attending can only become completed, not taken up or withdrawn'],
    ['signposted', 'completed', undefined, 'A signpost can only become attending, not taken up or withdrawn'],
    ['signposted', 'accepted', undefined, 'A signpost is not accepted or declined by the provider: the person gets in touch with the service themselves'],
    ['signposted', 'declined', undefined, 'A signpost is not accepted or declined by the provider: the person gets in touch with the service themselves'],
    ['attending', 'attending', undefined, 'It is already attending'],
    ['completed', 'completed', undefined, 'It is already completed'],
  ] as const)('%s → %s (%s): %s', (from, to, kind, words) => {
    expect(socialPrescriptionMoveProblem(from, to, kind)).toBe(words);
    expect(caught(() => checkMove(from, to, kind)).message).toBe(words);
  });
});

describe('open and final states', () => {
  it.each([
    ['signposted', true],
    ['sent', true],
    ['accepted', true],
    ['attending', true],
    ['declined', false],
    ['not_taken_up', false],
    ['completed', false],
    ['withdrawn', false],
  ] as const)('%s is open: %s', (state, open) => {
    expect(isOpen(state)).toBe(open);
  });
});

describe('an attendance recorded', () => {
  it.each([
    ['signposted', 'attending'],
    ['accepted', 'attending'],
    ['sent', undefined],
    ['attending', undefined],
    ['declined', undefined],
    ['not_taken_up', undefined],
    ['completed', undefined],
    ['withdrawn', undefined],
  ] as const)('on one that is %s moves it to %s', (state, next) => {
    expect(attendanceMove(state)).toBe(next);
    expect(attendanceMove(state, true)).toBe(next);
  });

  it('moves nothing when the person did not attend', () => {
    for (const state of SOCIAL_PRESCRIPTION_STATES) expect(attendanceMove(state, false)).toBeUndefined();
  });

  it('only ever makes an allowed move', () => {
    for (const state of SOCIAL_PRESCRIPTION_STATES) {
      const next = attendanceMove(state);
      if (next) expect(canMove(state, next)).toBe(true);
    }
  });
});

describe('the words', () => {
  it('labels every need, state and outcome in plain English', () => {
    for (const need of SOCIAL_PRESCRIBING_NEEDS) expect(SOCIAL_PRESCRIBING_NEED_LABELS[need]).toMatch(/^[A-Z][a-z -]+$/);
    for (const state of SOCIAL_PRESCRIPTION_STATES) expect(SOCIAL_PRESCRIPTION_STATE_LABELS[state]).toMatch(/^[A-Z][a-z ]+$/);
    for (const outcome of SOCIAL_PRESCRIPTION_OUTCOMES) expect(SOCIAL_PRESCRIPTION_OUTCOME_LABELS[outcome]).toMatch(/^[A-Z][a-z ]+$/);
    expect(SOCIAL_PRESCRIBING_NEED_LABELS.loneliness_isolation).toBe('Loneliness and isolation');
    expect(SOCIAL_PRESCRIPTION_STATE_LABELS.not_taken_up).toBe('Not taken up');
    expect(SOCIAL_PRESCRIPTION_OUTCOME_LABELS.needs_partly_met).toBe('Needs partly met');
  });

  it.each([
    [{ kind: 'referral', state: 'accepted', serviceName: 'Thursday Lunch Club' }, 'Referred to Thursday Lunch Club: accepted'],
    [{ kind: 'signpost', state: 'attending', serviceName: 'Walking for Health' }, 'Signposted to Walking for Health: attending'],
    [{ kind: 'referral', state: 'completed', serviceName: 'X', outcome: 'needs_met' }, 'Referred to X: completed, needs met'],
    [{ kind: 'signpost', state: 'signposted', serviceName: 'Walking for Health' }, 'Signposted to Walking for Health'],
    [{ kind: 'referral', state: 'sent', serviceName: 'Citizens Advice', outcome: null }, 'Referred to Citizens Advice: waiting for the provider’s answer'],
    [{ kind: 'referral', state: 'declined', serviceName: 'Men’s Shed' }, 'Referred to Men’s Shed: declined'],
    [{ kind: 'signpost', state: 'not_taken_up', serviceName: 'Chair Yoga', outcome: 'unknown' }, 'Signposted to Chair Yoga: not taken up, outcome not known'],
    [{ kind: 'signpost', state: 'withdrawn', serviceName: 'Chair Yoga', outcome: 'needs_not_met' }, 'Signposted to Chair Yoga: withdrawn, needs not met'],
    [{ kind: 'referral', state: 'completed', serviceName: ' Befriending ', outcome: 'needs_partly_met' }, 'Referred to Befriending: completed, needs partly met'],
    [{ kind: 'referral', state: 'accepted', serviceName: '  ' }, 'Referred to a service: accepted'],
  ] as const)('%o reads "%s"', (p, words) => {
    expect(describeSocialPrescription(p)).toBe(words);
  });
});
