/**
 * The enquiry form, read and checked in the browser before anything is sent: the request it
 * makes, or every problem to put right linked to its question. The API checks the same again;
 * its field names link to the same questions.
 */
import {
  CONSENT_METHODS,
  ENQUIRY_CHANNELS,
  ENQUIRY_MAX_SIGNPOSTS,
  ENQUIRY_TOPICS,
  WEEKDAYS,
  type ConsentMethod,
  type EnquiryChannel,
  type EnquiryTopic,
  type Weekday,
} from '@kith/core';
import { isApiError } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import type { FormError } from '../../components/ErrorSummary';
import type { DirectorySearch } from '../directory/search';
import type { SearchResult } from '../directory/types';

/** The ids of the form's questions; the error summary links to them. */
export const IDS = {
  point: 'enquiry-point',
  channel: 'enquiry-channel',
  topics: 'enquiry-topics',
  otherTopic: 'enquiry-other-topic',
  advice: 'enquiry-advice',
  findForm: 'enquiry-find',
  findText: 'enquiry-find-text',
  findDay: 'enquiry-find-day',
  findPostcode: 'enquiry-find-postcode',
  services: 'enquiry-services',
  chosen: 'enquiry-chosen',
  referTo: 'enquiry-refer-to',
  referConsent: 'enquiry-refer-consent',
  referHow: 'enquiry-refer-how',
  personKind: 'enquiry-person-kind',
  personFindForm: 'enquiry-person-find',
  personFind: 'enquiry-person-find-text',
  personChosen: 'enquiry-person',
  personConsent: 'enquiry-person-consent',
  personHow: 'enquiry-person-how',
  raiseConcern: 'enquiry-raise-concern',
  concern: 'enquiry-concern',
} as const;

// The limits core's schema holds, checked here too so the volunteer hears of them before sending.
const OTHER_TOPIC_MAX = 200;
const WORDS_MAX = 2000;
// Core's words for a referral without consent, so the browser and the API say the same.
export const REFERRAL_NEEDS_CONSENT = 'A referral shares the person’s details: record their consent first';
export const SAY_HOW_CONSENT_GIVEN = 'Choose how it was given: verbal, written or portal';
export const LINK_NEEDS_CONSENT = 'Keeping the enquiry with their record needs their consent: record it first';

/** The "Refer to" choice that refers nowhere: listed first, and chosen at first. */
export const NO_REFERRAL = 'none';

/** A service ticked to signpost to: its name is kept to list it, and to say so once logged. */
export interface ChosenService {
  id: string;
  name: string;
}

/** The services chosen, by name: what the confirmation says the enquiry came to; and whose record keeps it, if anyone's. */
export interface ChosenServices {
  signposted: ChosenService[];
  referredTo: ChosenService | null;
  keptWith?: ChosenService | null;
}

/** A service that takes referrals directly, as found: its `how` says how the service takes them. */
export interface ReferableService extends ChosenService {
  how: string | null;
}

/** Everything the form holds while it is filled in. */
export interface EnquiryFormState {
  pointOfAccessId: string;
  channel: string;
  topics: string[];
  otherTopic: string;
  adviceGiven: string;
  signposted: ChosenService[];
  /** The one service referred to, or none. */
  referredTo: ChosenService | null;
  /** The person agreed to their details being shared with that service. */
  referralConsent: boolean;
  /** How they agreed: one of the consent methods, or '' before it is chosen. */
  referralConsentHow: string;
  /** Anonymous, unless the person asks for the enquiry to be kept with their record. */
  personKind: 'anonymous' | 'linked';
  /** The person chosen, when linked. */
  person: ChosenService | null;
  personConsent: boolean;
  personConsentHow: string;
  raiseConcern: boolean;
  concern: string;
}

/** A new, empty enquiry; the point of access is already chosen when there is only one, or the volunteer stays at it. */
export function emptyEnquiry(pointOfAccessId = ''): EnquiryFormState {
  return {
    pointOfAccessId,
    channel: '',
    topics: [],
    otherTopic: '',
    adviceGiven: '',
    signposted: [],
    referredTo: null,
    referralConsent: false,
    referralConsentHow: '',
    personKind: 'anonymous',
    person: null,
    personConsent: false,
    personConsentHow: '',
    raiseConcern: false,
    concern: '',
  };
}

/** What POST /enquiries is sent. */
export interface EnquiryBody {
  pointOfAccessId: string;
  channel: EnquiryChannel;
  topics: EnquiryTopic[];
  otherTopic?: string;
  adviceGiven?: string;
  signpostedTo: string[];
  /** Sent only when a service is chosen: a referral shares the person's details, so only with their consent. */
  referredTo?: { serviceId: string; consent: { given: true; how: ConsentMethod } };
  safeguardingConcern?: { concern: string };
  /** Linked to a person only with their consent (and a volunteer finds only those who agreed to voluntary-sector contact). */
  person: { kind: 'anonymous' } | { kind: 'linked'; personId: string; consent: { given: true; how: ConsentMethod } };
}

