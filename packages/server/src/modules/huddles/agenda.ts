/**
 * A meeting's agenda: built from its sources (agenda-sources.ts) by core's buildAgenda, or
 * refreshed by core's refreshAgenda keeping the order and times already set; people added by
 * hand with an SBAR; reordered; a time set per item; read. Each in one transaction, through the
 * gate: the agenda lists people, so each person listed is decided and recorded (agenda-access.ts).
 *
 * Who: members of the series' network in a care role build, add to and read agendas; the chair,
 * the standing members and the network's leads arrange them. A person who objects to MDT
 * discussion is never on one (counted, not named), and adding them by hand is refused with 409
 * naming `personId`, with nothing written. A closed or cancelled meeting's agenda is not changed
 * (409, core's assertEditable), before the database's own freeze would refuse it.
 */
import {
  type Agenda,
  type AgendaCandidate,
  type AgendaItemView,
  type AgendaOrder,
  type HuddleAgendaView,
  type ManualAgendaItem,
  DomainError,
  addAgendaReason,
  assertEditable,
  buildAgenda,
  parseManualAgendaItem,
  refreshAgenda,
  reorderAgenda,
  setItemMinutes,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { agendaWindow, objectorsAmong, openTaskCounts, previousItemsOf, sourceCandidates, type AgendaWindow } from './agenda-sources.js';
import { agendaView, saveAgenda, storedItems, writtenItemView, type StoredAgendaItem } from './agenda-store.js';
import { requireMeetingDay } from './calendar.js';
import { HUDDLE_CARE_ROLES, requireAgendaArranger, requireNetworkMember } from './membership.js';
import { meetingOn, practicesServed, previousMeeting, seriesById, storedMeeting, type HuddleSeriesRecord, type MeetingRecord } from './queries.js';

const HUDDLE_NOTES = { kind: 'huddle_notes' } as const;

interface OpenedMeeting {
  series: HuddleSeriesRecord;
  meeting: MeetingRecord;
}

interface OpenOptions {
  what: string;
  /** Store the meeting if it is not yet (building an agenda, adding to it). */
  create: boolean;
  arrange?: boolean;
  action?: 'read' | 'write';
}

/** The series and its meeting on the day, locked; the reader checked; a change refused once the meeting is closed. */
export async function openMeeting(gate: AccessGate, tx: Db, seriesId: string, date: string, options: OpenOptions): Promise<OpenedMeeting> {
  const series = await seriesById(tx, seriesId);
  const action = options.action ?? 'write';
  await requireNetworkMember(gate, tx, series.networkId, { what: options.what, roles: HUDDLE_CARE_ROLES, action, resourceType: 'huddle_agenda' });
  if (options.arrange) await requireAgendaArranger(gate, tx, series);
  const stored = await meetingOn(tx, series.id, date, action === 'write');
  requireMeetingDay(series, date, stored);
  const meeting = stored ?? (options.create ? await storedMeeting(tx, series, date) : undefined);
  if (!meeting) throw new DomainError('not_found', 'No agenda has been built for this meeting yet');
  if (action === 'write') assertEditable(meeting);
  return { series, meeting };
}

async function windowOf(tx: Db, series: HuddleSeriesRecord, date: string): Promise<AgendaWindow> {
  return agendaWindow(series, date, await previousMeeting(tx, series.id, date));
}

/** Everything the sources give, the previous meeting's items, open tasks and objections, through core's buildAgenda. */
async function assembleAgenda(tx: Db, opened: OpenedMeeting, previous: MeetingRecord | undefined, current: readonly StoredAgendaItem[]): Promise<Agenda> {
  const { series, meeting } = opened;
  const window = agendaWindow(series, meeting.date, previous);
  const practiceIds = await practicesServed(tx, series);
  const candidates: AgendaCandidate[] = await sourceCandidates(tx, { series, practiceIds, meetingDate: meeting.date, window });
  for (const item of current) {
    for (const reason of item.reasons) if (reason.kind === 'manual') candidates.push({ personId: item.personId, reason });
  }
  const previousItems = await previousItemsOf(tx, previous?.id);
  const people = new Set([...candidates.map((c) => c.personId), ...previousItems.filter((p) => !p.reviewed).map((p) => p.personId)]);
  const tasks = await openTaskCounts(tx, series, [...people]);
  for (const [personId, count] of tasks) candidates.push({ personId, reason: { kind: 'open_tasks', count } });
  const objectors = await objectorsAmong(tx, [...new Set([...people, ...tasks.keys()])]);
  return buildAgenda({ meeting: { id: meeting.id, date: meeting.date }, previousItems, candidates, objectedPersonIds: objectors });
}

/** Builds the meeting's agenda, or refreshes it keeping the order and times set; the agenda as now shown. */
export function buildMeetingAgenda(db: Db, context: AccessContext, seriesId: string, date: string): Promise<HuddleAgendaView> {
  return withAccess(db, context, async (gate, tx) => {
    const opened = await openMeeting(gate, tx, seriesId, date, { what: 'build its huddle agendas', create: true });
    const previous = await previousMeeting(tx, opened.series.id, date);
    const current = await storedItems(tx, opened.meeting.id);
    const agenda = await assembleAgenda(tx, opened, previous, current);
    const items = current.length > 0 ? refreshAgenda(current, agenda).items : agenda.items;
    await saveAgenda(tx, opened.meeting.id, items, current);
    await tx.execute(sql`UPDATE huddle_meeting SET agenda_built_at = ${gate.now.toISOString()}::timestamptz, objections_withheld = ${agenda.objectionsWithheld}
                         WHERE id = ${opened.meeting.id}::uuid`);
    const meeting = { ...opened.meeting, agendaBuiltAt: gate.now, objectionsWithheld: agenda.objectionsWithheld };
    return agendaView(gate, tx, opened.series, meeting, agendaWindow(opened.series, date, previous));
  });
}

/** The agenda of a meeting, each person decided and each one shown recorded. */
export function readMeetingAgenda(db: Db, context: AccessContext, seriesId: string, date: string): Promise<HuddleAgendaView> {
  return withAccess(db, context, async (gate, tx) => {
    const { series, meeting } = await openMeeting(gate, tx, seriesId, date, { what: 'see its huddle agendas', create: false, action: 'read' });
    return agendaView(gate, tx, series, meeting, await windowOf(tx, series, date));
  });
}

/**
 * A person added by a member, with an SBAR: writing to the agenda about them needs what writing
 * huddle notes about them needs (a relationship with the person). Refused with 409 naming
 * `personId` when they object to MDT discussion; then nothing is written.
 */
export function addManualItem(db: Db, context: AccessContext, seriesId: string, date: string, input: ManualAgendaItem): Promise<AgendaItemView> {
  return withAccess(db, context, async (gate, tx) => {
    const { series, meeting } = await openMeeting(gate, tx, seriesId, date, { what: 'add people to its huddle agendas', create: true });
    const personId = input.personId;
    await gate.require(personId, 'write', HUDDLE_NOTES, `huddle_meeting:${meeting.id}`);
    const { practiceId } = await gate.facts(personId);
    if (!practiceId || !(await practicesServed(tx, series)).includes(practiceId)) {
      throw DomainError.field('personId', `This person is not registered at a practice ${series.scope === 'practice' ? 'this huddle serves' : "of this huddle's network"}`);
    }
    const objectors = await objectorsAmong(tx, [personId]);
    const item = parseManualAgendaItem(input, objectors);
    const current = await storedItems(tx, meeting.id);
    const reason = { kind: 'manual' as const, sbar: item.sbar, addedBy: gate.actor.staffId, addedAt: gate.now.toISOString() };
    await saveAgenda(tx, meeting.id, addAgendaReason(current, personId, reason, objectors), current);
    const written = (await storedItems(tx, meeting.id)).find((stored) => stored.personId === personId)!;
    return writtenItemView(written, meeting.date);
  });
}

/** The agenda in the order given (every person on it, once); the agenda as now shown. */
export function reorderMeetingAgenda(db: Db, context: AccessContext, seriesId: string, date: string, order: AgendaOrder): Promise<HuddleAgendaView> {
  return withAccess(db, context, async (gate, tx) => {
    const { series, meeting } = await openMeeting(gate, tx, seriesId, date, { what: 'arrange its huddle agendas', create: false, arrange: true });
    const reordered = reorderAgenda(await storedItems(tx, meeting.id), order.personIds);
    await tx.execute(sql`
      UPDATE huddle_agenda_item ai SET position = t.position
      FROM unnest(${sql.param(reordered.map((item) => item.id))}::uuid[], ${sql.param(reordered.map((_, i) => i + 1))}::int[]) AS t(id, position)
      WHERE ai.id = t.id AND ai.position <> t.position`);
    return agendaView(gate, tx, series, meeting, await windowOf(tx, series, date));
  });
}

/** Time set aside for one person's item, or cleared with null; the agenda as now shown. */
export function setAgendaItemMinutes(db: Db, context: AccessContext, seriesId: string, date: string, personId: string, minutes: number | null): Promise<HuddleAgendaView> {
  return withAccess(db, context, async (gate, tx) => {
    const { series, meeting } = await openMeeting(gate, tx, seriesId, date, { what: 'arrange its huddle agendas', create: false, arrange: true });
    const items = setItemMinutes(await storedItems(tx, meeting.id), personId, minutes);
    const changed = items.find((item) => item.personId === personId)!;
    await rowsOf(tx, sql`UPDATE huddle_agenda_item SET minutes = ${changed.minutes} WHERE id = ${changed.id}::uuid`);
    return agendaView(gate, tx, series, meeting, await windowOf(tx, series, date));
  });
}
