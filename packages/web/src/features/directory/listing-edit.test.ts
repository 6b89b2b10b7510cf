import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import {
  FIELD_IDS,
  formValuesOf,
  HOW_MISSING,
  listingEditOf,
  NAME_MISSING,
  NOTHING_CHANGED,
  staleEditOf,
  staleMessage,
  valuesFromForm,
  type ListingFormValues,
} from './listing-edit';
import { listingFixture } from './listing-fixture';

const listing = listingFixture();
const edited = (changes: Partial<ListingFormValues>) => listingEditOf(listing, { ...formValuesOf(listing), ...changes });

describe('the form as it opens', () => {
  it('starts from the listing, with capacity left as it is and the box unticked', () => {
    expect(formValuesOf(listing)).toEqual({
      name: 'Thursday lunch club',
      description: 'A hot lunch and a chat.',
      phone: '020 8726 6000',
      email: 'lunch@example.org',
      website: 'https://example.org/lunch',
      minimumAge: '60',
      maximumAge: '',
      eligibility: 'Older people living alone',
      capacity: '',
      referralMode: 'signpost_only',
      referralHow: '',
      verified: false,
    });
  });

  it('reads a submitted form, a box left unticked being absent', () => {
    const data = new FormData();
    data.set('name', 'Lunch club');
    data.set('capacity', 'full');
    expect(valuesFromForm(data)).toMatchObject({ name: 'Lunch club', capacity: 'full', description: '', verified: false });
    data.set('verified', 'true');
    expect(valuesFromForm(data).verified).toBe(true);
  });
});

describe('only what changed is sent, with the version read', () => {
  it('refuses a form with nothing changed', () => {
    expect(edited({})).toEqual({ errors: [{ fieldId: FIELD_IDS.verified, message: NOTHING_CHANGED }] });
    // Spaces around the same words are not a change.
    expect(edited({ name: '  Thursday lunch club ', description: 'A hot lunch and a chat.\n' }).errors).toHaveLength(1);
  });

  it('sends a changed detail alone, trimmed', () => {
    expect(edited({ website: ' https://example.org/thursday ' })).toEqual({ edit: { version: 4, details: { website: 'https://example.org/thursday' } }, errors: [] });
  });

  it('sends null for a detail emptied, and refuses an empty name', () => {
    expect(edited({ email: '', eligibility: ' ' }).edit).toEqual({ version: 4, details: { email: null, eligibility: null } });
    expect(edited({ name: ' ' }).errors).toEqual([{ fieldId: FIELD_IDS.name, message: NAME_MISSING }]);
  });

  it('sends ages as numbers, null when emptied, and says when one is not a whole number', () => {
    expect(edited({ minimumAge: '65', maximumAge: '90' }).edit).toEqual({ version: 4, details: { minimumAge: 65, maximumAge: 90 } });
    expect(edited({ minimumAge: '' }).edit).toEqual({ version: 4, details: { minimumAge: null } });
    expect(edited({ minimumAge: '060' }).errors).toEqual([{ fieldId: FIELD_IDS.verified, message: NOTHING_CHANGED }]);
    expect(edited({ minimumAge: 'sixty', maximumAge: '9.5' }).errors).toEqual([
      { fieldId: FIELD_IDS.minimumAge, message: 'Youngest age must be a whole number of years, like 18' },
      { fieldId: FIELD_IDS.maximumAge, message: 'Oldest age must be a whole number of years, like 18' },
    ]);
  });

  it('sends a capacity whenever one is chosen, as choosing it confirms it today', () => {
    expect(edited({ capacity: 'taking_referrals' }).edit).toEqual({ version: 4, capacity: { state: 'taking_referrals' } });
    expect(edited({ capacity: 'waiting_list', verified: true }).edit).toEqual({ version: 4, capacity: { state: 'waiting_list' }, verified: true });
  });

  it('sends the referral mode when it or how to refer changed, and needs how for direct referrals', () => {
    expect(edited({ referralMode: 'direct_referral', referralHow: ' Email referrals@example.org ' }).edit).toEqual({
      version: 4,
      referralMode: { mode: 'direct_referral', how: 'Email referrals@example.org' },
    });
    expect(edited({ referralMode: 'direct_referral', referralHow: '' }).errors).toEqual([{ fieldId: FIELD_IDS.referralHow, message: HOW_MISSING }]);
    // Typed while direct referrals were chosen, then left hidden by choosing signposting again: not sent.
    expect(edited({ referralMode: 'signpost_only', referralHow: 'Phone us', verified: true }).edit).toEqual({ version: 4, verified: true });

    const direct = listingFixture({ referral: { mode: 'direct_referral', how: 'Phone 020 8726 6000' } });
    const from = (changes: Partial<ListingFormValues>) => listingEditOf(direct, { ...formValuesOf(direct), ...changes });
    expect(from({ referralMode: 'signpost_only' }).edit).toEqual({ version: 4, referralMode: { mode: 'signpost_only' } });
    expect(from({ referralHow: 'Use the form on the website' }).edit).toEqual({
      version: 4,
      referralMode: { mode: 'direct_referral', how: 'Use the form on the website' },
    });
    expect(from({ verified: true }).edit).toEqual({ version: 4, verified: true });
  });
});

describe('a change refused because someone else changed the listing first', () => {
  const conflict = (errors?: { field: string; reason: string }[]) => new ApiError({ title: 'Conflict', status: 409, errors });

  it('reads the version the listing is at now', () => {
    expect(staleEditOf(conflict([{ field: 'version', reason: 'The listing is now at version 7' }]))).toEqual({ currentVersion: 7 });
    expect(staleEditOf(conflict())).toEqual({});
    expect(staleEditOf(new ApiError({ title: 'Bad request', status: 400 }))).toBeUndefined();
  });

  it('says the changes were not saved and are still there', () => {
    expect(staleMessage({ currentVersion: 7 })).toMatch(/^Someone else changed this listing after you opened it \(it is now at version 7\), so your changes have not been saved\. What you typed is still below/);
    expect(staleMessage({})).toMatch(/^Someone else changed this listing after you opened it, so/);
  });
});
