/**
 * A meeting's agenda items in the database: read in their order with the person each is about,
 * written back in one statement (new people inserted, people still on it updated in place, so
 * what the meeting has recorded against an item keeps its item), and shown through the gate.
 */
import { type AgendaItem, type AgendaReason, type HuddleAgendaView, type AgendaItemView, ageOn, describeReason, plannedMinutes } from '@kith/core';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { AccessGate } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { shownOnAgenda } from './agenda-access.js';
import type { AgendaWindow } from './agenda-sources.js';
import type { HuddleSeriesRecord, MeetingRecord } from './queries.js';

/** An item as stored: core's AgendaItem with its row, the person it is about, and what the meeting recorded. */
export interface StoredAgendaItem extends AgendaItem {
  id: string;
  position: number;
  reviewed: boolean;
  discussAgainInWeeks: number | null;
  nextReviewOn: string | null;
  /** A note or a task names the item: it stays, whatever a rebuild finds. */
  referenced: boolean;
  person: { givenName: string; familyName: string; nhsNumber: string; dateOfBirth: string };
}

interface ItemRow {
  id: string;
  person_id: string;
  position: number;
  minutes: number | null;
  reasons: AgendaReason[] | string;
  carried_count: number;
  reviewed: boolean;
  discuss_again_in_weeks: number | null;
  next_review_on: string | null;
  referenced: boolean;
  given_name: string;
  family_name: string;
  nhs_number: string;
  date_of_birth: string;
}

