import { SOCIAL_PRESCRIPTION_STATES } from '@kith/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import {
  NEW_IDS,
  STALE_PRESCRIPTION,
  cardIds,
  formsFor,
  kindOptions,
  kindStillOpen,
  newFieldIds,
  outcomeAsked,
  problemsOf,
  readMove,
  readNewPrescription,
  readServiceSearch,
  readSession,
  serviceSearchQuery,
  type ChosenService,
} from './forms';

const form = (values: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const one of [value].flat()) data.append(key, one);
  return data;
};
const date = (id: string, day: string, month: string, year: string) => ({ [`${id}-day`]: day, [`${id}-month`]: month, [`${id}-year`]: year });

const PERSON = '00000000-0000-4000-8000-000000000001';
const lunchClub: ChosenService = { id: '00000000-0000-4000-8000-000000000011', name: 'Thursday Lunch Club', referral: { mode: 'direct_referral' } };
const walking: ChosenService = { id: '00000000-0000-4000-8000-000000000012', name: 'Walking for Health', referral: { mode: 'signpost_only' } };

describe('finding a service', () => {
  it('searches the whole directory by words, or near the person’s home', () => {
    expect(readServiceSearch(form({ [NEW_IDS.searchText]: '  lunch  ' }))).toEqual({ text: 'lunch', nearHome: false, radius: 2000 });
    const near = readServiceSearch(form({ [NEW_IDS.near]: 'yes', [NEW_IDS.radius]: '5000' }));
    expect(near).toEqual({ text: undefined, nearHome: true, radius: 5000 });
    expect(readServiceSearch(form({ [NEW_IDS.near]: 'yes', [NEW_IDS.radius]: '123' })).radius).toBe(2000);
  });

  it('asks the API near the person only when asked, never with a postcode too', () => {
    const plain = serviceSearchQuery({ text: 'lunch', nearHome: false, radius: 2000 }, PERSON);
    expect(plain).toMatchObject({ text: 'lunch', page: 1 });
    expect(plain.personId).toBeUndefined();
    expect(plain.radius).toBeUndefined();
    const near = serviceSearchQuery({ nearHome: true, radius: 1000 }, PERSON);
    expect(near).toMatchObject({ personId: PERSON, radius: 1000 });
    expect(near.postcode).toBeUndefined();
  });
});

describe('referral or signpost', () => {
  it('offers both for a service that takes referrals, or none chosen yet', () => {
    for (const service of [undefined, lunchClub]) {
      expect(kindOptions(service).map((o) => [o.value, o.text, o.disabled])).toEqual([
        ['referral', 'Referral', undefined],
        ['signpost', 'Signpost', undefined],
      ]);
    }
  });

  it('disables referral for a signpost-only service, saying why', () => {
    const [referral, signpost] = kindOptions(walking);
    expect(referral).toMatchObject({ value: 'referral', disabled: true, hint: 'Walking for Health does not take referrals: signpost them to it instead' });
    expect(signpost?.disabled).toBeUndefined();
  });

  it('drops a referral chosen before a signpost-only service was chosen', () => {
    expect(kindStillOpen('referral', walking)).toBe('');
    expect(kindStillOpen('referral', lunchClub)).toBe('referral');
    expect(kindStillOpen('signpost', walking)).toBe('signpost');
    expect(kindStillOpen('referral', undefined)).toBe('referral');
  });
});

