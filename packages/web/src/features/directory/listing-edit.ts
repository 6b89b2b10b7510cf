/**
 * The "Update this listing" form as data: what it starts from, what it sends, and where the
 * API's problems with it belong. Only what the user changed is sent, with the version they read,
 * so an edit that waits for review never carries back values nobody meant to change.
 */
import { REFERRAL_MODES, SERVICE_CAPACITIES, type ListingEdit, type ServiceCapacityState } from '@kith/core';
import { isApiError } from '../../api/client';
import type { FormError } from '../../components/ErrorSummary';
import type { Listing, ReferralMode } from './types';

/** What the form holds, as typed: every text as a string, every choice by its value. */
export interface ListingFormValues {
  name: string;
  description: string;
  phone: string;
  email: string;
  website: string;
  minimumAge: string;
  maximumAge: string;
  eligibility: string;
  /** A capacity, or '' to leave it as it is. */
  capacity: string;
  referralMode: string;
  referralHow: string;
  verified: boolean;
}

/** The form's input ids, which are also its field names. */
export const FIELD_IDS = {
  name: 'name',
  description: 'description',
  phone: 'phone',
  email: 'email',
  website: 'website',
  minimumAge: 'minimumAge',
  maximumAge: 'maximumAge',
  eligibility: 'eligibility',
  capacity: 'capacity',
  referralMode: 'referralMode',
  referralHow: 'referralHow',
  verified: 'verified',
} as const;

/** Where each of the API's field names belongs in the form. */
export const API_FIELD_IDS: Readonly<Record<string, string>> = {
  'details.name': FIELD_IDS.name,
  'details.description': FIELD_IDS.description,
  'details.phone': FIELD_IDS.phone,
  'details.email': FIELD_IDS.email,
  'details.website': FIELD_IDS.website,
  'details.minimumAge': FIELD_IDS.minimumAge,
  'details.maximumAge': FIELD_IDS.maximumAge,
  'details.eligibility': FIELD_IDS.eligibility,
  capacity: FIELD_IDS.capacity,
  'capacity.state': FIELD_IDS.capacity,
  referralMode: FIELD_IDS.referralMode,
  'referralMode.mode': FIELD_IDS.referralMode,
  'referralMode.how': FIELD_IDS.referralHow,
  verified: FIELD_IDS.verified,
};

/** The form as it opens: the listing as read, with capacity left as it is. */
export function formValuesOf(listing: Listing): ListingFormValues {
  const age = (value: number | null) => (value === null ? '' : String(value));
  return {
    name: listing.name,
    description: listing.description ?? '',
    phone: listing.phone ?? '',
    email: listing.email ?? '',
    website: listing.website ?? '',
    minimumAge: age(listing.eligibility.minimumAge),
    maximumAge: age(listing.eligibility.maximumAge),
    eligibility: listing.eligibility.description ?? '',
    capacity: '',
    referralMode: listing.referral.mode,
    referralHow: listing.referral.how ?? '',
    verified: false,
  };
}

/** The submitted form's values; a box left unticked is not sent, as in any form. */
export function valuesFromForm(data: FormData): ListingFormValues {
  const text = (key: string) => {
    const value = data.get(key);
    return typeof value === 'string' ? value : '';
  };
  return {
    name: text(FIELD_IDS.name),
    description: text(FIELD_IDS.description),
    phone: text(FIELD_IDS.phone),
    email: text(FIELD_IDS.email),
    website: text(FIELD_IDS.website),
    minimumAge: text(FIELD_IDS.minimumAge),
    maximumAge: text(FIELD_IDS.maximumAge),
    eligibility: text(FIELD_IDS.eligibility),
    capacity: text(FIELD_IDS.capacity),
    referralMode: text(FIELD_IDS.referralMode),
    referralHow: text(FIELD_IDS.referralHow),
    verified: data.get(FIELD_IDS.verified) !== null,
  };
}

export type EditReading = { edit: ListingEdit; errors: [] } | { edit?: undefined; errors: FormError[] };

type Details = NonNullable<ListingEdit['details']>;

/** The text as typed, when it differs from the listing's: null when it was emptied. */
function changedText(before: string | null, typed: string): string | null | undefined {
  const now = typed.trim();
  if (now === (before ?? '').trim()) return undefined;
  return now === '' ? null : now;
}

