/**
 * The huddle tables in SQL: series with their chair and standing members, network membership
 * for many members of staff at once, and the meeting rows a series has stored (created on
 * demand, when an agenda is first built or a date cancelled).
 */
import { DomainError, type HuddleFrequency, type HuddleStaff, type MeetingState, type Weekday, meetingInstants } from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { type Db, rowsOf } from '../../platform/db/client.js';

/** A series as stored, with names resolved. */
export interface HuddleSeriesRecord {
  id: string;
  name: string;
  scope: 'practice' | 'network';
  practiceId: string | null;
  practiceName: string | null;
  networkId: string;
  networkName: string;
  weekday: Weekday;
  startTime: string;
  durationMinutes: number;
  place: string;
  frequency: HuddleFrequency;
  firstMeetingOn: string;
  chair: HuddleStaff;
  standingMembers: HuddleStaff[];
  version: number;
}

interface SeriesRow {
  id: string;
  name: string;
  scope: 'practice' | 'network';
  practice_id: string | null;
  practice_name: string | null;
  network_id: string;
  network_name: string;
  weekday: Weekday;
  start_time: string;
  duration_minutes: number;
  place: string;
  frequency: HuddleFrequency;
  first_meeting_on: string;
  chair_staff_id: string;
  chair_name: string;
  members: HuddleStaff[] | string;
  version: number;
}

function selectSeries(where: SQL): SQL {
  return sql`SELECT hs.id, hs.name, hs.scope, hs.practice_id, po.name AS practice_name, hs.network_id, n.name AS network_name,
                    hs.weekday, hs.start_time, hs.duration_minutes, hs.place, hs.frequency, hs.first_meeting_on::text AS first_meeting_on,
                    hs.chair_staff_id, cs.name AS chair_name, hs.version,
                    coalesce((SELECT json_agg(json_build_object('staffId', s.id, 'name', s.name) ORDER BY s.name, s.id)
                              FROM huddle_series_member m JOIN staff s ON s.id = m.staff_id WHERE m.series_id = hs.id), '[]'::json) AS members
             FROM huddle_series hs
             JOIN network n ON n.id = hs.network_id
             JOIN staff cs ON cs.id = hs.chair_staff_id
             LEFT JOIN organisation po ON po.id = hs.practice_id
             WHERE ${where}
             ORDER BY n.name, hs.name, hs.id`;
}

function recordOf(row: SeriesRow): HuddleSeriesRecord {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    practiceId: row.practice_id,
    practiceName: row.practice_name,
    networkId: row.network_id,
    networkName: row.network_name,
    weekday: row.weekday,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    place: row.place,
    frequency: row.frequency,
    firstMeetingOn: row.first_meeting_on,
    chair: { staffId: row.chair_staff_id, name: row.chair_name },
    standingMembers: typeof row.members === 'string' ? (JSON.parse(row.members) as HuddleStaff[]) : row.members,
    version: row.version,
  };
}

export async function seriesById(db: Db, id: string): Promise<HuddleSeriesRecord> {
  const [row] = await rowsOf<SeriesRow>(db, selectSeries(sql`hs.id = ${id}::uuid`));
  if (!row) throw new DomainError('not_found', 'No huddle series has this id');
  return recordOf(row);
}

/** The series of the networks the member of staff belongs to. */
export async function seriesOfNetworks(db: Db, networkIds: readonly string[]): Promise<HuddleSeriesRecord[]> {
  if (networkIds.length === 0) return [];
  return (await rowsOf<SeriesRow>(db, selectSeries(sql`hs.network_id = ANY(${sql.param(networkIds)}::uuid[])`))).map(recordOf);
}

/** The series the member of staff chairs or sits on. */
export async function seriesOfMember(db: Db, staffId: string): Promise<HuddleSeriesRecord[]> {
  const rows = await rowsOf<SeriesRow>(
    db,
    selectSeries(sql`(hs.chair_staff_id = ${staffId}::uuid
                      OR EXISTS (SELECT 1 FROM huddle_series_member m WHERE m.series_id = hs.id AND m.staff_id = ${staffId}::uuid))`),
  );
  return rows.map(recordOf);
}

/** Staff who are members of the network: a place on one of its teams, or a role at one of its practices. */
function memberCondition(staffId: SQL, networkId: SQL): SQL {
  return sql`(EXISTS (SELECT 1 FROM team_member tm JOIN team t ON t.id = tm.team_id WHERE tm.staff_id = ${staffId} AND t.network_id = ${networkId})
              OR EXISTS (SELECT 1 FROM staff_role sr JOIN practice sp ON sp.id = sr.organisation_id
                         WHERE sr.staff_id = ${staffId} AND sp.network_id = ${networkId}))`;
}

/** Which of these members of staff belong to the network (disabled accounts do not). */
export async function networkMembersAmong(db: Db, networkId: string, staffIds: readonly string[]): Promise<Set<string>> {
  if (staffIds.length === 0) return new Set();
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`SELECT s.id FROM staff s WHERE s.id = ANY(${sql.param(staffIds)}::uuid[]) AND NOT s.disabled
          AND ${memberCondition(sql`s.id`, sql`${networkId}::uuid`)}`,
  );
  return new Set(rows.map((r) => r.id));
}

/** The networks a member of staff belongs to. */
export async function networkIdsOf(db: Db, staffId: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(db, sql`SELECT n.id FROM network n WHERE ${memberCondition(sql`${staffId}::uuid`, sql`n.id`)}`);
  return rows.map((r) => r.id);
}

