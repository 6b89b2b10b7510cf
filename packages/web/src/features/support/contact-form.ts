import {
  CONTACT_FUTURE_TOLERANCE_MINUTES,
  CONTACT_KINDS,
  CONTACT_MINUTES,
  CONTACT_NOTE_MAX,
  type ContactKind,
  type ContactRecordInput,
} from '@kith/core';
import type { DateError } from '../tasks/due-date';
import { readWhen, wholeNumber } from './form-dates';

/** The ids of the contact form's inputs; the date input's own are `${date}-day` and so on. */
export const CONTACT_IDS = {
  kind: 'contact-kind',
  date: 'contact-date',
  time: 'contact-time',
  minutes: 'contact-minutes',
  note: 'contact-note',
  episode: 'contact-episode',
} as const;

/** Where the API's fields link to in the form. */
export const CONTACT_FIELD_IDS: Record<string, string> = {
  kind: CONTACT_IDS.kind,
  at: `${CONTACT_IDS.date}-day`,
  minutes: CONTACT_IDS.minutes,
  note: CONTACT_IDS.note,
  episodeId: CONTACT_IDS.episode,
};

const isKind = (value: string): value is ContactKind => (CONTACT_KINDS as readonly string[]).includes(value);

/**
 * A contact to record from the form, or every problem to put right. It has happened, so it may
 * not be in the future (give or take the few minutes the server allows a fast clock).
 */
export function readContactForm(form: FormData, now: Date): { input: ContactRecordInput; problems?: undefined } | { input?: undefined; problems: DateError[] } {
  const text = (id: string) => String(form.get(id) ?? '').trim();
  const problems: DateError[] = [];
  const kind = text(CONTACT_IDS.kind);
  if (!isKind(kind)) problems.push({ fieldId: CONTACT_IDS.kind, message: 'Choose a home visit, phone call or video call' });
  const when = readWhen(form, { date: CONTACT_IDS.date, time: CONTACT_IDS.time }, 'contact');
  problems.push(...when.errors);
  if (when.at && Date.parse(when.at) > now.getTime() + CONTACT_FUTURE_TOLERANCE_MINUTES * 60_000) {
    problems.push({ fieldId: `${CONTACT_IDS.date}-day`, message: 'A contact cannot be in the future: record it once it has happened' });
  }
  const minutesText = text(CONTACT_IDS.minutes);
  const minutes = wholeNumber(minutesText);
  if (!minutesText) problems.push({ fieldId: CONTACT_IDS.minutes, message: 'Enter how long the contact took, in minutes' });
  else if (minutes === undefined || minutes < CONTACT_MINUTES.min || minutes > CONTACT_MINUTES.max) {
    problems.push({ fieldId: CONTACT_IDS.minutes, message: `Enter a whole number of minutes from ${CONTACT_MINUTES.min} to ${CONTACT_MINUTES.max}` });
  }
  const note = text(CONTACT_IDS.note);
  if (!note) problems.push({ fieldId: CONTACT_IDS.note, message: 'Write a short note of the contact' });
  else if (note.length > CONTACT_NOTE_MAX) problems.push({ fieldId: CONTACT_IDS.note, message: 'Keep the note to 2,000 characters or fewer' });
  if (problems.length > 0 || !isKind(kind) || !when.at || minutes === undefined) return { problems };
  const episodeId = text(CONTACT_IDS.episode) || undefined;
  return { input: { kind, at: when.at, minutes, note, episodeId } };
}
