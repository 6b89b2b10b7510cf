/**
 * The registry: partner organisations, GP practices, Integrated Community Networks, teams,
 * staff with roles per organisation, people (residents) and their contacts, plus the clinical
 * events (conditions, encounters) that case-finding reads. Migrations are generated from this
 * file by drizzle-kit and committed under packages/server/migrations.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisation = pgTable('organisation', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** One of core's ORGANISATION_TYPES: nhs_trust, council, gp_practice, voluntary, ... */
  type: text('type').notNull(),
  odsCode: text('ods_code').unique(),
  createdAt: createdAt(),
});

export const network = pgTable('network', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

/** A GP practice is an organisation (staff hold roles there) that belongs to one network. */
export const practice = pgTable(
  'practice',
  {
    id: uuid('id')
      .primaryKey()
      .references(() => organisation.id),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    town: text('town').notNull(),
    postcode: text('postcode').notNull(),
    phone: text('phone'),
  },
  (t) => [index('practice_network_idx').on(t.networkId)],
);

export const team = pgTable('team', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisation.id),
  networkId: uuid('network_id').references(() => network.id),
  createdAt: createdAt(),
});

export const staff = pgTable('staff', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** A work phone: how the people they coordinate, and colleagues, reach them. */
  phone: text('phone'),
  passwordHash: text('password_hash'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
});

export const staffRole = pgTable(
  'staff_role',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** One of core's STAFF_ROLES (security.md). */
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.staffId, t.organisationId, t.role] }),
    index('staff_role_org_idx').on(t.organisationId),
  ],
);

export const teamMember = pgTable(
  'team_member',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => team.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.staffId] }), index('team_member_staff_idx').on(t.staffId)],
);

/** Sessions live in the database so that several server instances can share one PostgreSQL. */
export const staffSession = pgTable(
  'staff_session',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('staff_session_staff_idx').on(t.staffId)],
);

export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey(),
    nhsNumber: text('nhs_number').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    /** Administrative sex as recorded (FHIR AdministrativeGender). */
    sex: text('sex').notNull(),
    /** Gender identity in the person's own words, when they have given it. */
    genderIdentity: text('gender_identity'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    town: text('town'),
    postcode: text('postcode'),
    phone: text('phone'),
    email: text('email'),
    registeredPracticeId: uuid('registered_practice_id').references(() => practice.id),
    communicationNeeds: text('communication_needs'),
    interpreterLanguage: text('interpreter_language'),
    /** Optimistic concurrency: every update names the version it was based on. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('person_nhs_number_key').on(t.nhsNumber),
    // The two name-search indexes, in name order with the columns a result row shows, are made
    // by migration 0001: drizzle-kit cannot yet write an index with INCLUDE.
    index('person_dob_idx').on(t.dateOfBirth),
    index('person_postcode_idx').using('btree', sql`${t.postcode} text_pattern_ops`),
    index('person_practice_idx').on(t.registeredPracticeId),
  ],
);

export const personContact = pgTable(
  'person_contact',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** carer, family, next_of_kin, friend, neighbour, other */
    role: text('role').notNull(),
    /** In plain words: "daughter", "husband", "neighbour". */
    relationship: text('relationship').notNull(),
    phone: text('phone'),
    email: text('email'),
    isNextOfKin: boolean('is_next_of_kin').notNull().default(false),
    maySeePlan: boolean('may_see_plan').notNull().default(false),
    position: integer('position').notNull(),
  },
  (t) => [index('person_contact_person_idx').on(t.personId)],
);

/**
 * Another system's identifier for a person (modules/imports): a FHIR Patient's identifiers other
 * than the NHS number, and `Patient/<id>` under the sending system's name. The same source
 * patient therefore always finds the same person, and a Condition or Encounter that names its
 * patient only by such an identifier still finds them. The first person an identifier was
 * linked to keeps it.
 */
export const personSourceIdentifier = pgTable(
  'person_source_identifier',
  {
    system: text('system').notNull(),
    value: text('value').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.system, t.value] }), index('person_source_identifier_person_idx').on(t.personId)],
);

