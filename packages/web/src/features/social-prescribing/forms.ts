/**
 * The social prescribing forms, read and checked in the browser before anything is sent: the
 * request each one makes, or every problem to put right linked to its input. The API checks the
 * same again; its field names are linked to the same inputs.
 */
import {
  CONSENT_METHODS,
  SOCIAL_PRESCRIBING_NEEDS,
  SOCIAL_PRESCRIPTION_KINDS,
  SOCIAL_PRESCRIPTION_MAX_NEEDS,
  SOCIAL_PRESCRIPTION_OUTCOMES,
  nextSocialPrescriptionStates,
  type ConsentMethod,
  type SocialPrescribingNeed,
  type SocialPrescriptionKind,
  type SocialPrescriptionOutcome,
  type SocialPrescriptionState,
} from '@kith/core';
import { isApiError, type QueryValue } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import type { FormError } from '../../components/ErrorSummary';
import { apiQueryOf } from '../directory/search';
import type { ReferralMode } from '../directory/types';
import { readDay } from '../support/form-dates';
import type { DateError } from '../tasks/due-date';

/** What a form gives: the request to send, or every problem to put right. */
export type Read<T> = { value: T; problems?: undefined } | { value?: undefined; problems: DateError[] };

const done = <T>(problems: DateError[], value: () => T): Read<T> => (problems.length > 0 ? { problems } : { value: value() });
const textOf = (form: FormData) => (name: string) => String(form.get(name) ?? '').trim();
const oneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

// The limits core's schemas hold, checked here too so the person hears of them before sending.
const WORDS_MAX = 1000;
const NOTE_MAX = 2000;
const SESSION_NOTE_MAX = 500;

/* ------------------------------------------------------------------ finding a service */

/** The ids of the search that finds a service, and of the form that refers or signposts to it. */
export const NEW_IDS = {
  searchText: 'sp-find-text',
  near: 'sp-find-near',
  radius: 'sp-find-radius',
  service: 'sp-service',
  kind: 'sp-kind',
  whatMatters: 'sp-what-matters',
  needs: 'sp-needs',
  supportOffered: 'sp-support-offered',
  consent: 'sp-consent',
  how: 'sp-consent-how',
  note: 'sp-note',
} as const;

/** Distances from the person's home to search within, in metres; 2 km unless chosen. */
export const HOME_RADIUS_CHOICES = [1000, 2000, 5000, 10000] as const;
export const HOME_RADIUS_DEFAULT = 2000;

export interface ServiceSearch {
  text?: string;
  /** Measured from the person's home: their postcode is read on the server, through the gate. */
  nearHome: boolean;
  radius: number;
}

/** The search as typed; a distance not offered falls back to the default. */
export function readServiceSearch(form: FormData): ServiceSearch {
  const text = textOf(form);
  const radius = Number(text(NEW_IDS.radius));
  return {
    text: text(NEW_IDS.searchText) || undefined,
    nearHome: text(NEW_IDS.near) === 'yes',
    radius: (HOME_RADIUS_CHOICES as readonly number[]).includes(radius) ? radius : HOME_RADIUS_DEFAULT,
  };
}

/** What GET /directory/services is asked: the directory's own query, near the person's home when asked. */
export function serviceSearchQuery(search: ServiceSearch, personId: string): Record<string, QueryValue> {
  const query = apiQueryOf({ text: search.text, taxonomy: [], freeOnly: false, page: 1 });
  return search.nearHome ? { ...query, personId, radius: search.radius } : query;
}

/** Where the search's API fields link to: a person without a known home is told at the checkbox. */
export const SEARCH_FIELD_IDS: Record<string, string> = {
  text: NEW_IDS.searchText,
  personId: NEW_IDS.near,
  radius: NEW_IDS.radius,
};

/* ------------------------------------------------------------------ referring or signposting */

/** The little the form needs to know of the service chosen. */
export interface ChosenService {
  id: string;
  name: string;
  referral: { mode: ReferralMode };
}

export const takesReferrals = (service: ChosenService | undefined) => service?.referral.mode === 'direct_referral';

export interface KindOption {
  value: SocialPrescriptionKind;
  text: string;
  hint: string;
  disabled?: boolean;
}

/** Referral or signpost; a referral cannot be chosen for a service that only takes signposts. */
export function kindOptions(service: ChosenService | undefined): KindOption[] {
  const signpostOnly = service !== undefined && !takesReferrals(service);
  return [
    {
      value: 'referral',
      text: 'Referral',
      hint: signpostOnly
        ? `${service.name} does not take referrals: signpost them to it instead`
        : 'We send their details to the provider, with their consent',
      disabled: signpostOnly || undefined,
    },
    { value: 'signpost', text: 'Signpost', hint: 'They get in touch with the service themselves' },
  ];
}

