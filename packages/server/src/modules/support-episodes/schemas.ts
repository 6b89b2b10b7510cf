/**
 * What the support-episode routes take and give. Requests are core's schemas where core has
 * them; the answers are described here, so that nothing outside them leaves the server.
 */
import {
  CASELOAD_REVIEW_STATES,
  CONTACT_KINDS,
  EPISODE_CHANGE_KINDS,
  EPISODE_END_REASONS,
  EPISODE_PAUSE_REASONS,
  EPISODE_STATUSES,
  EPISODE_TYPES,
  WELLBEING_MEASURES,
} from '@kith/core';
import { z } from 'zod';

export const personParams = z.object({ id: z.uuid('Must be a person id') });
export const episodeParams = personParams.extend({ episodeId: z.uuid('Must be an episode id') });

/**
 * Booking the next home visit, or clearing it with null; `replaces` is the booking as it was read
 * (null when none was), so two people booking at once cannot overwrite each other unawares.
 */
export const nextVisitSchema = z.strictObject({
  at: z.iso.datetime({ offset: true, message: 'Give the date and time of the visit, or null to clear it' }).nullable(),
  replaces: z.iso.datetime({ offset: true, message: 'Give the booking you read, or null when none was booked' }).nullable(),
});
export type NextVisit = z.infer<typeof nextVisitSchema>;

const day = z.string().nullable();

const weekSchema = z.object({ week: z.int(), of: z.int(), overrun: z.boolean(), label: z.string() });

const wellbeingSchema = z.object({
  measure: z.enum(WELLBEING_MEASURES),
  start: z.number(),
  end: z.number(),
  change: z.number(),
  direction: z.enum(['better', 'worse', 'no_change']),
  words: z.string(),
});

export const episodeHistoryEntrySchema = z.object({
  id: z.string(),
  /** One of core's change kinds, or `created`. */
  change: z.string(),
  changeLabel: z.string(),
  fromStatus: z.enum(EPISODE_STATUSES).nullable(),
  toStatus: z.enum(EPISODE_STATUSES),
  reason: z.string().nullable(),
  reasonLabel: z.string().nullable(),
  detail: z.string().nullable(),
  /** The day the change took effect. */
  on: day,
  by: z.string(),
  byStaffId: z.string(),
  at: z.string(),
});
export type EpisodeHistoryEntry = z.infer<typeof episodeHistoryEntrySchema>;

export const episodeViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  type: z.enum(EPISODE_TYPES),
  typeLabel: z.string(),
  status: z.enum(EPISODE_STATUSES),
  statusLabel: z.string(),
  referralId: z.string().nullable(),
  referredAt: z.string().nullable(),
  plannedWeeks: z.int(),
  startOn: day,
  pausedOn: day,
  pauseReason: z.enum(EPISODE_PAUSE_REASONS).nullable(),
  pauseReasonLabel: z.string().nullable(),
  pauseNote: z.string().nullable(),
  resumedOn: day,
  pausedDays: z.int(),
  endedOn: day,
  endReason: z.enum(EPISODE_END_REASONS).nullable(),
  endReasonLabel: z.string().nullable(),
  endNote: z.string().nullable(),
  exitPlan: z.string().nullable(),
  week: weekSchema.nullable(),
  /** "week 7 of 12", or the status in words before support starts. */
  weekLabel: z.string(),
  nextVisitAt: z.string().nullable(),
  /** Days from referral to the first home visit; null when the episode came from no referral. */
  firstVisit: z.object({ days: z.int(), firstVisitAt: z.string().nullable(), running: z.boolean() }).nullable(),
  wellbeing: z.array(wellbeingSchema),
  /** The changes that may be made next, for the buttons shown. */
  nextChanges: z.array(z.enum(EPISODE_CHANGE_KINDS)),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Send it back with a change: a change based on an older version is refused (409). */
  version: z.int(),
  /** Every change, oldest first, with who made it. */
  history: z.array(episodeHistoryEntrySchema),
});
export type EpisodeView = z.infer<typeof episodeViewSchema>;

export const episodeListSchema = z.object({ episodes: z.array(episodeViewSchema) });

export const contactViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  episodeId: z.string().nullable(),
  kind: z.enum(CONTACT_KINDS),
  kindLabel: z.string(),
  /** "Home visit, 1 hour 30 minutes". */
  title: z.string(),
  at: z.string(),
  minutes: z.int(),
  note: z.string(),
  recordedBy: z.object({ staffId: z.string(), name: z.string() }),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  recordedAt: z.string(),
});
export type ContactView = z.infer<typeof contactViewSchema>;

export const contactListSchema = z.object({
  contacts: z.array(contactViewSchema),
  /** Contacts another organisation recorded, left out because the person has not agreed to sharing. */
  notSharedCount: z.int(),
});

const caseloadRowSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  episodeId: z.string(),
  type: z.enum(EPISODE_TYPES),
  typeLabel: z.string(),
  status: z.enum(EPISODE_STATUSES),
  statusLabel: z.string(),
  week: weekSchema.nullable(),
  weekLabel: z.string(),
  nextVisitAt: z.string().nullable(),
  overdueActions: z.int(),
  planReview: z.object({ state: z.enum(CASELOAD_REVIEW_STATES), on: day, label: z.string() }),
  need: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  flags: z.array(z.string()),
});

export const caseloadSchema = z.object({
  /** England's date the caseload was drawn for. */
  today: z.string(),
  rows: z.array(caseloadRowSchema),
});