/** A coded diagnosis from a GP or hospital system (FHIR Condition). */
export const condition = pgTable(
  'condition',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** snomed or icd10 */
    codeSystem: text('code_system').notNull(),
    code: text('code').notNull(),
    display: text('display'),
    onsetDate: date('onset_date', { mode: 'string' }),
    sourceSystem: text('source_system').notNull(),
    sourceId: text('source_id').notNull(),
  },
  (t) => [
    uniqueIndex('condition_source_key').on(t.sourceSystem, t.sourceId),
    index('condition_person_idx').on(t.personId),
  ],
);

/** A hospital or A&E contact (FHIR Encounter). */
export const encounter = pgTable(
  'encounter',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** inpatient, emergency (A&E attendance) or ambulatory */
    class: text('class').notNull(),
    /** English admission method code; codes starting with 2 are emergency admissions. */
    admissionMethod: text('admission_method'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    sourceSystem: text('source_system').notNull(),
    sourceId: text('source_id').notNull(),
  },
  (t) => [
    uniqueIndex('encounter_source_key').on(t.sourceSystem, t.sourceId),
    index('encounter_person_idx').on(t.personId, t.startDate),
    // A huddle agenda asks who was admitted, discharged or seen in A&E in a window of days:
    // only hospital stays and A&E attendances, by date, so the scan reads the window alone.
    index('encounter_hospital_start_idx').on(t.startDate, t.personId).where(sql`${t.class} IN ('inpatient', 'emergency')`),
    index('encounter_discharge_idx').on(t.endDate, t.personId).where(sql`${t.class} = 'inpatient'`),
  ],
);

/**
 * A medicine the person takes or took (FHIR MedicationStatement), as imported from their GP
 * system: the trusted assessment shows the current ones rather than asking again.
 */
export const medication = pgTable(
  'medication',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** dmd or snomed */
    codeSystem: text('code_system').notNull(),
    code: text('code').notNull(),
    display: text('display'),
    /** How it is taken, in words. */
    dosage: text('dosage'),
    /** FHIR MedicationStatement status: active, completed, stopped, on-hold, intended, ... */
    status: text('status').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    sourceSystem: text('source_system').notNull(),
    sourceId: text('source_id').notNull(),
  },
  (t) => [uniqueIndex('medication_source_key').on(t.sourceSystem, t.sourceId), index('medication_person_idx').on(t.personId)],
);

/**
 * The person's care team (security.md, "Relationship" 1): staff added to it may open the record.
 * One member at most is the named coordinator, the one person the resident talks to.
 */
export const careTeamMember = pgTable(
  'care_team_member',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    /** The organisation the member works for on this team (one of their role grants). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** What they do for the person, in plain words: "district nurse", "social worker". */
    responsibility: text('responsibility'),
    isNamedCoordinator: boolean('is_named_coordinator').notNull().default(false),
    addedBy: uuid('added_by').references(() => staff.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.staffId] }),
    index('care_team_member_staff_idx').on(t.staffId),
    // One named coordinator per person: a second is refused by the database, not only the code.
    uniqueIndex('care_team_named_coordinator_key').on(t.personId).where(sql`${t.isNamedCoordinator}`),
  ],
);

/**
 * Emergency access (security.md, "Relationship" 4): a staff member with no relationship states a
 * reason and may open the record until `expires_at`. Each grant is on the privacy officer's
 * review list until its review outcome is recorded.
 */
export const breakGlassGrant = pgTable(
  'break_glass_grant',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    role: text('role').notNull(),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true, precision: 3 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => staff.id),
    /** appropriate, inappropriate or needs_follow_up (core's BREAK_GLASS_REVIEW_OUTCOMES). */
    reviewOutcome: text('review_outcome'),
    reviewNote: text('review_note'),
  },
  (t) => [
    index('break_glass_grant_staff_person_idx').on(t.staffId, t.personId, t.expiresAt),
    index('break_glass_grant_unreviewed_idx').on(t.grantedAt).where(sql`${t.reviewedAt} IS NULL`),
    check('break_glass_grant_reason_check', sql`length(trim(${t.reason})) > 0`),
  ],
);

/**
 * Consent and the national data opt-out, as a history: the newest record of each kind is the
 * current state (security.md, "Consent"). Who recorded it, when and how is kept for each one.
 */