describe('a new social prescription', () => {
  const filled = {
    [NEW_IDS.kind]: 'referral',
    [NEW_IDS.whatMatters]: '  Getting out of the house  ',
    [NEW_IDS.needs]: ['loneliness_isolation', 'mental_wellbeing'],
    [NEW_IDS.supportOffered]: ' Weekly lunch with transport ',
    [NEW_IDS.consent]: 'yes',
    [NEW_IDS.how]: 'verbal',
    [NEW_IDS.note]: '',
  };

  it('builds the referral the API takes', () => {
    expect(readNewPrescription(form(filled), lunchClub, NEW_IDS.service).value).toEqual({
      serviceId: lunchClub.id,
      kind: 'referral',
      whatMatters: 'Getting out of the house',
      needs: ['loneliness_isolation', 'mental_wellbeing'],
      supportOffered: 'Weekly lunch with transport',
      consent: { given: true, how: 'verbal' },
    });
  });

  it('builds a signpost without consent, leaving out how they agreed, and keeps a note', () => {
    const values = { ...filled, [NEW_IDS.kind]: 'signpost', [NEW_IDS.consent]: [], [NEW_IDS.how]: 'written', [NEW_IDS.note]: ' Prefers mornings ' };
    expect(readNewPrescription(form(values), walking, NEW_IDS.service).value).toMatchObject({
      kind: 'signpost',
      consent: { given: false },
      note: 'Prefers mornings',
    });
  });

  it('names every problem, in the order the questions are asked', () => {
    const read = readNewPrescription(form({ [NEW_IDS.kind]: 'referral', [NEW_IDS.how]: '' }), undefined, NEW_IDS.searchText);
    expect(read.problems?.map((p) => p.fieldId)).toEqual([
      NEW_IDS.searchText,
      NEW_IDS.whatMatters,
      NEW_IDS.needs,
      NEW_IDS.supportOffered,
      NEW_IDS.consent,
    ]);
  });

  it('needs how they agreed once they agree', () => {
    const read = readNewPrescription(form({ ...filled, [NEW_IDS.how]: [] }), lunchClub, NEW_IDS.service);
    expect(read.problems).toEqual([{ fieldId: NEW_IDS.how, message: 'Choose how they agreed' }]);
  });

  it('refuses a referral to a service that takes none, and more than five needs', () => {
    const needs = ['housing', 'money_benefits', 'bereavement', 'other', 'carer_support', 'practical_help'];
    const read = readNewPrescription(form({ ...filled, [NEW_IDS.needs]: needs }), walking, NEW_IDS.service);
    expect(read.problems).toEqual([
      { fieldId: NEW_IDS.kind, message: 'Walking for Health does not take referrals: signpost them to it instead' },
      { fieldId: NEW_IDS.needs, message: 'Choose at most 5 needs' },
    ]);
  });

  it('keeps to the lengths the API allows', () => {
    const long = { ...filled, [NEW_IDS.whatMatters]: 'x'.repeat(1001), [NEW_IDS.supportOffered]: 'y'.repeat(1001), [NEW_IDS.note]: 'z'.repeat(2001) };
    expect(readNewPrescription(form(long), lunchClub, NEW_IDS.service).problems?.map((p) => p.fieldId)).toEqual([
      NEW_IDS.whatMatters,
      NEW_IDS.supportOffered,
      NEW_IDS.note,
    ]);
    const limit = { ...filled, [NEW_IDS.whatMatters]: 'x'.repeat(1000), [NEW_IDS.note]: 'z'.repeat(2000) };
    expect(readNewPrescription(form(limit), lunchClub, NEW_IDS.service).value).toBeDefined();
  });
});

describe('which forms an open prescription shows', () => {
  it('offers a move while one is left, and sessions once it may be attended', () => {
    const shown = Object.fromEntries(SOCIAL_PRESCRIPTION_STATES.map((state) => [state, formsFor(state)]));
    expect(shown).toEqual({
      signposted: { move: true, session: true },
      sent: { move: true, session: false },
      accepted: { move: true, session: true },
      declined: { move: false, session: false },
      attending: { move: true, session: true },
      not_taken_up: { move: false, session: false },
      completed: { move: false, session: false },
      withdrawn: { move: false, session: false },
    });
  });

  it('asks the outcome when completing, and lets it be given when the person stops', () => {
    expect(outcomeAsked('completed')).toBe('required');
    expect(outcomeAsked('not_taken_up')).toBe('optional');
    expect(outcomeAsked('withdrawn')).toBe('optional');
    for (const to of ['accepted', 'declined', 'attending', '']) expect(outcomeAsked(to)).toBeUndefined();
  });
});

describe('a move', () => {
  const ids = cardIds('sp-1');

  it('goes to a next state at the version read, with a note', () => {
    expect(readMove(form({ [ids.to]: 'accepted', [ids.moveNote]: ' Starts next week ' }), ids, 'sent', 3).value).toEqual({
      to: 'accepted',
      version: 3,
      note: 'Starts next week',
    });
  });

  it('needs a state that comes next, and the outcome to complete', () => {
    expect(readMove(form({}), ids, 'sent', 1).problems).toEqual([{ fieldId: ids.to, message: 'Choose what has happened' }]);
    expect(readMove(form({ [ids.to]: 'accepted' }), ids, 'signposted', 1).problems?.[0]?.fieldId).toBe(ids.to);
    expect(readMove(form({ [ids.to]: 'completed' }), ids, 'attending', 4).problems).toEqual([{ fieldId: ids.outcome, message: 'Record the outcome' }]);
    expect(readMove(form({ [ids.to]: 'completed', [ids.outcome]: 'needs_met' }), ids, 'attending', 4).value).toEqual({
      to: 'completed',
      version: 4,
      outcome: 'needs_met',
    });
  });

  it('sends an outcome only with a move that takes one', () => {
    expect(readMove(form({ [ids.to]: 'withdrawn' }), ids, 'attending', 2).value).toEqual({ to: 'withdrawn', version: 2 });
    expect(readMove(form({ [ids.to]: 'not_taken_up', [ids.outcome]: 'needs_not_met' }), ids, 'accepted', 2).value?.outcome).toBe('needs_not_met');
    expect(readMove(form({ [ids.to]: 'attending', [ids.outcome]: 'needs_met' }), ids, 'accepted', 2).value).toEqual({ to: 'attending', version: 2 });
  });
});

