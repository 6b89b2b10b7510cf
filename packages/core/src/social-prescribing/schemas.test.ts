import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '../errors.js';
import {
  SOCIAL_PRESCRIPTION_STATES,
  parseAttendance,
  parseSocialPrescription,
  parseSocialPrescriptionMove,
  socialPrescriptionMoveSchema,
  socialPrescriptionSchema,
} from './index.js';
import { caught } from '../../test/domain-problems.js';

const problems = (fn: () => unknown): FieldProblem[] => {
  const error = caught(fn);
  expect(error.code).toBe('invalid');
  return error.problems;
};
const fields = (fn: () => unknown) => problems(fn).map((p) => p.field);

const serviceId = '00000000-0000-4000-8000-000000000011';
const referral = {
  serviceId,
  kind: 'referral',
  whatMatters: 'Getting out of the house and seeing people again',
  needs: ['loneliness_isolation', 'mental_wellbeing'],
  supportOffered: 'Weekly lunch club with transport',
  consent: { given: true, how: 'verbal' },
};
const signpost = { ...referral, kind: 'signpost', consent: { given: false } };

describe('a new social prescription', () => {
  it('takes a referral with consent, and a signpost without', () => {
    expect(parseSocialPrescription(referral)).toEqual(referral);
    expect(parseSocialPrescription(signpost)).toEqual(signpost);
    expect(parseSocialPrescription({ ...signpost, consent: { given: true, how: 'portal' }, note: ' Prefers mornings ' }).note).toBe('Prefers mornings');
  });

  it('trims the person’s words and the support offered', () => {
    const parsed = parseSocialPrescription({ ...referral, whatMatters: '  Seeing people  ', supportOffered: ' Lunch club ' });
    expect(parsed.whatMatters).toBe('Seeing people');
    expect(parsed.supportOffered).toBe('Lunch club');
  });

  it.each([
    [{ whatMatters: undefined }, 'whatMatters', 'Write what matters to the person, in their words'],
    [{ whatMatters: '   ' }, 'whatMatters', 'Write what matters to the person, in their words'],
    [{ whatMatters: 'x'.repeat(1001) }, 'whatMatters', 'Keep what matters to 1,000 characters or fewer'],
    [{ supportOffered: undefined }, 'supportOffered', 'Say what support is offered'],
    [{ supportOffered: '' }, 'supportOffered', 'Say what support is offered'],
    [{ supportOffered: 'x'.repeat(1001) }, 'supportOffered', 'Keep the support offered to 1,000 characters or fewer'],
    [{ needs: [] }, 'needs', 'Choose at least one need'],
    [{ needs: undefined }, 'needs', 'Choose at least one need'],
    [{ needs: ['housing', 'money_benefits', 'bereavement', 'other', 'carer_support', 'practical_help'] }, 'needs', 'Choose at most 5 needs'],
    [{ needs: ['housing', 'lonely'] }, 'needs.1', 'Choose a need from the list'],
    [{ needs: ['housing', 'bereavement', 'housing'] }, 'needs.2', 'Each need once'],
    [{ serviceId: 'lunch-club' }, 'serviceId', 'Choose a service from the directory'],
    [{ kind: 'prescription' }, 'kind', 'Choose signpost or referral'],
    [{ consent: undefined }, 'consent', 'Say whether the person gave consent'],
    [{ consent: { given: 'yes', how: 'verbal' } }, 'consent.given', 'Say whether the person gave consent'],
    [{ consent: { given: true, how: 'email' } }, 'consent.how', 'Choose how it was given: verbal, written or portal'],
    [{ consent: { given: true, how: 'verbal', by: 'me' } }, 'consent.by', 'Unknown field'],
    [{ note: 'x'.repeat(2001) }, 'note', 'Keep the note to 2,000 characters or fewer'],
    [{ colour: 'blue' }, 'colour', 'Unknown field'],
  ])('refuses %o, naming %s', (change, field, reason) => {
    expect(problems(() => parseSocialPrescription({ ...referral, ...change }))).toEqual([{ field, reason }]);
  });

  it('takes the limits: 1,000 characters of words, five needs, 2,000 of note', () => {
    const parsed = parseSocialPrescription({
      ...referral,
      whatMatters: 'x'.repeat(1000),
      supportOffered: 'y'.repeat(1000),
      needs: ['housing', 'money_benefits', 'bereavement', 'other', 'carer_support'],
      note: 'z'.repeat(2000),
    });
    expect(parsed.needs).toHaveLength(5);
  });

  it('names each repeated need once it is repeated', () => {
    expect(problems(() => parseSocialPrescription({ ...referral, needs: ['housing', 'housing', 'other', 'housing'] }))).toEqual([
      { field: 'needs.1', reason: 'Each need once' },
      { field: 'needs.3', reason: 'Each need once' },
    ]);
  });

  describe('consent', () => {
    it('is required, given, for a referral', () => {
      expect(problems(() => parseSocialPrescription({ ...referral, consent: { given: false } }))).toEqual([
        { field: 'consent.given', reason: 'A referral shares the person’s details with the provider: record their consent first' },
      ]);
      expect(fields(() => parseSocialPrescription({ ...referral, consent: { given: false, how: 'written' } }))).toEqual(['consent.given']);
    });

    it('is not required for a signpost', () => {
      expect(parseSocialPrescription({ ...signpost, consent: { given: false } }).consent).toEqual({ given: false });
    });

    it('says how, when given, for either kind', () => {
      for (const base of [referral, signpost]) {
        expect(problems(() => parseSocialPrescription({ ...base, consent: { given: true } }))).toEqual([
          { field: 'consent.how', reason: 'Say how consent was given' },
        ]);
      }
      for (const how of ['verbal', 'written', 'portal']) {
        expect(parseSocialPrescription({ ...referral, consent: { given: true, how } }).consent.how).toBe(how);
      }
    });
  });

  it('names every field at fault in one 400, cross-field rules included', () => {
    const error = caught(() =>
      parseSocialPrescription({ serviceId, kind: 'referral', needs: ['housing', 'housing'], consent: { given: false }, extra: 1 }),
    );
    expect(error.code).toBe('invalid');
    expect(error.problems.map((p) => p.field).sort()).toEqual(['consent.given', 'extra', 'needs.1', 'supportOffered', 'whatMatters']);
    expect(error.message).toContain('whatMatters: Write what matters to the person, in their words');
  });

  it('does not guess at consent when the kind or the consent itself is unreadable', () => {
    expect(fields(() => parseSocialPrescription({ ...referral, kind: 'x', consent: { given: false } }))).toEqual(['kind']);
    expect(fields(() => parseSocialPrescription({ ...referral, consent: { given: 'no' } }))).toEqual(['consent.given']);
    expect(fields(() => parseSocialPrescription(null))).toEqual(['body']);
    expect(fields(() => parseSocialPrescription('referral'))).toEqual(['body']);
  });

  it('exposes the schema for the server', () => {
    expect(socialPrescriptionSchema.safeParse(referral).success).toBe(true);
  });
});