export const consentRecord = pgTable(
  'consent_record',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** alliance_sharing, voluntary_sector_contact, national_data_opt_out or mdt_objection (core's CONSENT_KINDS). */
    kind: text('kind').notNull(),
    /** given or withdrawn; for national_data_opt_out and mdt_objection, given means the person has registered it. */
    state: text('state').notNull(),
    /** verbal, written or portal */
    method: text('method').notNull(),
    recordedBy: uuid('recorded_by').references(() => staff.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull(),
    note: text('note'),
  },
  (t) => [
    index('consent_record_person_idx').on(t.personId, t.kind, t.recordedAt),
    check('consent_record_kind_check', sql`${t.kind} IN ('alliance_sharing', 'voluntary_sector_contact', 'national_data_opt_out', 'mdt_objection')`),
    check('consent_record_state_check', sql`${t.state} IN ('given', 'withdrawn')`),
    check('consent_record_method_check', sql`${t.method} IN ('verbal', 'written', 'portal')`),
  ],
);

/**
 * A note in the shared record, written by one member of staff for one organisation. An entry in
 * a restricted category is shown only to the roles named on it and to its author; without the
 * person's sharing consent it stays inside the author's organisation.
 */
export const recordEntry = pgTable(
  'record_entry',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    authorStaffId: uuid('author_staff_id')
      .notNull()
      .references(() => staff.id),
    authorOrganisationId: uuid('author_organisation_id')
      .notNull()
      .references(() => organisation.id),
    authorRole: text('author_role').notNull(),
    /** One of core's RESTRICTED_CATEGORIES, or null for an ordinary entry. */
    restrictedCategory: text('restricted_category'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('record_entry_person_idx').on(t.personId, t.writtenAt)],
);

/**
 * A referral of a person to a network. The access gate reads the open ones (a network member
 * may open the record while one is open); the referrals capability adds its workflow.
 */
export const referral = pgTable(
  'referral',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id),
    /** received, triaged, accepted, declined, active or closed */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    /** core's REFERRAL_SOURCES; referrals made before sources were kept came from the case-finding rule. */
    source: text('source').notNull().default('case_finding'),
    reason: text('reason').notNull().default(''),
    /** The case-finding reasons in words, when the referral came from the list. */
    caseFindingReasons: text('case_finding_reasons'),
    /** Who referred, and for which organisation; none for the person, their family or the rule itself. */
    referredBy: uuid('referred_by').references(() => staff.id),
    referredByOrganisationId: uuid('referred_by_organisation_id').references(() => organisation.id),
    /** The target date for first contact: the day received plus the configured working days. */
    firstContactDue: date('first_contact_due', { mode: 'string' }),
    firstContactAt: timestamp('first_contact_at', { withTimezone: true, precision: 3 }),
    declineReason: text('decline_reason'),
    /** core's REFERRAL_OUTCOMES, once closed. */
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    /** Raised by every change: a move sends the version it read, so a stale one is refused. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('referral_person_idx').on(t.personId, t.networkId),
    /** One open referral per person and network: a second is refused (409). */
    uniqueIndex('referral_open_key')
      .on(t.personId, t.networkId)
      .where(sql`status IN ('received', 'triaged', 'accepted', 'active')`),
    index('referral_inbox_idx').on(t.networkId, t.status, t.createdAt),
    index('referral_referred_by_idx').on(t.referredBy, t.createdAt),
  ],
);

/** Each move of a referral, with who made it and when: its history. The first row is its receipt. */
export const referralEvent = pgTable(
  'referral_event',
  {
    id: uuid('id').primaryKey(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referral.id, { onDelete: 'cascade' }),
    /** Null for the receipt. */
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    /** Null when no member of staff made the move (a referral loaded with the demo). */
    staffId: uuid('staff_id').references(() => staff.id),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    note: text('note'),
    /** The referral's version this event made: orders the history when two events share an instant. */
    version: integer('version').notNull(),
  },
  (t) => [uniqueIndex('referral_event_version_key').on(t.referralId, t.version)],
);

/**
 * A named case-finding rule, for the whole borough (no network) or one network. Its criteria
 * live in versions: a change is a new version, never an overwrite, so a result always names the
 * version it was found by.
 */
export const referralRule = pgTable(
  'referral_rule',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    networkId: uuid('network_id').references(() => network.id),
    currentVersion: integer('current_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('referral_rule_name_key').on(t.name)],
);

export const referralRuleVersion = pgTable(
  'referral_rule_version',
  {
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => referralRule.id),
    version: integer('version').notNull(),
    /** core's Criterion, validated by referralRuleSchema before it is stored. */
    criteria: jsonb('criteria').notNull(),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.version] })],
);

