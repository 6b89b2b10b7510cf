/**
 * The directory search's one statement: the active services that pass every filter asked for,
 * each with what ranking needs (how well the words match, when it was last verified) and, when
 * a place was asked for, the positions of its places inside the radius' bounding box. Each
 * filter is an index lookup: words by the full-text index, taxonomy and needs by the codes'
 * index, day and time by the session windows' index, nearness by the places' position index.
 * The exact distance, the order and the page are worked out by core from these candidates.
 */
import { type LatLongBox, type WhenFilter, WEEKDAYS } from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import { PLANNED_FOR_ITS_VALUES } from '../../platform/db/client.js';

export interface CandidateFilters {
  text?: string;
  /** Taxonomy and need codes: a service must carry at least one of each list given. */
  taxonomy: readonly string[];
  needs: readonly string[];
  /** Each of these, in the feed's words, must be offered at some place of the service. */
  accessibility: readonly string[];
  age?: number;
  freeOnly: boolean;
  when?: WhenFilter;
  /** The radius' bounding box, when searching near a place. */
  box?: LatLongBox;
  /** Today in England: a session whose dates have passed no longer counts. */
  today: string;
}

export interface CandidateRow {
  id: string;
  name: string;
  text_rank: number;
  last_verified_on: string | null;
  /** [latitude, longitude] of each place in the box, when near a place. */
  places: [number, number][] | null;
  /** Only some weeks hold the matching sessions (fortnightly, monthly): a date must be checked against the schedules. */
  check_schedules: boolean;
  schedules: unknown[] | null;
}

function whenCondition(when: WhenFilter, today: string): SQL {
  const day = WEEKDAYS.indexOf(when.weekday) + 1;
  const on = when.date ?? today;
  return sql`w.weekday = ${day} AND w.opens_minute < ${when.toMinute} AND w.closes_minute > ${when.fromMinute}
    AND (w.valid_to IS NULL OR w.valid_to >= ${on}::date) AND (w.valid_from IS NULL OR w.valid_from <= ${on}::date)`;
}

function inBox(box: LatLongBox): SQL {
  return sql`p.latitude BETWEEN ${box.south} AND ${box.north} AND p.longitude BETWEEN ${box.west} AND ${box.east}`;
}

function conditions(f: CandidateFilters): SQL[] {
  const where: SQL[] = [sql`s.status = 'active'`];
  if (f.text) where.push(sql`s.search @@ websearch_to_tsquery('english', ${f.text})`);
  if (f.taxonomy.length) where.push(sql`s.taxonomy_codes && ${sql.param(f.taxonomy)}::text[]`);
  if (f.needs.length) where.push(sql`s.taxonomy_codes && ${sql.param(f.needs)}::text[]`);
  if (f.accessibility.length) where.push(sql`s.accessibility @> ${sql.param(f.accessibility.map((a) => a.toLowerCase()))}::text[]`);
  if (f.age !== undefined) where.push(sql`coalesce(s.minimum_age, 0) <= ${f.age} AND coalesce(s.maximum_age, 200) >= ${f.age}`);
  if (f.freeOnly) where.push(sql`s.free`);
  if (f.when) where.push(sql`EXISTS (SELECT 1 FROM directory_session w WHERE w.service_id = s.id AND ${whenCondition(f.when, f.today)})`);
  if (f.box) where.push(sql`EXISTS (SELECT 1 FROM directory_place p WHERE p.service_id = s.id AND ${inBox(f.box)})`);
  return where;
}

export function candidatesQuery(f: CandidateFilters): SQL {
  const textRank = f.text ? sql`ts_rank(s.search, websearch_to_tsquery('english', ${f.text}), 32)` : sql`0`;
  const places = f.box
    ? sql`(SELECT json_agg(json_build_array(p.latitude, p.longitude)) FROM directory_place p WHERE p.service_id = s.id AND ${inBox(f.box)})`
    : sql`NULL::json`;
  // A date asked for, and only fortnightly or monthly sessions match its weekday: core checks the schedules on that date.
  const check = f.when?.date
    ? sql`NOT EXISTS (SELECT 1 FROM directory_session w WHERE w.service_id = s.id AND w.every_week AND ${whenCondition(f.when, f.today)})`
    : sql`false`;
  // Words, a day and a box select very different numbers of rows: planned for each search's values.
  return sql`${sql.raw(PLANNED_FOR_ITS_VALUES)}SELECT id, name, text_rank, last_verified_on, places, check_schedules, CASE WHEN check_schedules THEN schedules END AS schedules
    FROM (SELECT s.id, s.name, ${textRank}::float8 AS text_rank, s.last_verified_on::text AS last_verified_on, ${places} AS places,
            ${check} AS check_schedules, s.document->'schedules' AS schedules
          FROM directory_service s WHERE ${sql.join(conditions(f), sql` AND `)}) c`;
}