describe('a move', () => {
  it('takes a plain move with the version read', () => {
    expect(parseSocialPrescriptionMove({ to: 'accepted', version: 1 })).toEqual({ to: 'accepted', version: 1 });
    expect(parseSocialPrescriptionMove({ to: 'declined', version: 3, note: ' Full this term ' }).note).toBe('Full this term');
  });

  it.each([
    [{ to: 'finished', version: 1 }, 'to', 'Choose the new state'],
    [{ to: 'accepted' }, 'version', 'Send the version you read'],
    [{ to: 'accepted', version: 0 }, 'version', 'Send the version you read'],
    [{ to: 'accepted', version: 1.5 }, 'version', 'Send the version you read'],
    [{ to: 'accepted', version: 1, note: 'x'.repeat(2001) }, 'note', 'Keep the note to 2,000 characters or fewer'],
    [{ to: 'completed', version: 1, outcome: 'great' }, 'outcome', 'Choose an outcome'],
    [{ to: 'attending', version: 1, attendedOn: '2026-02-30' }, 'attendedOn', 'Give the date as a real date, written as YYYY-MM-DD'],
    [{ to: 'accepted', version: 1, by: 'me' }, 'by', 'Unknown field'],
  ])('refuses %o, naming %s', (input, field, reason) => {
    expect(problems(() => parseSocialPrescriptionMove(input))).toEqual([{ field, reason }]);
  });

  it('needs an outcome to complete', () => {
    expect(problems(() => parseSocialPrescriptionMove({ to: 'completed', version: 2 }))).toEqual([{ field: 'outcome', reason: 'Record the outcome' }]);
    expect(parseSocialPrescriptionMove({ to: 'completed', version: 2, outcome: 'needs_met' }).outcome).toBe('needs_met');
  });

  it('takes an outcome only when completed, not taken up or withdrawn', () => {
    for (const to of SOCIAL_PRESCRIPTION_STATES) {
      const input = { to, version: 1, outcome: 'needs_partly_met' };
      if (to === 'completed' || to === 'not_taken_up' || to === 'withdrawn') {
        expect(parseSocialPrescriptionMove(input).outcome, to).toBe('needs_partly_met');
      } else {
        expect(problems(() => parseSocialPrescriptionMove(input)), to).toEqual([{ field: 'outcome', reason: 'Only a finished one has an outcome' }]);
      }
    }
    expect(parseSocialPrescriptionMove({ to: 'not_taken_up', version: 1 }).outcome).toBeUndefined();
    expect(parseSocialPrescriptionMove({ to: 'withdrawn', version: 1 }).outcome).toBeUndefined();
  });

  it('takes the date attended only when marking as attending', () => {
    for (const to of SOCIAL_PRESCRIPTION_STATES) {
      const input = { to, version: 1, attendedOn: '2026-03-05', ...(to === 'completed' ? { outcome: 'unknown' } : {}) };
      if (to === 'attending') expect(parseSocialPrescriptionMove(input).attendedOn).toBe('2026-03-05');
      else {
        expect(problems(() => parseSocialPrescriptionMove(input)), to).toEqual([
          { field: 'attendedOn', reason: 'Only give the date attended when marking as attending' },
        ]);
      }
    }
  });

  it('checks the date attended against today, when given today', () => {
    const today = '2026-03-10';
    expect(parseSocialPrescriptionMove({ to: 'attending', version: 1, attendedOn: '2026-03-09' }, today).attendedOn).toBe('2026-03-09');
    expect(parseSocialPrescriptionMove({ to: 'attending', version: 1, attendedOn: today }, today).attendedOn).toBe(today);
    expect(parseSocialPrescriptionMove({ to: 'attending', version: 1 }, today).attendedOn).toBeUndefined();
    expect(problems(() => parseSocialPrescriptionMove({ to: 'attending', version: 1, attendedOn: '2026-03-11' }, today))).toEqual([
      { field: 'attendedOn', reason: 'Must not be in the future' },
    ]);
  });

  it('names every field at fault in one 400', () => {
    expect(fields(() => parseSocialPrescriptionMove({ to: 'accepted', version: 0, outcome: 'needs_met', attendedOn: '2026-03-01' })).sort()).toEqual([
      'attendedOn',
      'outcome',
      'version',
    ]);
    expect(socialPrescriptionMoveSchema.safeParse({ to: 'completed', version: 1 }).success).toBe(false);
  });
});