/** What a form gives: the request to send, or every problem to put right. */
export type Read<T> = { value: T; problems?: undefined } | { value?: undefined; problems: FormError[] };

const oneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Ticks or unticks one topic, keeping the list in the order the topics are asked. */
export function withTopic(topics: readonly string[], topic: string, ticked: boolean): string[] {
  const chosen = new Set(topics);
  if (ticked) chosen.add(topic);
  else chosen.delete(topic);
  return ENQUIRY_TOPICS.filter((known) => chosen.has(known));
}

/** Ticks or unticks one service, each once, in the order they were ticked. */
export function withService(services: readonly ChosenService[], service: ChosenService, ticked: boolean): ChosenService[] {
  const others = services.filter((chosen) => chosen.id !== service.id);
  if (!ticked) return others;
  return others.length < services.length ? [...services] : [...services, { id: service.id, name: service.name }];
}

/**
 * The services that take referrals directly among those found so far, each once in the order
 * first found; a later search refreshes what a service already listed says about itself.
 */
export function withReferable(
  known: readonly ReferableService[],
  found: ReadonlyArray<Pick<SearchResult, 'id' | 'name' | 'referral'>>,
): ReferableService[] {
  const direct = found
    .filter((service) => service.referral.mode === 'direct_referral')
    .map((service) => ({ id: service.id, name: service.name, how: service.referral.how }));
  const fresh = new Map(direct.map((service) => [service.id, service]));
  const kept = known.map((service) => fresh.get(service.id) ?? service);
  const keptIds = new Set(kept.map((service) => service.id));
  return [...kept, ...direct.filter((service) => !keptIds.has(service.id))];
}

/**
 * Chooses the service to refer to, or none. Consent given to share with one service is not
 * consent for another: choosing a different one (or none) asks for it again.
 */
export function withReferral(
  state: Pick<EnquiryFormState, 'referredTo' | 'referralConsent' | 'referralConsentHow'>,
  service: ChosenService | null,
): Pick<EnquiryFormState, 'referredTo' | 'referralConsent' | 'referralConsentHow'> {
  const referredTo = service ? { id: service.id, name: service.name } : null;
  if (referredTo && referredTo.id === state.referredTo?.id) return { ...state, referredTo };
  return { referredTo, referralConsent: false, referralConsentHow: '' };
}

/**
 * Where problems link: whether the point of access is asked (radios) or fixed; the services found
 * or the search for them; the people found or the search for them.
 */
export interface EnquiryFieldOptions {
  linkPoint: boolean;
  servicesFieldId: string;
  personFieldId: string;
}

/** Linked to a person: who, and their consent to keep the enquiry with their record. */
function personProblems(state: EnquiryFormState, personFieldId: string): FormError[] {
  if (state.personKind !== 'linked') return [];
  const problems: FormError[] = [];
  if (!state.person) problems.push({ fieldId: personFieldId, message: personFieldId === IDS.personChosen ? 'Choose the person' : 'Find the person, by NHS number or name' });
  if (!state.personConsent) problems.push({ fieldId: IDS.personConsent, message: LINK_NEEDS_CONSENT });
  if (!oneOf(CONSENT_METHODS, state.personConsentHow)) problems.push({ fieldId: IDS.personHow, message: SAY_HOW_CONSENT_GIVEN });
  return problems;
}

/**
 * The enquiry to send, or every problem in the order the questions are asked.
 */