/** A kind chosen before the service changed, still open to the service chosen now; else none. */
export function kindStillOpen(kind: string, service: ChosenService | undefined): string {
  return kind === 'referral' && service !== undefined && !takesReferrals(service) ? '' : kind;
}

export interface NewPrescriptionBody {
  serviceId: string;
  kind: SocialPrescriptionKind;
  whatMatters: string;
  needs: SocialPrescribingNeed[];
  supportOffered: string;
  consent: { given: boolean; how?: ConsentMethod };
  note?: string;
}

/** Where the API's fields link to; the service links to the results when there are some, else to the search. */
export function newFieldIds(serviceFieldId: string): Record<string, string> {
  return {
    serviceId: serviceFieldId,
    kind: NEW_IDS.kind,
    whatMatters: NEW_IDS.whatMatters,
    needs: NEW_IDS.needs,
    supportOffered: NEW_IDS.supportOffered,
    consent: NEW_IDS.consent,
    'consent.given': NEW_IDS.consent,
    'consent.how': NEW_IDS.how,
    note: NEW_IDS.note,
  };
}

/**
 * A new signpost or referral from the form and the service chosen, or every problem in the order
 * the questions are asked. A referral shares the person's details, so it needs their consent;
 * consent given says how.
 */
export function readNewPrescription(form: FormData, service: ChosenService | undefined, serviceFieldId: string): Read<NewPrescriptionBody> {
  const text = textOf(form);
  const problems: DateError[] = [];
  const kind = text(NEW_IDS.kind);
  const whatMatters = text(NEW_IDS.whatMatters);
  const needs = form.getAll(NEW_IDS.needs).map(String);
  const supportOffered = text(NEW_IDS.supportOffered);
  const given = text(NEW_IDS.consent) === 'yes';
  const how = text(NEW_IDS.how);
  const note = text(NEW_IDS.note);

  if (!service) problems.push({ fieldId: serviceFieldId, message: 'Find and choose a service' });
  if (!oneOf(SOCIAL_PRESCRIPTION_KINDS, kind)) problems.push({ fieldId: NEW_IDS.kind, message: 'Choose referral or signpost' });
  else if (kind === 'referral' && service && !takesReferrals(service)) {
    problems.push({ fieldId: NEW_IDS.kind, message: `${service.name} does not take referrals: signpost them to it instead` });
  }
  if (!whatMatters) problems.push({ fieldId: NEW_IDS.whatMatters, message: 'Write what matters to them, in their words' });
  else if (whatMatters.length > WORDS_MAX) problems.push({ fieldId: NEW_IDS.whatMatters, message: 'Keep what matters to 1,000 characters or fewer' });
  if (needs.length === 0) problems.push({ fieldId: NEW_IDS.needs, message: 'Choose at least one need' });
  else if (needs.length > SOCIAL_PRESCRIPTION_MAX_NEEDS) {
    problems.push({ fieldId: NEW_IDS.needs, message: `Choose at most ${SOCIAL_PRESCRIPTION_MAX_NEEDS} needs` });
  }
  if (!supportOffered) problems.push({ fieldId: NEW_IDS.supportOffered, message: 'Say what support is offered' });
  else if (supportOffered.length > WORDS_MAX) {
    problems.push({ fieldId: NEW_IDS.supportOffered, message: 'Keep the support offered to 1,000 characters or fewer' });
  }
  if (kind === 'referral' && !given) {
    problems.push({ fieldId: NEW_IDS.consent, message: 'A referral shares their details with the provider: record their agreement first' });
  }
  if (given && !oneOf(CONSENT_METHODS, how)) problems.push({ fieldId: NEW_IDS.how, message: 'Choose how they agreed' });
  if (note.length > NOTE_MAX) problems.push({ fieldId: NEW_IDS.note, message: 'Keep the note to 2,000 characters or fewer' });

  return done(problems, () => ({
    serviceId: service!.id,
    kind: kind as SocialPrescriptionKind,
    whatMatters,
    needs: needs.filter((need): need is SocialPrescribingNeed => oneOf(SOCIAL_PRESCRIBING_NEEDS, need)),
    supportOffered,
    // How is sent only with consent given: without it there is nothing to say how of.
    consent: given ? { given: true, how: how as ConsentMethod } : { given: false },
    ...(note ? { note } : {}),
  }));
}

/* ------------------------------------------------------------------ one prescription's forms */

/** Which forms an open prescription shows: a move while one is left, sessions once it may be attended. */
export function formsFor(state: SocialPrescriptionState): { move: boolean; session: boolean } {
  return {
    move: nextSocialPrescriptionStates(state).length > 0,
    session: state === 'signposted' || state === 'accepted' || state === 'attending',
  };
}

