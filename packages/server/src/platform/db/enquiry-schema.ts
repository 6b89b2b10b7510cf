/**
 * Points of access: the desks and phone lines where volunteers give impartial advice and refer
 * on, and the enquiries they log. An enquiry is anonymous unless the person agreed to be named;
 * a safeguarding concern becomes a task for the point's named safeguarding lead.
 */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { directoryService } from './directory-schema.js';
import { network, organisation, person, staff, task } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const pointOfAccess = pgTable('point_of_access', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** The network it serves: its lead sees the statistics, and safeguarding tasks belong to it. */
  networkId: uuid('network_id')
    .notNull()
    .references(() => network.id),
  /** The partner organisation whose volunteers staff it: they log its enquiries. */
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisation.id),
  safeguardingLeadStaffId: uuid('safeguarding_lead_staff_id')
    .notNull()
    .references(() => staff.id),
  createdAt: at('created_at').notNull(),
});

export const enquiry = pgTable(
  'enquiry',
  {
    id: uuid('id').primaryKey(),
    pointOfAccessId: uuid('point_of_access_id')
      .notNull()
      .references(() => pointOfAccess.id),
    /** walk_in, phone (core's ENQUIRY_CHANNELS) */
    channel: text('channel').notNull(),
    topics: text('topics').array().notNull(),
    otherTopic: text('other_topic'),
    adviceGiven: text('advice_given'),
    /** Directory services the person was told about. */
    signpostedTo: uuid('signposted_to').array().notNull(),
    referredServiceId: uuid('referred_service_id').references(() => directoryService.id),
    referralConsentHow: text('referral_consent_how'),
    safeguardingTaskId: uuid('safeguarding_task_id').references(() => task.id),
    /** Only with the person's consent; otherwise the enquiry is anonymous. */
    personId: uuid('person_id').references(() => person.id),
    personConsentHow: text('person_consent_how'),
    /** core's ENQUIRY_OUTCOMES that apply, kept for the statistics. */
    outcomes: text('outcomes').array().notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staff.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    index('enquiry_point_idx').on(t.pointOfAccessId, t.recordedAt),
    check('enquiry_channel_check', sql`${t.channel} IN ('walk_in', 'phone')`),
    check('enquiry_person_consent_check', sql`${t.personId} IS NULL OR ${t.personConsentHow} IS NOT NULL`),
    check('enquiry_referral_consent_check', sql`${t.referredServiceId} IS NULL OR ${t.referralConsentHow} IS NOT NULL`),
  ],
);