describe('a session', () => {
  const ids = cardIds('sp-1');
  const today = '2026-03-10';

  it('is a day not after today, attended or not', () => {
    expect(readSession(form({ ...date(ids.sessionDate, '9', '3', '2026'), [ids.attended]: 'yes' }), ids, today).value).toEqual({
      on: '2026-03-09',
      attended: true,
    });
    expect(readSession(form({ ...date(ids.sessionDate, '10', '3', '2026'), [ids.attended]: 'no', [ids.sessionNote]: ' Unwell ' }), ids, today).value).toEqual({
      on: today,
      attended: false,
      note: 'Unwell',
    });
  });

  it('names the date, whether they attended and a long note', () => {
    expect(readSession(form({ [ids.sessionNote]: 'x'.repeat(501) }), ids, today).problems).toEqual([
      { fieldId: `${ids.sessionDate}-day`, message: 'Enter the date of the session' },
      { fieldId: ids.attended, message: 'Say whether they attended' },
      { fieldId: ids.sessionNote, message: 'Keep the note to 500 characters or fewer' },
    ]);
    expect(readSession(form({ ...date(ids.sessionDate, '11', '3', '2026'), [ids.attended]: 'yes' }), ids, today).problems).toEqual([
      { fieldId: `${ids.sessionDate}-day`, message: 'The date of the session must be today or in the past' },
    ]);
    expect(readSession(form({ ...date(ids.sessionDate, '30', '2', '2026'), [ids.attended]: 'yes' }), ids, today).problems?.[0]?.message).toBe(
      'Date of the session must be a real date',
    );
  });
});

describe('what the API refused', () => {
  const refused = (status: number, errors?: { field: string; reason: string }[], detail = 'Refused') =>
    new ApiError({ title: 'Refused', status, detail, errors });
  const fieldIds = newFieldIds(NEW_IDS.service);

  it('links each field to its input, a need in the list to the needs', () => {
    const error = refused(400, [
      { field: 'whatMatters', reason: 'Write what matters to the person, in their words' },
      { field: 'needs.1', reason: 'Each need once' },
      { field: 'consent.how', reason: 'Say how consent was given' },
      { field: 'colour', reason: 'Unknown field' },
    ]);
    expect(problemsOf(error, fieldIds)).toEqual([
      { fieldId: NEW_IDS.whatMatters, message: 'Write what matters to the person, in their words' },
      { fieldId: NEW_IDS.needs, message: 'Each need once' },
      { fieldId: NEW_IDS.how, message: 'Say how consent was given' },
      { message: 'Unknown field' },
    ]);
  });

  it('says a conflict in its whole sentence, at the field it is about', () => {
    const error = refused(409, [{ field: 'kind', reason: 'This service takes no direct referrals' }], 'Walking for Health does not take referrals: signpost the person to it instead');
    expect(problemsOf(error, fieldIds)).toEqual([
      { fieldId: NEW_IDS.kind, message: 'Walking for Health does not take referrals: signpost the person to it instead' },
    ]);
  });

  it('says plainly that someone else changed it first', () => {
    const error = refused(409, [{ field: 'version', reason: 'Now at version 4' }]);
    expect(problemsOf(error, { to: 'x' })).toEqual([{ message: STALE_PRESCRIPTION }]);
  });

  it('gives a refusal’s own words, and a service problem plainly', () => {
    expect(problemsOf(refused(403, undefined, 'You have no relationship with this person'), fieldIds)).toEqual([
      { message: 'You have no relationship with this person' },
    ]);
    expect(problemsOf(refused(500), fieldIds)).toEqual([{ message: 'Sorry, there is a problem with the service. Try again later.' }]);
    expect(problemsOf(new Error('offline'), fieldIds)).toEqual([{ message: 'Sorry, there is a problem with the service. Try again later.' }]);
  });
});
