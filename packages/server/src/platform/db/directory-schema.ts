/**
 * The directory of community services and activities, after Open Referral UK (HSDS 3.0 based).
 *
 * Each service keeps its whole ORUK document (`document`: the nested service as `/services/{id}`
 * returns it), so what a feed sent comes back out without loss; beside it are the columns search
 * filters on, kept from the document on every write: words (a weighted English full-text vector),
 * taxonomy codes, ages, free or not; one row per place it runs (with its postcode centroid or
 * coordinates) and one per weekly session window (day, opening and closing minute), so "open on
 * Thursday afternoon within 2 km" is index lookups, not a walk through documents.
 *
 * What no directory does well is Kith's own, outside the document: capacity (taking referrals,
 * waiting list, full) and when it was confirmed; whether the service takes direct referrals and
 * how; when the listing was last verified and by whom; and which partner organisation's staff may
 * edit it straight away (anyone else's edit waits in a review queue).
 *
 * Several feeds (council, commissioner, voluntary sector) merge into one directory: a record is
 * known by its feed and its id in that feed, so importing a feed again updates, never duplicates.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation, staff } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/** A source of listings: a council's, a commissioner's or the voluntary sector's feed, or Kith's own. */
export const directoryFeed = pgTable(
  'directory_feed',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** council, commissioner, voluntary, kith (listings written in Kith itself) */
    kind: text('kind').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [check('directory_feed_kind_check', sql`${t.kind} IN ('council', 'commissioner', 'voluntary', 'kith')`)],
);

/** An organisation that runs services: a charity, a club, a council team. */
export const directoryOrganization = pgTable(
  'directory_organization',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** The partner organisation whose staff are this organisation's verified editors, when it is one. */
    partnerOrganisationId: uuid('partner_organisation_id').references(() => organisation.id),
    feedId: text('feed_id')
      .notNull()
      .references(() => directoryFeed.id),
    sourceId: text('source_id').notNull(),
    /** The ORUK organization's own fields. */
    document: jsonb('document').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('directory_organization_source_key').on(t.feedId, t.sourceId)],
);

export const directoryService = pgTable(
  'directory_service',
  {
    id: uuid('id').primaryKey(),
    /** The provider, when the feed names one. */
    organizationId: uuid('organization_id').references(() => directoryOrganization.id),
    feedId: text('feed_id')
      .notNull()
      .references(() => directoryFeed.id),
    sourceId: text('source_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** ORUK service status: active, inactive, defunct, temporarily closed */
    status: text('status').notNull(),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    /** Some cost option says it is free, or none asks for money. */
    free: boolean('free').notNull(),
    taxonomyCodes: text('taxonomy_codes').array().notNull(),
    languages: text('languages').array().notNull(),
    /** What its places offer disabled people, in the feed's words (lower case): "wheelchair access", "hearing loop". */
    accessibility: text('accessibility').array().notNull(),
    /** The ORUK service, nested, as `/services/{id}` returns it. */
    document: jsonb('document').notNull(),
    /** A hash of what the feed sent: the same record imported again changes nothing. */
    contentHash: text('content_hash').notNull(),
    capacity: text('capacity'),
    capacityConfirmedOn: date('capacity_confirmed_on', { mode: 'string' }),
    /** signpost_only, or direct_referral with how (email, phone, form) */
    referralMode: text('referral_mode').notNull().default('signpost_only'),
    referralHow: text('referral_how'),
    lastVerifiedOn: date('last_verified_on', { mode: 'string' }),
    /** Who verified it: a member of staff, or as a feed named them. */
    verifiedByStaffId: uuid('verified_by_staff_id').references(() => staff.id),
    verifiedBy: text('verified_by'),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')`,
      ),
    /** Each edit is made at the version read; a stale one is refused. */
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('directory_service_source_key').on(t.feedId, t.sourceId),
    index('directory_service_search_idx').using('gin', t.search),
    index('directory_service_taxonomy_idx').using('gin', t.taxonomyCodes),
    index('directory_service_organization_idx').on(t.organizationId),
    index('directory_service_verified_idx').on(t.lastVerifiedOn),
    check('directory_service_status_check', sql`${t.status} IN ('active', 'inactive', 'defunct', 'temporarily closed')`),
    check('directory_service_capacity_check', sql`${t.capacity} IS NULL OR ${t.capacity} IN ('taking_referrals', 'waiting_list', 'full')`),
    check('directory_service_referral_mode_check', sql`${t.referralMode} IN ('signpost_only', 'direct_referral')`),
    check('directory_service_ages_check', sql`${t.maximumAge} IS NULL OR ${t.minimumAge} IS NULL OR ${t.maximumAge} >= ${t.minimumAge}`),
  ],
);