/** An age as typed, when it differs from the listing's; an error when it is not a whole number. */
function changedAge(before: number | null, typed: string, label: string): { value?: number | null; error?: string } {
  const now = typed.trim();
  if (now === '') return before === null ? {} : { value: null };
  if (!/^\d{1,3}$/.test(now)) return { error: `${label} must be a whole number of years, like 18` };
  const value = Number(now);
  return value === before ? {} : { value };
}

const isCapacity = (value: string): value is ServiceCapacityState => (SERVICE_CAPACITIES as readonly string[]).includes(value);
const isReferralMode = (value: string): value is ReferralMode => (REFERRAL_MODES as readonly string[]).includes(value);

export const NOTHING_CHANGED = 'Change at least one detail, or tick the box to say you have checked the details with the service today';
export const NAME_MISSING = 'Enter the name of the service';
export const HOW_MISSING = 'Say how to refer: an email address, a phone number or a form';

/**
 * The body of PUT /directory/services/:id/listing: only what differs from the listing as read,
 * with its version. A capacity chosen is always sent, even the one shown now: choosing it says
 * the service confirmed it today. What the form can tell at once (a missing name, an age that is
 * not a number, a direct referral with no way to make it) comes back as errors, in form order.
 */
export function listingEditOf(listing: Listing, values: ListingFormValues): EditReading {
  const errors: FormError[] = [];
  const details: Details = {};
  const name = changedText(listing.name, values.name);
  if (name === null) errors.push({ fieldId: FIELD_IDS.name, message: NAME_MISSING });
  else if (name !== undefined) details.name = name;
  const texts = [
    ['description', listing.description],
    ['phone', listing.phone],
    ['email', listing.email],
    ['website', listing.website],
  ] as const;
  for (const [key, before] of texts) {
    const value = changedText(before, values[key]);
    if (value !== undefined) details[key] = value;
  }
  const ages = [
    ['minimumAge', listing.eligibility.minimumAge, 'Youngest age'],
    ['maximumAge', listing.eligibility.maximumAge, 'Oldest age'],
  ] as const;
  for (const [key, before, label] of ages) {
    const { value, error } = changedAge(before, values[key], label);
    if (error) errors.push({ fieldId: FIELD_IDS[key], message: error });
    else if (value !== undefined) details[key] = value;
  }
  const eligibility = changedText(listing.eligibility.description, values.eligibility);
  if (eligibility !== undefined) details.eligibility = eligibility;

  const edit: ListingEdit = { version: listing.version };
  if (Object.keys(details).length > 0) edit.details = details;
  if (isCapacity(values.capacity)) edit.capacity = { state: values.capacity };
  const referral = referralChange(listing, values);
  if (referral === 'missing how') errors.push({ fieldId: FIELD_IDS.referralHow, message: HOW_MISSING });
  else if (referral) edit.referralMode = referral;
  if (values.verified) edit.verified = true;

  if (errors.length > 0) return { errors };
  if (!edit.details && !edit.capacity && !edit.referralMode && !edit.verified) {
    return { errors: [{ fieldId: FIELD_IDS.verified, message: NOTHING_CHANGED }] };
  }
  return { edit, errors: [] };
}

function referralChange(listing: Listing, values: ListingFormValues): ListingEdit['referralMode'] | 'missing how' | undefined {
  const mode = isReferralMode(values.referralMode) ? values.referralMode : listing.referral.mode;
  if (mode === 'signpost_only') return listing.referral.mode === 'signpost_only' ? undefined : { mode };
  const how = values.referralHow.trim();
  if (!how) return 'missing how';
  if (listing.referral.mode === mode && how === (listing.referral.how ?? '').trim()) return undefined;
  return { mode, how };
}

/** Someone else changed the listing after it was read: the version it is at now, when the API says. */
export interface StaleEdit {
  currentVersion?: number;
}

export function staleEditOf(error: unknown): StaleEdit | undefined {
  if (!isApiError(error, 409)) return undefined;
  const reason = error.problem.errors?.find((problem) => problem.field === 'version')?.reason ?? error.problem.detail ?? '';
  const version = /version (\d+)/.exec(reason)?.[1];
  return version ? { currentVersion: Number(version) } : {};
}

/** What the error summary says about a stale edit; it links to the button that reloads the listing. */
export function staleMessage(stale: StaleEdit): string {
  const now = stale.currentVersion ? ` (it is now at version ${stale.currentVersion})` : '';
  return `Someone else changed this listing after you opened it${now}, so your changes have not been saved. What you typed is still below: copy anything you want to keep, then reload the listing and make your changes again.`;
}