/** The meeting's items in agenda order. */
export async function storedItems(tx: Db, meetingId: string): Promise<StoredAgendaItem[]> {
  const rows = await rowsOf<ItemRow>(
    tx,
    sql`SELECT ai.id, ai.person_id, ai.position, ai.minutes, ai.reasons, ai.carried_count, ai.reviewed, ai.discuss_again_in_weeks,
               ai.next_review_on::text AS next_review_on,
               (EXISTS (SELECT 1 FROM huddle_note n WHERE n.meeting_id = ai.meeting_id AND n.agenda_item_id = ai.id)
                OR EXISTS (SELECT 1 FROM task t WHERE t.meeting_id = ai.meeting_id AND t.agenda_item_id = ai.id)) AS referenced,
               p.given_name, p.family_name, p.nhs_number, p.date_of_birth::text AS date_of_birth
        FROM huddle_agenda_item ai JOIN person p ON p.id = ai.person_id
        WHERE ai.meeting_id = ${meetingId}::uuid
        ORDER BY ai.position, ai.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    position: row.position,
    minutes: row.minutes,
    reasons: typeof row.reasons === 'string' ? (JSON.parse(row.reasons) as AgendaReason[]) : row.reasons,
    carriedCount: row.carried_count,
    reviewed: row.reviewed,
    discussAgainInWeeks: row.discuss_again_in_weeks,
    nextReviewOn: row.next_review_on,
    referenced: row.referenced,
    person: { givenName: row.given_name, familyName: row.family_name, nhsNumber: row.nhs_number, dateOfBirth: row.date_of_birth },
  }));
}

/** Equal as JSON, whatever the order of keys (jsonb keeps its own order). */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Writes the agenda in the order given, touching only what changed: people no longer on it leave
 * (unless a note or task names their item: those stay, at the end), new people are inserted,
 * and people still on it are updated in place when their position, reasons, carried count or
 * time changed. A new item raised by hand keeps its SBAR and who wrote it. The caller holds the
 * meeting's row lock, so two writers take turns.
 */
export async function saveAgenda(tx: Db, meetingId: string, items: readonly AgendaItem[], current: readonly StoredAgendaItem[]): Promise<void> {
  const listed = new Set(items.map((item) => item.personId));
  const all = [...items, ...current.filter((item) => item.referenced && !listed.has(item.personId))];
  const kept = new Set(all.map((item) => item.personId));
  const gone = current.filter((item) => !kept.has(item.personId)).map((item) => item.id);
  if (gone.length > 0) await tx.execute(sql`DELETE FROM huddle_agenda_item WHERE id = ANY(${sql.param(gone)}::uuid[])`);
  const stored = new Map(current.map((item) => [item.personId, item]));
  const placed = all.map((item, index) => ({ item, position: index + 1, before: stored.get(item.personId) }));
  await insertItems(tx, meetingId, placed.filter((p) => !p.before));
  await updateItems(
    tx,
    placed.flatMap(({ item, position, before }) =>
      before && (before.position !== position || before.minutes !== item.minutes || before.carriedCount !== item.carriedCount || !sameJson(before.reasons, item.reasons))
        ? [{ id: before.id, item, position }]
        : [],
    ),
  );
}

async function insertItems(tx: Db, meetingId: string, rows: readonly { item: AgendaItem; position: number }[]): Promise<void> {
  if (rows.length === 0) return;
  const manual = rows.map(({ item }) => item.reasons.find((r) => r.kind === 'manual'));
  await tx.execute(sql`
    INSERT INTO huddle_agenda_item (id, meeting_id, person_id, position, minutes, reasons, carried_count, sbar, added_by)
    SELECT i.id, ${meetingId}::uuid, i.person_id, i.position, i.minutes, i.reasons::jsonb, i.carried_count, i.sbar::jsonb, i.added_by
    FROM unnest(${sql.param(rows.map(() => randomUUID()))}::uuid[], ${sql.param(rows.map(({ item }) => item.personId))}::uuid[],
                ${sql.param(rows.map(({ position }) => position))}::int[], ${sql.param(rows.map(({ item }) => item.minutes))}::int[],
                ${sql.param(rows.map(({ item }) => JSON.stringify(item.reasons)))}::text[], ${sql.param(rows.map(({ item }) => item.carriedCount))}::int[],
                ${sql.param(manual.map((r) => (r ? JSON.stringify(r.sbar) : null)))}::text[], ${sql.param(manual.map((r) => r?.addedBy ?? null))}::uuid[])
         AS i(id, person_id, position, minutes, reasons, carried_count, sbar, added_by)`);
}

async function updateItems(tx: Db, rows: readonly { id: string; item: AgendaItem; position: number }[]): Promise<void> {
  if (rows.length === 0) return;
  const manual = rows.map(({ item }) => item.reasons.find((r) => r.kind === 'manual'));
  await tx.execute(sql`
    UPDATE huddle_agenda_item ai
    SET position = u.position, minutes = u.minutes, reasons = u.reasons::jsonb, carried_count = u.carried_count,
        sbar = coalesce(ai.sbar, u.sbar::jsonb), added_by = coalesce(ai.added_by, u.added_by)
    FROM unnest(${sql.param(rows.map(({ id }) => id))}::uuid[], ${sql.param(rows.map(({ position }) => position))}::int[],
                ${sql.param(rows.map(({ item }) => item.minutes))}::int[], ${sql.param(rows.map(({ item }) => JSON.stringify(item.reasons)))}::text[],
                ${sql.param(rows.map(({ item }) => item.carriedCount))}::int[], ${sql.param(manual.map((r) => (r ? JSON.stringify(r.sbar) : null)))}::text[],
                ${sql.param(manual.map((r) => r?.addedBy ?? null))}::uuid[])
         AS u(id, position, minutes, reasons, carried_count, sbar, added_by)
    WHERE ai.id = u.id`);
}

function itemView(item: StoredAgendaItem, shown: boolean, meetingDate: string): AgendaItemView {
  const p = item.person;
  return {
    id: item.id,
    personId: item.personId,
    position: item.position,
    person: shown ? { name: `${p.givenName} ${p.familyName}`, nhsNumber: p.nhsNumber, dateOfBirth: p.dateOfBirth, age: ageOn(p.dateOfBirth, meetingDate) } : null,
    reasons: shown ? item.reasons.map((reason) => ({ description: describeReason(reason), reason })) : null,
    carriedCount: item.carriedCount,
    minutes: item.minutes,
    reviewed: item.reviewed,
    discussAgainInWeeks: item.discussAgainInWeeks,
    nextReviewOn: item.nextReviewOn,
  };
}

/** One item, shown: for the member who has just written it (the write was decided and recorded). */
export function writtenItemView(item: StoredAgendaItem, meetingDate: string): AgendaItemView {
  return itemView(item, true, meetingDate);
}

/**
 * The agenda as the reader may see it: every item, each person decided through the gate and
 * each one shown recorded (one read event per person); people not shown are counted.
 */
export async function agendaView(gate: AccessGate, tx: Db, series: HuddleSeriesRecord, meeting: MeetingRecord, window: AgendaWindow): Promise<HuddleAgendaView> {
  const items = await storedItems(tx, meeting.id);
  const shown = await shownOnAgenda(gate, items.map((item) => item.personId), meeting.id);
  return {
    meeting: {
      id: meeting.id,
      seriesId: series.id,
      seriesName: series.name,
      date: meeting.date,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      state: meeting.state,
      agendaBuiltAt: meeting.agendaBuiltAt?.toISOString() ?? null,
      version: meeting.version,
    },
    window,
    items: items.map((item) => itemView(item, shown.has(item.personId), meeting.date)),
    objectionsWithheld: meeting.objectionsWithheld,
    plannedMinutes: plannedMinutes(items),
    notShown: items.filter((item) => !shown.has(item.personId)).length,
  };
}
