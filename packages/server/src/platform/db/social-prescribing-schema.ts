/**
 * Social prescribing: a person referred or signposted to a service in the directory, with what
 * matters to them, their needs and the support offered (the Social Prescribing Information
 * Standard's minimum data), their consent to share, and the closed loop that follows: the
 * provider's acceptance, attendance, and the outcome. Every move and every attendance is kept,
 * append-only (the database refuses a change, migration 0011).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { directoryService } from './directory-schema.js';
import { organisation, person, staff } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const socialPrescription = pgTable(
  'social_prescription',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryService.id),
    /** signpost or referral (core's SOCIAL_PRESCRIPTION_KINDS) */
    kind: text('kind').notNull(),
    /** core's SOCIAL_PRESCRIPTION_STATES */
    state: text('state').notNull(),
    /** What matters to the person, in their own words. */
    whatMatters: text('what_matters').notNull(),
    needs: text('needs').array().notNull(),
    supportOffered: text('support_offered').notNull(),
    consentGiven: boolean('consent_given').notNull(),
    consentHow: text('consent_how'),
    note: text('note'),
    /** core's SOCIAL_PRESCRIPTION_OUTCOMES, once finished */
    outcome: text('outcome'),
    referredBy: uuid('referred_by')
      .notNull()
      .references(() => staff.id),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('social_prescription_person_idx').on(t.personId, t.createdAt),
    index('social_prescription_service_idx').on(t.serviceId, t.state),
    check('social_prescription_kind_check', sql`${t.kind} IN ('signpost', 'referral')`),
    check(
      'social_prescription_state_check',
      sql`${t.state} IN ('signposted', 'sent', 'accepted', 'declined', 'attending', 'not_taken_up', 'completed', 'withdrawn')`,
    ),
    // A referral shares the person's details with the provider: never without their consent.
    check('social_prescription_consent_check', sql`${t.kind} = 'signpost' OR ${t.consentGiven}`),
  ],
);

/** Each move: from and to, when, by whom, with a note and (when finished) the outcome. */
export const socialPrescriptionEvent = pgTable(
  'social_prescription_event',
  {
    id: uuid('id').primaryKey(),
    prescriptionId: uuid('prescription_id')
      .notNull()
      .references(() => socialPrescription.id),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    /** The prescription's version this move made: the order of moves, even within one instant. */
    version: integer('version').notNull(),
    at: at('at').notNull(),
    by: uuid('by')
      .notNull()
      .references(() => staff.id),
    note: text('note'),
    outcome: text('outcome'),
  },
  (t) => [index('social_prescription_event_idx').on(t.prescriptionId, t.version)],
);

/** A session the person went to, or did not, as the provider or coordinator recorded it. */
export const socialPrescriptionAttendance = pgTable(
  'social_prescription_attendance',
  {
    id: uuid('id').primaryKey(),
    prescriptionId: uuid('prescription_id')
      .notNull()
      .references(() => socialPrescription.id),
    on: date('on', { mode: 'string' }).notNull(),
    attended: boolean('attended').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staff.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('social_prescription_attendance_idx').on(t.prescriptionId, t.on)],
);