/** The network a series' scope serves; 400 naming the field when the practice or network does not exist. */
export async function networkOfScope(db: Db, scope: { kind: 'practice'; practiceId: string } | { kind: 'network'; networkId: string }): Promise<string> {
  if (scope.kind === 'network') {
    const [row] = await rowsOf<{ id: string }>(db, sql`SELECT id FROM network WHERE id = ${scope.networkId}::uuid`);
    if (!row) throw DomainError.field('scope.networkId', 'No network has this id');
    return row.id;
  }
  const [row] = await rowsOf<{ network_id: string }>(db, sql`SELECT network_id FROM practice WHERE id = ${scope.practiceId}::uuid`);
  if (!row) throw DomainError.field('scope.practiceId', 'No GP practice has this id');
  return row.network_id;
}

/** The practices whose registered people a series serves: its own, or every practice of its network. */
export async function practicesServed(db: Db, series: Pick<HuddleSeriesRecord, 'practiceId' | 'networkId'>): Promise<string[]> {
  if (series.practiceId) return [series.practiceId];
  const rows = await rowsOf<{ id: string }>(db, sql`SELECT id FROM practice WHERE network_id = ${series.networkId}::uuid ORDER BY id`);
  return rows.map((r) => r.id);
}

/** One stored meeting of a series. */
export interface MeetingRecord {
  id: string;
  seriesId: string;
  date: string;
  startsAt: Date;
  endsAt: Date;
  state: MeetingState;
  cancelledReason: string | null;
  agendaBuiltAt: Date | null;
  objectionsWithheld: number;
  version: number;
}

interface MeetingRow {
  id: string;
  series_id: string;
  meets_on: string;
  starts_at: Date | string;
  ends_at: Date | string;
  state: MeetingState;
  cancelled_reason: string | null;
  agenda_built_at: Date | string | null;
  objections_withheld: number;
  version: number;
}

const MEETING_COLUMNS = sql`id, series_id, meets_on::text AS meets_on, starts_at, ends_at, state, cancelled_reason, agenda_built_at, objections_withheld, version`;

function meetingOf(row: MeetingRow): MeetingRecord {
  return {
    id: row.id,
    seriesId: row.series_id,
    date: row.meets_on,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    state: row.state,
    cancelledReason: row.cancelled_reason,
    agendaBuiltAt: row.agenda_built_at === null ? null : new Date(row.agenda_built_at),
    objectionsWithheld: row.objections_withheld,
    version: row.version,
  };
}

export async function meetingById(db: Db, id: string): Promise<MeetingRecord | undefined> {
  const [row] = await rowsOf<MeetingRow>(db, sql`SELECT ${MEETING_COLUMNS} FROM huddle_meeting WHERE id = ${id}::uuid`);
  return row && meetingOf(row);
}

/** The stored meeting of a series on a day; `lock` holds it until the transaction ends, so agenda changes take turns. */
export async function meetingOn(db: Db, seriesId: string, date: string, lock = false): Promise<MeetingRecord | undefined> {
  const [row] = await rowsOf<MeetingRow>(
    db,
    sql`SELECT ${MEETING_COLUMNS} FROM huddle_meeting WHERE series_id = ${seriesId}::uuid AND meets_on = ${date}::date ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return row && meetingOf(row);
}

/** Stored meetings of these series from one day to another, both included. */
export async function meetingsBetween(db: Db, seriesIds: readonly string[], from: string, to: string): Promise<MeetingRecord[]> {
  if (seriesIds.length === 0) return [];
  const rows = await rowsOf<MeetingRow>(
    db,
    sql`SELECT ${MEETING_COLUMNS} FROM huddle_meeting
        WHERE series_id = ANY(${sql.param(seriesIds)}::uuid[]) AND meets_on BETWEEN ${from}::date AND ${to}::date
        ORDER BY starts_at, id`,
  );
  return rows.map(meetingOf);
}

/** The latest meeting of the series before a day that was not cancelled: "the last meeting". */
export async function previousMeeting(db: Db, seriesId: string, date: string): Promise<MeetingRecord | undefined> {
  const [row] = await rowsOf<MeetingRow>(
    db,
    sql`SELECT ${MEETING_COLUMNS} FROM huddle_meeting
        WHERE series_id = ${seriesId}::uuid AND meets_on < ${date}::date AND state <> 'cancelled'
        ORDER BY meets_on DESC LIMIT 1`,
  );
  return row && meetingOf(row);
}

/**
 * The meeting of the series on a day, stored now if it was not yet (its times from the series),
 * and locked for the rest of the transaction. Two callers at once store one row (the unique key
 * on series and day), and the second waits for the first.
 */
export async function storedMeeting(db: Db, series: Pick<HuddleSeriesRecord, 'id' | 'startTime' | 'durationMinutes'>, date: string): Promise<MeetingRecord> {
  const { startsAt, endsAt } = meetingInstants(series, date);
  await db.execute(sql`
    INSERT INTO huddle_meeting (id, series_id, meets_on, starts_at, ends_at, state)
    VALUES (${randomUUID()}::uuid, ${series.id}::uuid, ${date}::date, ${startsAt.toISOString()}::timestamptz, ${endsAt.toISOString()}::timestamptz, 'scheduled')
    ON CONFLICT (series_id, meets_on) DO NOTHING`);
  return (await meetingOn(db, series.id, date, true))!;
}
