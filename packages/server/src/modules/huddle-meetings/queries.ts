/**
 * The meeting's own tables in SQL: the meeting with its series, chair and network; its agenda
 * items with their people; who attended; what was written (notes, decisions, addenda) and the
 * actions it agreed. Each is one statement for the whole meeting, so a 20-item agenda is read
 * in a handful of queries rather than one per item.
 */
import {
  type AgendaReason,
  type MeetingActionView,
  type MeetingAttendee,
  type MeetingNoteView,
  type MeetingState,
  type Sbar,
  type StaffRole,
  type TaskPriority,
  type TaskState,
  type TaskTeamRole,
  STAFF_ROLE_LABELS,
  teamOwnerName,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';

export interface MeetingRow {
  id: string;
  series_id: string;
  series_name: string;
  network_id: string;
  network_name: string;
  place: string;
  chair_staff_id: string;
  chair_name: string;
  meets_on: string;
  starts_at: Date | string;
  ends_at: Date | string;
  state: MeetingState;
  cancelled_reason: string | null;
  objections_withheld: number;
  opened_at: Date | string | null;
  opened_by: string | null;
  opened_by_name: string | null;
  closed_at: Date | string | null;
  closed_by: string | null;
  closed_by_name: string | null;
  version: number;
}

export const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * The meeting, or undefined. `lock` holds the row for the transaction: `update` for a move,
 * `share` for live capture, so a meeting cannot close under a note being written (the close
 * waits for the note's transaction, and the note sees the meeting as it is).
 */
export async function meetingById(db: Db, id: string, lock?: 'share' | 'update'): Promise<MeetingRow | undefined> {
  const locking = lock === 'update' ? sql` FOR UPDATE OF m` : lock === 'share' ? sql` FOR SHARE OF m` : sql``;
  const [row] = await rowsOf<MeetingRow>(
    db,
    sql`SELECT m.id, m.series_id, hs.name AS series_name, hs.network_id, n.name AS network_name, hs.place,
               hs.chair_staff_id, cs.name AS chair_name, m.meets_on::text AS meets_on, m.starts_at, m.ends_at, m.state,
               m.cancelled_reason, m.objections_withheld, m.opened_at, m.opened_by, os.name AS opened_by_name,
               m.closed_at, m.closed_by, xs.name AS closed_by_name, m.version
        FROM huddle_meeting m
        JOIN huddle_series hs ON hs.id = m.series_id
        JOIN network n ON n.id = hs.network_id
        JOIN staff cs ON cs.id = hs.chair_staff_id
        LEFT JOIN staff os ON os.id = m.opened_by
        LEFT JOIN staff xs ON xs.id = m.closed_by
        WHERE m.id = ${id}::uuid${locking}`,
  );
  return row;
}

export interface ItemRow {
  id: string;
  person_id: string;
  position: number;
  minutes: number | null;
  reasons: unknown;
  carried_count: number;
  sbar: unknown;
  reviewed: boolean;
  reviewed_at: Date | string | null;
  presenter_staff_id: string | null;
  presenter_name: string | null;
  discuss_again_in_weeks: number | null;
  next_review_on: string | null;
  given_name: string;
  family_name: string;
  nhs_number: string;
  date_of_birth: string;
}

function selectItems(where: ReturnType<typeof sql>) {
  return sql`SELECT ai.id, ai.person_id, ai.position, ai.minutes, ai.reasons, ai.carried_count, ai.sbar, ai.reviewed,
                    ai.reviewed_at, ai.presenter_staff_id, ps.name AS presenter_name, ai.discuss_again_in_weeks,
                    ai.next_review_on::text AS next_review_on, p.given_name, p.family_name, p.nhs_number,
                    p.date_of_birth::text AS date_of_birth
             FROM huddle_agenda_item ai
             JOIN person p ON p.id = ai.person_id
             LEFT JOIN staff ps ON ps.id = ai.presenter_staff_id
             WHERE ${where}
             ORDER BY ai.position, ai.id`;
}

/** The agenda in order. */
export function itemsOf(db: Db, meetingId: string): Promise<ItemRow[]> {
  return rowsOf<ItemRow>(db, selectItems(sql`ai.meeting_id = ${meetingId}::uuid`));
}

/** One item of this meeting, or undefined (an item of another meeting is not found here). */
export async function itemOf(db: Db, meetingId: string, itemId: string): Promise<ItemRow | undefined> {
  const [row] = await rowsOf<ItemRow>(db, selectItems(sql`ai.meeting_id = ${meetingId}::uuid AND ai.id = ${itemId}::uuid`));
  return row;
}

/** Stored reasons are core's AgendaReason[]; anything else reads as none. */
export function reasonsOf(row: Pick<ItemRow, 'reasons'>): AgendaReason[] {
  return Array.isArray(row.reasons) ? (row.reasons as AgendaReason[]) : [];
}

export function sbarOf(row: Pick<ItemRow, 'sbar'>): Sbar | null {
  return row.sbar && typeof row.sbar === 'object' ? (row.sbar as Sbar) : null;
}

export async function attendanceOf(db: Db, meetingId: string): Promise<MeetingAttendee[]> {
  const rows = await rowsOf<{ staff_id: string; name: string; role: StaffRole }>(
    db,
    sql`SELECT a.staff_id, s.name, a.role FROM huddle_attendance a JOIN staff s ON s.id = a.staff_id
        WHERE a.meeting_id = ${meetingId}::uuid ORDER BY s.name, a.staff_id`,
  );
  return rows.map((r) => ({ staffId: r.staff_id, name: r.name, role: r.role, roleLabel: STAFF_ROLE_LABELS[r.role] ?? r.role }));
}

interface NoteRow {
  id: string;
  agenda_item_id: string | null;
  person_id: string | null;
  kind: MeetingNoteView['kind'];
  text: string;
  written_by: string;
  writer_name: string;
  written_at: Date | string;
}

const noteView = (r: NoteRow): MeetingNoteView => ({
  id: r.id,
  itemId: r.agenda_item_id,
  personId: r.person_id,
  kind: r.kind,
  text: r.text,
  writtenBy: { staffId: r.written_by, name: r.writer_name },
  writtenAt: iso(r.written_at),
});

const selectNotes = (where: ReturnType<typeof sql>) =>
  sql`SELECT hn.id, hn.agenda_item_id, hn.person_id, hn.kind, hn.text, hn.written_by, s.name AS writer_name, hn.written_at
      FROM huddle_note hn JOIN staff s ON s.id = hn.written_by
      WHERE ${where} ORDER BY hn.written_at, hn.id`;

/** Every note, decision and addendum of the meeting, in the order written. */
export async function notesOf(db: Db, meetingId: string): Promise<MeetingNoteView[]> {
  return (await rowsOf<NoteRow>(db, selectNotes(sql`hn.meeting_id = ${meetingId}::uuid`))).map(noteView);
}

export async function noteById(db: Db, id: string): Promise<MeetingNoteView> {
  const [row] = await rowsOf<NoteRow>(db, selectNotes(sql`hn.id = ${id}::uuid`));
  return noteView(row!);
}

/** A person's notes across meetings, newest meeting first, with the meeting they belong to. */
export async function notesOfPerson(db: Db, personId: string) {
  const rows = await rowsOf<NoteRow & { meeting_id: string; series_name: string; meets_on: string; state: MeetingState }>(
    db,
    sql`SELECT hn.id, hn.agenda_item_id, hn.person_id, hn.kind, hn.text, hn.written_by, s.name AS writer_name, hn.written_at,
               m.id AS meeting_id, hs.name AS series_name, m.meets_on::text AS meets_on, m.state
        FROM huddle_note hn
        JOIN staff s ON s.id = hn.written_by
        JOIN huddle_meeting m ON m.id = hn.meeting_id
        JOIN huddle_series hs ON hs.id = m.series_id
        WHERE hn.person_id = ${personId}::uuid
        ORDER BY m.meets_on DESC, hn.written_at, hn.id`,
  );
  return rows.map((r) => ({ ...noteView(r), meetingId: r.meeting_id, seriesName: r.series_name, meetingDate: r.meets_on, meetingState: r.state }));
}

/** The actions the meeting agreed: the tasks that came from it, in the order made. */
export async function actionsOf(db: Db, meetingId: string): Promise<MeetingActionView[]> {
  const rows = await rowsOf<{
    id: string;
    agenda_item_id: string | null;
    title: string;
    owner_staff_id: string | null;
    owner_name: string | null;
    owner_role: TaskTeamRole | null;
    due_on: string;
    priority: TaskPriority;
    state: TaskState;
  }>(
    db,
    sql`SELECT t.id, t.agenda_item_id, t.title, t.owner_staff_id, os.name AS owner_name, t.owner_role,
               t.due_on::text AS due_on, t.priority, t.state
        FROM task t LEFT JOIN staff os ON os.id = t.owner_staff_id
        WHERE t.meeting_id = ${meetingId}::uuid
        ORDER BY t.created_at, t.id`,
  );
  return rows.map((r) => ({
    taskId: r.id,
    itemId: r.agenda_item_id,
    title: r.title,
    owner:
      r.owner_staff_id !== null
        ? { kind: 'staff' as const, staffId: r.owner_staff_id, name: r.owner_name ?? '' }
        : { kind: 'team' as const, role: r.owner_role!, name: teamOwnerName(r.owner_role!) },
    dueOn: r.due_on,
    priority: r.priority,
    state: r.state,
  }));
}

export interface StaffStanding {
  id: string;
  name: string;
  disabled: boolean;
  inNetwork: boolean;
  roles: StaffRole[];
}

/** For each id found: the member of staff, whether they belong to the network, and the roles they hold. */
export async function staffStanding(db: Db, staffIds: readonly string[], networkId: string): Promise<Map<string, StaffStanding>> {
  if (staffIds.length === 0) return new Map();
  const rows = await rowsOf<{ id: string; name: string; disabled: boolean; in_network: boolean; roles: unknown }>(
    db,
    sql`SELECT s.id, s.name, s.disabled,
               (EXISTS (SELECT 1 FROM team_member tm JOIN team t ON t.id = tm.team_id
                        WHERE tm.staff_id = s.id AND t.network_id = ${networkId}::uuid)
                OR EXISTS (SELECT 1 FROM staff_role sr JOIN practice sp ON sp.id = sr.organisation_id
                           WHERE sr.staff_id = s.id AND sp.network_id = ${networkId}::uuid)) AS in_network,
               coalesce((SELECT array_agg(DISTINCT r.role) FROM staff_role r WHERE r.staff_id = s.id), '{}') AS roles
        FROM staff s WHERE s.id = ANY(${sql.param(staffIds)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, disabled: r.disabled, inNetwork: r.in_network, roles: textArray(r.roles) as StaffRole[] }]));
}

/** The series' chair and standing members, chair first, then the members by name. */
export async function seriesMembersOf(db: Db, seriesId: string): Promise<{ staffId: string; chair: boolean }[]> {
  const rows = await rowsOf<{ staff_id: string; chair: boolean }>(
    db,
    sql`SELECT m.staff_id, m.chair FROM (
          SELECT hs.chair_staff_id AS staff_id, true AS chair FROM huddle_series hs WHERE hs.id = ${seriesId}::uuid
          UNION ALL
          SELECT hsm.staff_id, false FROM huddle_series_member hsm JOIN huddle_series hs ON hs.id = hsm.series_id
          WHERE hsm.series_id = ${seriesId}::uuid AND hsm.staff_id <> hs.chair_staff_id) m
        JOIN staff s ON s.id = m.staff_id
        ORDER BY m.chair DESC, s.name, m.staff_id`,
  );
  return rows.map((r) => ({ staffId: r.staff_id, chair: r.chair }));
}

/** node-postgres parses text[]; PGlite may hand back the literal. */
function textArray(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  return String(value).replace(/^{|}$/g, '').split(',').filter(Boolean);
}