/** Who meets a rule, as last computed: each with the reasons in words and the score. */
export const caseFindingResult = pgTable(
  'case_finding_result',
  {
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => referralRule.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    ruleVersion: integer('rule_version').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    score: integer('score').notNull(),
    reasons: text('reasons').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true, precision: 3 }).notNull(),
    /** When the person first met the rule, kept across recomputes: "newly meeting a rule" on a huddle agenda. */
    firstFoundAt: timestamp('first_found_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ruleId, t.personId] }),
    index('case_finding_result_rank_idx').on(t.ruleId, t.score),
    index('case_finding_result_found_idx').on(t.firstFoundAt),
  ],
);

/**
 * Another system (a telecare platform, a data feed) calling the API with a client id and a
 * secret. Only a hash of the secret is kept; rotation keeps the previous one working until
 * `previous_secret_expires_at` so the system can switch without an outage.
 */
export const apiClient = pgTable('api_client', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisation.id),
  /** core's API_SCOPES names. */
  scopes: text('scopes').array().notNull(),
  secretHash: text('secret_hash').notNull(),
  previousSecretHash: text('previous_secret_hash'),
  previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
  disabled: boolean('disabled').notNull().default(false),
  createdBy: uuid('created_by').references(() => staff.id),
  createdAt: createdAt(),
  secretRotatedAt: timestamp('secret_rotated_at', { withTimezone: true }),
});

/**
 * A short-lived access token an API client got with its id and secret (OAuth 2.0 client
 * credentials). Only its SHA-256 is kept; it carries the scopes granted when it was issued.
 */
export const apiAccessToken = pgTable(
  'api_access_token',
  {
    tokenHash: text('token_hash').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => apiClient.id),
    scopes: text('scopes').array().notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('api_access_token_client_idx').on(t.clientId)],
);

/** A staff account's identity at an OpenID Connect provider: the issuer and its subject. */
export const staffIdentity = pgTable(
  'staff_identity',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('staff_identity_staff_idx').on(t.staffId)],
);

