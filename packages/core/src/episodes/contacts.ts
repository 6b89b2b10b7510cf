/**
 * Contacts and visits (FHIR Encounter): a coordinator's home visit, phone call or video call,
 * with a short note and the time spent, shown on the person's timeline. A contact is recorded
 * once it has happened, so its time may not be in the future, give or take a few minutes for a
 * device clock a little ahead of the server's.
 */
import { z } from 'zod';
import { parseOrThrow } from '../input.js';

export const CONTACT_KINDS = ['home_visit', 'phone', 'video'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_KIND_LABELS: Readonly<Record<ContactKind, string>> = {
  home_visit: 'Home visit',
  phone: 'Phone call',
  video: 'Video call',
};

export const CONTACT_MINUTES = { min: 1, max: 600 } as const;
export const CONTACT_NOTE_MAX = 2000;
/** How far ahead of the server's clock a contact's time may be, for a device clock running fast. */
export const CONTACT_FUTURE_TOLERANCE_MINUTES = 5;

export const contactRecordSchema = z.strictObject({
  kind: z.enum(CONTACT_KINDS, 'Choose a home visit, phone call or video call'),
  at: z.iso.datetime({ offset: true, message: 'Give the date and time of the contact' }),
  minutes: z
    .int('Give the time spent in whole minutes')
    .min(CONTACT_MINUTES.min, 'Give the time spent: 1 minute or more')
    .max(CONTACT_MINUTES.max, 'Give the time spent: 600 minutes (10 hours) or fewer'),
  note: z
    .string('Write a short note')
    .trim()
    .min(1, 'Write a short note')
    .max(CONTACT_NOTE_MAX, 'Keep the note to 2,000 characters or fewer'),
  /** The support episode the contact belongs to, when it belongs to one. */
  episodeId: z.uuid('Must be an episode id').optional(),
});
export type ContactRecordInput = z.input<typeof contactRecordSchema>;
export type ContactRecord = z.output<typeof contactRecordSchema>;

/** A contact to record, or a 400 naming every field at fault; `now` is the server's clock. */
export function parseContactRecord(input: unknown, now: Date): ContactRecord {
  const latest = now.getTime() + CONTACT_FUTURE_TOLERANCE_MINUTES * 60_000;
  return parseOrThrow(contactRecordSchema, input, (contact) =>
    Date.parse(contact.at) > latest ? [{ field: 'at', reason: 'A contact cannot be in the future: record it once it has happened' }] : [],
  );
}

/** "45 minutes", "1 hour", "1 hour 30 minutes". */
export function minutesInWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    hours > 0 ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '',
    rest > 0 || hours === 0 ? `${rest} ${rest === 1 ? 'minute' : 'minutes'}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** The title of a contact on the timeline: "Home visit, 1 hour 30 minutes". */
export function contactTitle(contact: Pick<ContactRecord, 'kind' | 'minutes'>): string {
  return `${CONTACT_KIND_LABELS[contact.kind]}, ${minutesInWords(contact.minutes)}`;
}