export function readEnquiry(state: EnquiryFormState, options: EnquiryFieldOptions): Read<EnquiryBody> {
  const problems: FormError[] = [];
  const problem = (fieldId: string | undefined, message: string) => problems.push(fieldId ? { fieldId, message } : { message });
  const topics = ENQUIRY_TOPICS.filter((topic) => state.topics.includes(topic));
  const aboutOther = topics.includes('other');
  const otherTopic = state.otherTopic.trim();
  const adviceGiven = state.adviceGiven.trim();
  const concern = state.concern.trim();
  const signpostedTo = [...new Set(state.signposted.map((service) => service.id))];

  if (!state.pointOfAccessId) problem(options.linkPoint ? IDS.point : undefined, 'Choose the point of access');
  if (!oneOf(ENQUIRY_CHANNELS, state.channel)) problem(IDS.channel, 'Choose walk-in or phone');
  if (topics.length === 0) problem(IDS.topics, 'Choose at least one topic');
  if (aboutOther && !otherTopic) problem(IDS.otherTopic, 'Say what the enquiry was about');
  else if (aboutOther && otherTopic.length > OTHER_TOPIC_MAX) problem(IDS.otherTopic, 'Keep what it was about to 200 characters or fewer');
  if (adviceGiven.length > WORDS_MAX) problem(IDS.advice, 'Keep the advice to 2,000 characters or fewer');
  if (signpostedTo.length > ENQUIRY_MAX_SIGNPOSTS) problem(options.servicesFieldId, `Signpost to at most ${ENQUIRY_MAX_SIGNPOSTS} services`);
  if (state.referredTo && !state.referralConsent) problem(IDS.referConsent, REFERRAL_NEEDS_CONSENT);
  if (state.referredTo && !oneOf(CONSENT_METHODS, state.referralConsentHow)) problem(IDS.referHow, SAY_HOW_CONSENT_GIVEN);
  problems.push(...personProblems(state, options.personFieldId));
  if (state.raiseConcern && !concern) problem(IDS.concern, 'Describe the concern');
  else if (state.raiseConcern && concern.length > WORDS_MAX) problem(IDS.concern, 'Keep the concern to 2,000 characters or fewer');
  if (problems.length > 0) return { problems };

  return {
    value: {
      pointOfAccessId: state.pointOfAccessId,
      channel: state.channel as EnquiryChannel,
      topics,
      // What else it was about goes only with "Something else": words left from before it was unticked stay behind.
      ...(aboutOther ? { otherTopic } : {}),
      ...(adviceGiven ? { adviceGiven } : {}),
      signpostedTo,
      // Only with a service chosen: its consent was checked above, so it is given.
      ...(state.referredTo
        ? { referredTo: { serviceId: state.referredTo.id, consent: { given: true, how: state.referralConsentHow as ConsentMethod } } }
        : {}),
      ...(state.raiseConcern ? { safeguardingConcern: { concern } } : {}),
      person:
        state.personKind === 'linked' && state.person
          ? { kind: 'linked', personId: state.person.id, consent: { given: true, how: state.personConsentHow as ConsentMethod } }
          : { kind: 'anonymous' },
    },
  };
}

/**
 * Where the API's fields link to in the form; a field within a list (`signpostedTo.2`) links to
 * the list, and any other part of the referral to "Refer to".
 */
export function enquiryFieldIds(options: EnquiryFieldOptions): Record<string, string> {
  return {
    ...(options.linkPoint ? { pointOfAccessId: IDS.point } : {}),
    channel: IDS.channel,
    topics: IDS.topics,
    otherTopic: IDS.otherTopic,
    adviceGiven: IDS.advice,
    signpostedTo: options.servicesFieldId,
    referredTo: IDS.referTo,
    'referredTo.serviceId': IDS.referTo,
    'referredTo.consent': IDS.referConsent,
    'referredTo.consent.given': IDS.referConsent,
    'referredTo.consent.how': IDS.referHow,
    safeguardingConcern: IDS.concern,
    'safeguardingConcern.concern': IDS.concern,
    person: options.personFieldId,
    'person.personId': options.personFieldId,
    'person.consent': IDS.personConsent,
    'person.consent.given': IDS.personConsent,
    'person.consent.how': IDS.personHow,
  };
}

/** Where the directory search's fields link to: the API's query parameters to the inputs that set them. */
export const FIND_FIELD_IDS: Record<string, string> = {
  text: IDS.findText,
  day: IDS.findDay,
  postcode: IDS.findPostcode,
  radius: IDS.findPostcode,
};

/**
 * The problems to show after the API refused a request: each field linked to its question where
 * the form has one, or the refusal's own words (a 403: not staff of the point's organisation).
 */
export function problemsOf(error: unknown, fieldIds: Record<string, string>): FormError[] {
  if (!isApiError(error) || error.status >= 500) return formErrors(error);
  const fieldErrors = error.problem.errors ?? [];
  if (fieldErrors.length === 0) return formErrors(error);
  return fieldErrors.map(({ field, reason }) => {
    const fieldId = fieldIds[field] ?? fieldIds[field.split('.')[0] ?? ''];
    return fieldId ? { fieldId, message: reason } : { message: reason };
  });
}

/**
 * The directory search the "Find" button sends, from its own inputs: words, a day and a postcode,
 * each optional (none lists the whole directory, freshest first). A day not in the list is dropped.
 */
export function readFind(form: FormData): DirectorySearch {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const day = text(IDS.findDay).toLowerCase();
  const postcode = text(IDS.findPostcode).toUpperCase();
  const search: DirectorySearch = { taxonomy: [], freeOnly: false, page: 1 };
  if (text(IDS.findText)) search.text = text(IDS.findText);
  if (oneOf<Weekday>(WEEKDAYS, day)) search.day = day;
  if (postcode) search.postcode = postcode;
  return search;
}