describe('an attendance', () => {
  const today = '2026-03-10';

  it('may be today or earlier', () => {
    expect(parseAttendance({ on: today, attended: true }, today)).toEqual({ on: today, attended: true });
    expect(parseAttendance({ on: '2026-03-09', attended: false, note: ' Unwell ' }, today)).toEqual({ on: '2026-03-09', attended: false, note: 'Unwell' });
    expect(parseAttendance({ on: '2025-12-31', attended: true }, today).on).toBe('2025-12-31');
  });

  it('must not be in the future', () => {
    expect(problems(() => parseAttendance({ on: '2026-03-11', attended: true }, today))).toEqual([{ field: 'on', reason: 'Must not be in the future' }]);
    expect(fields(() => parseAttendance({ on: '2027-01-01', attended: false }, today))).toEqual(['on']);
  });

  it.each([
    [{ attended: true }, 'on', 'Give the date as a real date, written as YYYY-MM-DD'],
    [{ on: '10/03/2026', attended: true }, 'on', 'Give the date as a real date, written as YYYY-MM-DD'],
    [{ on: '2026-02-29', attended: true }, 'on', 'Give the date as a real date, written as YYYY-MM-DD'],
    [{ on: '2026-03-01' }, 'attended', 'Say whether the person attended'],
    [{ on: '2026-03-01', attended: 'yes' }, 'attended', 'Say whether the person attended'],
    [{ on: '2026-03-01', attended: true, note: 'x'.repeat(501) }, 'note', 'Keep the note to 500 characters or fewer'],
    [{ on: '2026-03-01', attended: true, by: 'provider' }, 'by', 'Unknown field'],
  ])('refuses %o, naming %s', (input, field, reason) => {
    expect(problems(() => parseAttendance(input, today))).toEqual([{ field, reason }]);
  });

  it('takes a note of up to 500 characters', () => {
    expect(parseAttendance({ on: '2026-03-01', attended: true, note: 'x'.repeat(500) }, today).note).toHaveLength(500);
  });
});