/** A place a service runs (ORUK service_at_location with its location), with where it is on the map. */
export const directoryPlace = pgTable(
  'directory_place',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryService.id, { onDelete: 'cascade' }),
    name: text('name'),
    address: text('address'),
    postcode: text('postcode'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (t) => [index('directory_place_service_idx').on(t.serviceId), index('directory_place_position_idx').on(t.latitude, t.longitude)],
);

/** One weekly window a service is open or a session runs: ISO weekday (Monday 1) and minutes of the day. */
export const directorySession = pgTable(
  'directory_session',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryService.id, { onDelete: 'cascade' }),
    placeId: uuid('place_id').references(() => directoryPlace.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opensMinute: smallint('opens_minute').notNull(),
    closesMinute: smallint('closes_minute').notNull(),
    /** False when only some weeks hold the session (fortnightly, monthly): a date asked for is then checked against the schedule. */
    everyWeek: boolean('every_week').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [
    index('directory_session_service_idx').on(t.serviceId, t.weekday),
    index('directory_session_day_idx').on(t.weekday, t.opensMinute, t.closesMinute),
    check('directory_session_weekday_check', sql`${t.weekday} BETWEEN 1 AND 7`),
    check('directory_session_minutes_check', sql`${t.opensMinute} >= 0 AND ${t.closesMinute} <= 1440 AND ${t.closesMinute} > ${t.opensMinute}`),
  ],
);

/** The service types vocabulary (ORUK / LGA) and any other taxonomy a feed uses. */
export const directoryTaxonomyTerm = pgTable(
  'directory_taxonomy_term',
  {
    id: text('id').primaryKey(),
    /** The vocabulary it belongs to, as ORUK names it. */
    taxonomy: text('taxonomy').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    parentId: text('parent_id'),
  },
  (t) => [uniqueIndex('directory_taxonomy_term_code_key').on(t.taxonomy, t.code)],
);

/** An edit to a listing by someone not among its organisation's verified editors: it waits for review. */
export const directoryListingEdit = pgTable(
  'directory_listing_edit',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryService.id, { onDelete: 'cascade' }),
    basedOnVersion: integer('based_on_version').notNull(),
    /** The listing's fields as the editor would have them. */
    proposed: jsonb('proposed').notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => staff.id),
    proposedAt: at('proposed_at').notNull(),
    /** pending, approved, rejected */
    state: text('state').notNull(),
    decidedBy: uuid('decided_by').references(() => staff.id),
    decidedAt: at('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('directory_listing_edit_pending_idx').on(t.state, t.proposedAt),
    check('directory_listing_edit_state_check', sql`${t.state} IN ('pending', 'approved', 'rejected')`),
  ],
);

/**
 * Each transaction that changed the directory, by its transaction id; written by triggers on the
 * directory's tables (migration 0012), never by code. The server's search index remembers the
 * snapshot it was read in; a committed change that snapshot could not see means the index is out
 * of date. Rows are only ever added (one for each transaction that changes the directory, which
 * is a few a day), so nothing locks and nothing waits.
 */
export const directoryChange = pgTable('directory_change', {
  transactionId: xid8('transaction_id').primaryKey(),
  changedAt: at('changed_at').notNull(),
});

/** Each feed import: what it did and what it refused, for the report and for audit. */
export const directoryImport = pgTable('directory_import', {
  id: uuid('id').primaryKey(),
  feedId: text('feed_id')
    .notNull()
    .references(() => directoryFeed.id),
  /** oruk_v3_json, oruk_v1_json, oruk_csv */
  format: text('format').notNull(),
  receivedAt: at('received_at').notNull(),
  receivedBy: uuid('received_by').references(() => staff.id),
  apiClientId: uuid('api_client_id'),
  created: integer('created').notNull(),
  updated: integer('updated').notNull(),
  unchanged: integer('unchanged').notNull(),
  rejected: integer('rejected').notNull(),
  problems: jsonb('problems').notNull(),
  conflicts: jsonb('conflicts').notNull(),
});

/**
 * Where each postcode is: its centroid, for distance from a person's home or a postcode typed in.
 * Kith ships the borough's postcodes; the national file can be imported (docs/directory.md).
 */
export const postcodeCentroid = pgTable('postcode_centroid', {
  /** Normalised: upper case, one space before the inward code. */
  postcode: text('postcode').primaryKey(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
});