/** Small key/value facts about this installation, such as when the demo borough was loaded. */
export const installation = pgTable('installation', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Raw bytes (hashes); the drivers give a Buffer (node-postgres) or a Uint8Array (PGlite). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The audit log: one row for every look at, or change to, person data (security.md, "Audit").
 * Append-only and hash-chained (migrations 0003 and 0008, platform/audit): triggers refuse
 * DELETE and TRUNCATE, and refuse every UPDATE but the one that seals an event into the chain,
 * once, without changing what it records. Ids are kept without foreign keys:
 * the log records what happened, including sign-in attempts by unknown people, and must outlive
 * any row it names.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    /** Orders the chain; gaps are normal (a rolled-back transaction spends its numbers). */
    sequence: bigint('sequence', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Milliseconds only, so the time hashed is exactly the time stored and read back. */
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** staff, person, carer, api_client or system (core's AUDIT_ACTOR_KINDS). */
    actorKind: text('actor_kind').notNull(),
    actorStaffId: uuid('actor_staff_id'),
    actorApiClientId: uuid('actor_api_client_id'),
    /** The portal account of a person or carer. */
    actorPortalId: uuid('actor_portal_id'),
    actorRole: text('actor_role'),
    actorOrganisationId: uuid('actor_organisation_id'),
    /** Null when no one person is concerned, such as a search that found nobody. */
    subjectPersonId: uuid('subject_person_id'),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    /** read, search, write, export, print, sign_in, sign_in_failed, break_glass, ... */
    action: text('action').notNull(),
    purpose: text('purpose'),
    breakGlass: boolean('break_glass').notNull().default(false),
    /** allowed or denied */
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    requestId: text('request_id'),
    clientAddress: text('client_address'),
    /**
     * The seal, set once by the sealer after the event is committed (migration 0008,
     * platform/audit/seal.ts): the event's place in the chain, and SHA-256 (32 bytes) over the
     * previous event's hash and this one's canonical form. Null until sealed; the first
     * event's prev_hash is 32 zero bytes.
     */
    chainPosition: bigint('chain_position', { mode: 'number' }),
    prevHash: bytea('prev_hash'),
    hash: bytea('hash'),
  },
  (t) => [
    // Two events naming the same previous hash would be a fork: the database refuses it.
    // Over sealed events only: an event arrives unsealed, and indexing its empty seal would cost
    // every audited request two index entries for nothing.
    uniqueIndex('audit_event_prev_hash_key').on(t.prevHash).where(sql`${t.prevHash} IS NOT NULL`),
    uniqueIndex('audit_event_chain_position_key').on(t.chainPosition).where(sql`${t.chainPosition} IS NOT NULL`),
    // The sealer's queue: only events still waiting are in it, so it stays small.
    index('audit_event_unsealed_idx').on(t.sequence).where(sql`${t.hash} IS NULL`),
    // A person's or a staff member's events newest first; `at` rides along so that a time
    // window is checked in the index rather than against each row.
    index('audit_event_subject_idx').on(t.subjectPersonId, t.sequence, t.at).where(sql`${t.subjectPersonId} IS NOT NULL`),
    index('audit_event_actor_staff_idx').on(t.actorStaffId, t.sequence, t.at).where(sql`${t.actorStaffId} IS NOT NULL`),
    index('audit_event_at_idx').on(t.at),
    check('audit_event_actor_kind_check', sql`${t.actorKind} IN ('staff', 'person', 'carer', 'api_client', 'system')`),
    check('audit_event_outcome_check', sql`${t.outcome} IN ('allowed', 'denied')`),
  ],
);

/**
 * A huddle series: a practice's or a network's standing MDT meeting (day, time, place,
 * frequency, chair). `network_id` is the network it serves either way: a practice's huddle
 * serves its practice's network, and the network's members are who may take part.
 */
export const huddleSeries = pgTable(
  'huddle_series',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** practice or network */
    scope: text('scope').notNull(),
    practiceId: uuid('practice_id').references(() => practice.id),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id),
    /** core's WEEKDAYS */
    weekday: text('weekday').notNull(),
    /** Local time in England, HH:MM. */
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place').notNull(),
    /** weekly or fortnightly */
    frequency: text('frequency').notNull(),
    firstMeetingOn: date('first_meeting_on', { mode: 'string' }).notNull(),
    chairStaffId: uuid('chair_staff_id')
      .notNull()
      .references(() => staff.id),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('huddle_series_network_idx').on(t.networkId),
    check('huddle_series_scope_check', sql`(${t.scope} = 'practice' AND ${t.practiceId} IS NOT NULL) OR (${t.scope} = 'network' AND ${t.practiceId} IS NULL)`),
    check('huddle_series_frequency_check', sql`${t.frequency} IN ('weekly', 'fortnightly')`),
  ],
);

export const huddleSeriesMember = pgTable(
  'huddle_series_member',
  {
    seriesId: uuid('series_id')
      .notNull()
      .references(() => huddleSeries.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.staffId] }), index('huddle_series_member_staff_idx').on(t.staffId)],
);

/**
 * One meeting of a series. Closing it freezes its record: the database refuses changes to a
 * closed meeting's agenda and notes (the huddles module checks first and answers 409); what is
 * added afterwards is an addendum, signed and dated.
 */
export const huddleMeeting = pgTable(
  'huddle_meeting',
  {
    id: uuid('id').primaryKey(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => huddleSeries.id),
    meetsOn: date('meets_on', { mode: 'string' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, precision: 3 }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, precision: 3 }).notNull(),
    /** core's MEETING_STATES: scheduled, in_progress, closed, cancelled */
    state: text('state').notNull().default('scheduled'),
    cancelledReason: text('cancelled_reason'),
    agendaBuiltAt: timestamp('agenda_built_at', { withTimezone: true, precision: 3 }),
    /** People left off the agenda because they object to MDT discussion: a count, never names. */
    objectionsWithheld: integer('objections_withheld').notNull().default(0),
    openedAt: timestamp('opened_at', { withTimezone: true, precision: 3 }),
    openedBy: uuid('opened_by').references(() => staff.id),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    closedBy: uuid('closed_by').references(() => staff.id),
    /** Raised by every change, so a stale edit is refused; calendars read it as the event's SEQUENCE. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('huddle_meeting_series_day_key').on(t.seriesId, t.meetsOn),
    check('huddle_meeting_state_check', sql`${t.state} IN ('scheduled', 'in_progress', 'closed', 'cancelled')`),
  ],
);

/** One person on a meeting's agenda, with every reason they are there. */
export const huddleAgendaItem = pgTable(
  'huddle_agenda_item',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => huddleMeeting.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    position: integer('position').notNull(),
    /** Minutes set aside for the item, if the chair set them. */
    minutes: integer('minutes'),
    /** core's AgendaReason[], in the order they are shown. */
    reasons: jsonb('reasons').notNull(),
    /** How many meetings in a row the item has been carried over unreached. */
    carriedCount: integer('carried_count').notNull().default(0),
    /** The SBAR summary of an item a member added by hand. */
    sbar: jsonb('sbar'),
    addedBy: uuid('added_by').references(() => staff.id),
    reviewed: boolean('reviewed').notNull().default(false),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, precision: 3 }),
    presenterStaffId: uuid('presenter_staff_id').references(() => staff.id),
    /** "Discuss again in N weeks", and the date that gives. */
    discussAgainInWeeks: integer('discuss_again_in_weeks'),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('huddle_agenda_item_person_key').on(t.meetingId, t.personId),
    index('huddle_agenda_item_person_idx').on(t.personId),
    index('huddle_agenda_item_review_idx').on(t.nextReviewOn).where(sql`${t.nextReviewOn} IS NOT NULL`),
  ],
);

