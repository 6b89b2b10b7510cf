/**
 * The enquiry form, read and checked in the browser before anything is sent: the request it
 * makes, or every problem to put right linked to its question. The API checks the same again;
 * its field names link to the same questions.
 */
import {
  ENQUIRY_CHANNELS,
  ENQUIRY_MAX_SIGNPOSTS,
  ENQUIRY_TOPICS,
  WEEKDAYS,
  type EnquiryChannel,
  type EnquiryTopic,
  type Weekday,
} from '@kith/core';
import { isApiError } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import type { FormError } from '../../components/ErrorSummary';
import type { DirectorySearch } from '../directory/search';

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
  raiseConcern: 'enquiry-raise-concern',
  concern: 'enquiry-concern',
} as const;

// The limits core's schema holds, checked here too so the volunteer hears of them before sending.
const OTHER_TOPIC_MAX = 200;
const WORDS_MAX = 2000;

/** A service ticked to signpost to: its name is kept to list it, and to say so once logged. */
export interface ChosenService {
  id: string;
  name: string;
}

/** Everything the form holds while it is filled in. */
export interface EnquiryFormState {
  pointOfAccessId: string;
  channel: string;
  topics: string[];
  otherTopic: string;
  adviceGiven: string;
  signposted: ChosenService[];
  raiseConcern: boolean;
  concern: string;
}

/** A new, empty enquiry; the point of access is already chosen when there is only one, or the volunteer stays at it. */
export function emptyEnquiry(pointOfAccessId = ''): EnquiryFormState {
  return { pointOfAccessId, channel: '', topics: [], otherTopic: '', adviceGiven: '', signposted: [], raiseConcern: false, concern: '' };
}

/** What POST /enquiries is sent. Always anonymous: this form does not link an enquiry to a person. */
export interface EnquiryBody {
  pointOfAccessId: string;
  channel: EnquiryChannel;
  topics: EnquiryTopic[];
  otherTopic?: string;
  adviceGiven?: string;
  signpostedTo: string[];
  safeguardingConcern?: { concern: string };
  person: { kind: 'anonymous' };
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
 * The enquiry to send, or every problem in the order the questions are asked. `linkPoint` says
 * whether the point of access is asked (radios) or fixed, so its problem links to it or not.
 */
export function readEnquiry(state: EnquiryFormState, options: { linkPoint: boolean; servicesFieldId: string }): Read<EnquiryBody> {
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
      ...(state.raiseConcern ? { safeguardingConcern: { concern } } : {}),
      person: { kind: 'anonymous' },
    },
  };
}

/** Where the API's fields link to in the form; a field within a list (`signpostedTo.2`) links to the list. */
export function enquiryFieldIds(options: { linkPoint: boolean; servicesFieldId: string }): Record<string, string> {
  return {
    ...(options.linkPoint ? { pointOfAccessId: IDS.point } : {}),
    channel: IDS.channel,
    topics: IDS.topics,
    otherTopic: IDS.otherTopic,
    adviceGiven: IDS.advice,
    signpostedTo: options.servicesFieldId,
    safeguardingConcern: IDS.concern,
    'safeguardingConcern.concern': IDS.concern,
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
