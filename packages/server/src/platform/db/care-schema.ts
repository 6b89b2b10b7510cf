/**
 * The person's care over time: one trusted assessment, standard instrument scores, the My Life
 * plan, support episodes and the contacts (home visits, calls) of the named coordinator.
 *
 * Assessments, instrument results, plan versions, agreements, goal progress, episode history and
 * contacts are append-only: a new version supersedes, none is ever changed or removed (the
 * database refuses it, migration 0010). A version is
 * numbered per person, and (person, version) is the key, so two saves based on the same version
 * cannot both land: the second meets the key and is answered 409.
 */
import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisation, person, referral, staff } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One version of the person's trusted assessment: every section, each answer with who recorded it and when. */
export const assessmentVersion = pgTable(
  'assessment_version',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    version: integer('version').notNull(),
    /** The whole assessment as core's trusted assessment content: sections of answers. */
    content: jsonb('content').notNull(),
    /** The sections this save changed, for the history. */
    sectionsChanged: text('sections_changed').array().notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staff.id),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.version] }), check('assessment_version_positive', sql`${t.version} > 0`)],
);

/** A standard instrument answered once (SWEMWBS, UCLA-3, Barthel…), scored by core when recorded. */
export const instrumentResult = pgTable(
  'instrument_result',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    /** core's instrument code */
    instrument: text('instrument').notNull(),
    answers: jsonb('answers').notNull(),
    /** core's scored result: totals, band and flags, as scored when recorded. */
    result: jsonb('result').notNull(),
    /** The headline number for trends and outcome reports (the SWEMWBS metric score, the UCLA-3 total…). */
    score: doublePrecision('score'),
    /** Measured at the start or the end of a support episode, when it was. */
    episodeId: uuid('episode_id').references(() => supportEpisode.id),
    moment: text('moment'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staff.id),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    index('instrument_result_person_idx').on(t.personId, t.instrument, t.recordedAt),
    index('instrument_result_episode_idx').on(t.episodeId),
    check('instrument_result_moment_check', sql`${t.moment} IS NULL OR ${t.moment} IN ('start', 'end')`),
  ],
);

/**
 * The person's My Life plan as it stands: which version is current and when it is due for
 * review, so worklists and huddle agendas find plans past review without reading versions.
 */
export const myLifePlan = pgTable(
  'my_life_plan',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => person.id),
    currentVersion: integer('current_version').notNull(),
    reviewOn: date('review_on', { mode: 'string' }),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('my_life_plan_review_idx').on(t.reviewOn)],
);

/** One saved version of the plan, with what it was based on. */
export const myLifePlanVersion = pgTable(
  'my_life_plan_version',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    version: integer('version').notNull(),
    basedOn: integer('based_on').notNull(),
    /** core's My Life plan content: sections of attributed statements, goals and actions. */
    content: jsonb('content').notNull(),
    reviewOn: date('review_on', { mode: 'string' }),
    savedBy: uuid('saved_by').references(() => staff.id),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    savedAt: at('saved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.version] }), check('my_life_plan_version_positive', sql`${t.version} > 0`)],
);

/** The person's agreement to one version of their plan: how and when, and who recorded it. */
export const planAgreement = pgTable(
  'plan_agreement',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    version: integer('version').notNull(),
    /** core's agreement methods: in_person, phone, video, portal, written */
    how: text('how').notNull(),
    agreedAt: at('agreed_at').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => staff.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('plan_agreement_version_key').on(t.personId, t.version)],
);

/** Progress on one goal of the plan, recorded over time (goal ids are kept across versions). */
export const goalProgress = pgTable(
  'goal_progress',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    goalId: uuid('goal_id').notNull(),
    /** core's goal statuses: not_started, in_progress, achieved, changed */
    status: text('status').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => staff.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('goal_progress_person_idx').on(t.personId, t.goalId, t.recordedAt)],
);

/** A support episode (FHIR EpisodeOfCare): PIC independence support or care coordination. */
export const supportEpisode = pgTable(
  'support_episode',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    /** core's episode types */
    type: text('type').notNull(),
    /** core's episode statuses: waiting, active, paused, ended */
    status: text('status').notNull(),
    referralId: uuid('referral_id').references(() => referral.id),
    plannedWeeks: integer('planned_weeks').notNull(),
    startOn: date('start_on', { mode: 'string' }),
    endedOn: date('ended_on', { mode: 'string' }),
    /** While paused: since when, and why (core's pause reasons, with a note for "other"). */
    pausedOn: date('paused_on', { mode: 'string' }),
    pauseReason: text('pause_reason'),
    pauseNote: text('pause_note'),
    resumedOn: date('resumed_on', { mode: 'string' }),
    /** Days spent paused so far: not counted in the episode's weeks. */
    pausedDays: integer('paused_days').notNull().default(0),
    endReason: text('end_reason'),
    endNote: text('end_note'),
    exitPlan: text('exit_plan'),
    /** The next home visit booked with the person: the caseload's "next visit". */
    nextVisitAt: at('next_visit_at'),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: at('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('support_episode_person_idx').on(t.personId, t.status),
    // One open episode of each type per person: a second would split the one plan and one contact.
    uniqueIndex('support_episode_open_key').on(t.personId, t.type).where(sql`${t.status} <> 'ended'`),
    check('support_episode_status_check', sql`${t.status} IN ('waiting', 'active', 'paused', 'ended')`),
    check('support_episode_dates_check', sql`${t.endedOn} IS NULL OR ${t.startOn} IS NULL OR ${t.endedOn} >= ${t.startOn}`),
  ],
);

/** Each change to an episode (start, pause, resume, end), for its history. */
export const episodeEvent = pgTable(
  'episode_event',
  {
    id: uuid('id').primaryKey(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => supportEpisode.id),
    change: text('change').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    detail: text('detail'),
    on: date('on', { mode: 'string' }),
    by: uuid('by')
      .notNull()
      .references(() => staff.id),
    at: at('at').notNull(),
  },
  (t) => [index('episode_event_episode_idx').on(t.episodeId, t.at)],
);

/** A contact with the person: a home visit, a call or a video call, with a short note and the time it took. */
export const careContact = pgTable(
  'care_contact',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    episodeId: uuid('episode_id').references(() => supportEpisode.id),
    /** core's contact kinds: home_visit, phone, video */
    kind: text('kind').notNull(),
    at: at('at').notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staff.id),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [
    index('care_contact_person_idx').on(t.personId, t.at),
    index('care_contact_episode_idx').on(t.episodeId, t.at),
    check('care_contact_minutes_check', sql`${t.minutes} BETWEEN 1 AND 600`),
  ],
);