/** Completing records an outcome; not taken up or withdrawn may; no other move has one. */
export function outcomeAsked(to: string): 'required' | 'optional' | undefined {
  if (to === 'completed') return 'required';
  return to === 'not_taken_up' || to === 'withdrawn' ? 'optional' : undefined;
}

/** The ids of one prescription's forms, each starting with its prefix. */
export function cardIds(prefix: string) {
  return {
    to: `${prefix}-to`,
    outcome: `${prefix}-outcome`,
    moveNote: `${prefix}-move-note`,
    sessionDate: `${prefix}-session-date`,
    attended: `${prefix}-attended`,
    sessionNote: `${prefix}-session-note`,
  };
}
export type CardIds = ReturnType<typeof cardIds>;

export interface MoveBody {
  to: SocialPrescriptionState;
  version: number;
  note?: string;
  outcome?: SocialPrescriptionOutcome;
}

export const moveFieldIds = (ids: CardIds): Record<string, string> => ({ to: ids.to, outcome: ids.outcome, note: ids.moveNote });

/** A move to one of the states next from `from`, at the version read. */
export function readMove(form: FormData, ids: CardIds, from: SocialPrescriptionState, version: number): Read<MoveBody> {
  const text = textOf(form);
  const problems: DateError[] = [];
  const to = text(ids.to);
  const outcome = text(ids.outcome);
  const note = text(ids.moveNote);
  const next = nextSocialPrescriptionStates(from);
  const asked = outcomeAsked(to);
  if (!oneOf(next, to)) problems.push({ fieldId: ids.to, message: 'Choose what has happened' });
  if (asked === 'required' && !outcome) problems.push({ fieldId: ids.outcome, message: 'Record the outcome' });
  else if (outcome && asked && !oneOf(SOCIAL_PRESCRIPTION_OUTCOMES, outcome)) problems.push({ fieldId: ids.outcome, message: 'Choose an outcome' });
  if (note.length > NOTE_MAX) problems.push({ fieldId: ids.moveNote, message: 'Keep the note to 2,000 characters or fewer' });
  return done(problems, () => ({
    to: to as SocialPrescriptionState,
    version,
    ...(note ? { note } : {}),
    // An outcome left on screen from another choice is not sent with a move that takes none.
    ...(asked && outcome ? { outcome: outcome as SocialPrescriptionOutcome } : {}),
  }));
}

export interface SessionBody {
  on: string;
  attended: boolean;
  note?: string;
}

export const sessionFieldIds = (ids: CardIds): Record<string, string> => ({
  on: `${ids.sessionDate}-day`,
  attended: ids.attended,
  note: ids.sessionNote,
});

/** A session attended or missed, on a day not after today. */
export function readSession(form: FormData, ids: CardIds, today: string): Read<SessionBody> {
  const text = textOf(form);
  const problems: DateError[] = [];
  const day = readDay(form, ids.sessionDate, 'Date of the session', {
    required: true,
    latest: { day: today, message: 'The date of the session must be today or in the past' },
  });
  if (day.error) problems.push(day.error);
  const attended = text(ids.attended);
  if (attended !== 'yes' && attended !== 'no') problems.push({ fieldId: ids.attended, message: 'Say whether they attended' });
  const note = text(ids.sessionNote);
  if (note.length > SESSION_NOTE_MAX) problems.push({ fieldId: ids.sessionNote, message: 'Keep the note to 500 characters or fewer' });
  return done(problems, () => ({ on: day.date!, attended: attended === 'yes', ...(note ? { note } : {}) }));
}

/* ------------------------------------------------------------------ what the API said */

export const STALE_PRESCRIPTION =
  'Someone else changed this after you opened it, so your change was not saved. The page now shows it as it is: check their change, then make yours again if it is still needed.';

/**
 * The problems to show after the API refused a form. Each field links to its input, a field
 * within a list (`needs.2`) to the list's; a stale version says so plainly.
 */
export function problemsOf(error: unknown, fieldIds: Record<string, string>): FormError[] {
  if (!isApiError(error) || error.status >= 500) return formErrors(error);
  const fieldErrors = error.problem.errors ?? [];
  if (isApiError(error, 409) && fieldErrors.some((e) => e.field === 'version')) return [{ message: STALE_PRESCRIPTION }];
  if (fieldErrors.length === 0) return formErrors(error);
  // A conflict (one problem: not running, takes no referrals, not accepted yet) says why in a
  // whole sentence, better than the short reason given for its field.
  const conflict = isApiError(error, 409) && fieldErrors.length === 1 ? error.problem.detail : undefined;
  return fieldErrors.map(({ field, reason }) => {
    const fieldId = fieldIds[field] ?? fieldIds[field.split('.')[0] ?? ''];
    const message = conflict ?? reason;
    return fieldId ? { fieldId, message } : { message };
  });
}