/**
 * What was said and decided about a person at a meeting: confidential, shown only to network
 * members with a relationship to the person, every read audited. An addendum is a note written
 * after the meeting closed, signed by its writer and dated.
 */
export const huddleNote = pgTable(
  'huddle_note',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => huddleMeeting.id),
    agendaItemId: uuid('agenda_item_id').references(() => huddleAgendaItem.id),
    personId: uuid('person_id').references(() => person.id),
    /** note, decision or addendum */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    writtenBy: uuid('written_by')
      .notNull()
      .references(() => staff.id),
    writtenAt: timestamp('written_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    index('huddle_note_meeting_idx').on(t.meetingId, t.writtenAt),
    index('huddle_note_person_idx').on(t.personId, t.writtenAt),
    check('huddle_note_kind_check', sql`${t.kind} IN ('note', 'decision', 'addendum')`),
  ],
);

/** Who attended a meeting, in which role. */
export const huddleAttendance = pgTable(
  'huddle_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => huddleMeeting.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    role: text('role').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.staffId] })],
);

/**
 * A task: an action from a huddle, or any piece of work owned by a member of staff or by a
 * team (a role within a network, shown to every member in that role). Its history and its
 * comments are in task_event.
 */
export const task = pgTable(
  'task',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    detail: text('detail'),
    personId: uuid('person_id').references(() => person.id),
    networkId: uuid('network_id')
      .notNull()
      .references(() => network.id),
    meetingId: uuid('meeting_id').references(() => huddleMeeting.id),
    agendaItemId: uuid('agenda_item_id').references(() => huddleAgendaItem.id),
    ownerStaffId: uuid('owner_staff_id').references(() => staff.id),
    /** A team owner: every member of the network acting in this role sees the task. */
    ownerRole: text('owner_role'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The due date first set, so that "completed on time" is measured against the promise made. */
    firstDueOn: date('first_due_on', { mode: 'string' }).notNull(),
    /** core's TASK_PRIORITIES */
    priority: text('priority').notNull(),
    /** core's TASK_STATES */
    state: text('state').notNull().default('open'),
    cancelledReason: text('cancelled_reason'),
    completedOn: date('completed_on', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('task_owner_staff_idx').on(t.ownerStaffId, t.state, t.dueOn),
    index('task_owner_role_idx').on(t.networkId, t.ownerRole, t.state, t.dueOn),
    index('task_person_idx').on(t.personId, t.state),
    index('task_meeting_idx').on(t.meetingId),
    check('task_owner_check', sql`(${t.ownerStaffId} IS NULL) <> (${t.ownerRole} IS NULL)`),
    check('task_state_check', sql`${t.state} IN ('open', 'in_progress', 'done', 'cancelled')`),
    check('task_priority_check', sql`${t.priority} IN ('low', 'normal', 'high', 'urgent')`),
  ],
);

/** Each change to a task, with who made it and when: its audit trail. */
export const taskEvent = pgTable(
  'task_event',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => task.id),
    /** created, moved, edited or commented */
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    /** A cancelling or reopening reason, a comment, or what an edit changed. */
    text: text('text'),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** The task's version this event made. */
    version: integer('version').notNull(),
  },
  (t) => [index('task_event_task_idx').on(t.taskId, t.at)],
);
