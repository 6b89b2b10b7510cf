/**
 * A huddle's agenda, built for each meeting from what has happened since the last one. One item
 * per person, carrying every reason they are there (agenda-reasons.ts gives the reasons, their
 * order and their words).
 *
 * Carrying over: an item the previous meeting did not mark reviewed comes back, with its carried
 * count one higher, so a growing pile is visible; a reviewed item never comes back on that
 * account (the person may still be on the agenda for a new reason, with a count of 0).
 *
 * Objection: a person who has objected to being discussed at MDT meetings is never on an agenda,
 * whatever the reason, including items carried over from before they objected. The chair sees
 * only how many people were left off (`objectionsWithheld`), never who: the count tells the team
 * that somebody's care is being coordinated another way, without disclosing whose.
 *
 * The order of items is the array order. The chair may reorder them (`reorderAgenda`) and give
 * each a time (`setItemMinutes`); refreshing the agenda before the meeting keeps both.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { isIsoDate } from '../people/dates.js';
import {
  compareReasons,
  mergeReasons,
  type AgendaReason,
  type CandidateReason,
} from './agenda-reasons.js';
import { fieldProblemsOf, invalidInput } from '../input.js';
import { reviewDue } from './review.js';
import { sbarSchema } from './sbar.js';

export interface PreviousAgendaItem {
  personId: string;
  /** Marked reviewed at the previous meeting (discussed, or deliberately closed). */
  reviewed: boolean;
  /** How many meetings it had already been carried over when it came to that meeting. */
  carriedCount: number;
}

export interface AgendaCandidate {
  personId: string;
  reason: CandidateReason;
}

export interface AgendaInput {
  meeting: { id: string; date: string };
  /** The items of the series' previous meeting; empty for the first meeting. */
  previousItems: readonly PreviousAgendaItem[];
  /** Everything the sources found since the previous meeting; duplicates are fine. */
  candidates: readonly AgendaCandidate[];
  /** People who have objected to MDT discussion. */
  objectedPersonIds: Iterable<string>;
}

export interface AgendaItem {
  personId: string;
  /** Most pressing first, each said once. */
  reasons: AgendaReason[];
  /** Meetings in a row this person's item has not been reached; 0 when it is new. */
  carriedCount: number;
  /** Time set aside for the item, 1 to 60 minutes, or null when not set. */
  minutes: number | null;
}

export interface Agenda {
  meetingId: string;
  items: AgendaItem[];
  /** People left off because they objected to MDT discussion: a count, never who. */
  objectionsWithheld: number;
}

/** A review not yet due and a count of no open tasks are no reason to discuss anyone. */
function stillCounts(reason: CandidateReason, meetingDate: string): boolean {
  if (reason.kind === 'review_due' || reason.kind === 'plan_review_due') return reviewDue(reason.dueOn, meetingDate);
  if (reason.kind === 'open_tasks') return reason.count > 0;
  return true;
}

function compareItems(a: AgendaItem, b: AgendaItem): number {
  return compareReasons(a.reasons[0]!, b.reasons[0]!) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}

/** The agenda for a meeting, in its default order. */
export function buildAgenda(input: AgendaInput): Agenda {
  if (!isIsoDate(input.meeting.date)) throw DomainError.field('meeting.date', 'Must be a real date, written as YYYY-MM-DD');
  const objected = new Set(input.objectedPersonIds);
  const carried = new Map<string, number>();
  for (const previous of input.previousItems) {
    if (previous.reviewed) continue;
    carried.set(previous.personId, Math.max(carried.get(previous.personId) ?? 0, previous.carriedCount + 1));
  }
  const reasons = new Map<string, AgendaReason[]>();
  const add = (personId: string, reason: AgendaReason) => reasons.set(personId, [...(reasons.get(personId) ?? []), reason]);
  for (const [personId, meetings] of carried) add(personId, { kind: 'carried_over', meetings });
  for (const { personId, reason } of input.candidates) if (stillCounts(reason, input.meeting.date)) add(personId, reason);

  let objectionsWithheld = 0;
  const items: AgendaItem[] = [];
  for (const [personId, personReasons] of reasons) {
    if (objected.has(personId)) objectionsWithheld += 1;
    else items.push({ personId, reasons: mergeReasons(personReasons), carriedCount: carried.get(personId) ?? 0, minutes: null });
  }
  return { meetingId: input.meeting.id, items: items.sort(compareItems), objectionsWithheld };
}

/**
 * The agenda rebuilt before the meeting, keeping the chair's order and times: people still on
 * it keep their place and minutes with fresh reasons, people no longer on it leave, and new
 * people join at the end in their default order.
 */
export function refreshAgenda(current: readonly AgendaItem[], rebuilt: Agenda): Agenda {
  const fresh = new Map(rebuilt.items.map((item) => [item.personId, item]));
  const kept = current.flatMap((item) => {
    const now = fresh.get(item.personId);
    return now ? [{ ...now, minutes: item.minutes }] : [];
  });
  const known = new Set(current.map((item) => item.personId));
  return { ...rebuilt, items: [...kept, ...rebuilt.items.filter((item) => !known.has(item.personId))] };
}

/**
 * The items in the order given by person id. The list must name every item exactly once: a
 * repeat is invalid (400); an unknown or missing person means the agenda changed since it was
 * read (409, reload and reorder again).
 */
export function reorderAgenda<T extends { personId: string }>(items: readonly T[], personIdsInNewOrder: readonly string[]): T[] {
  const byPerson = new Map(items.map((item) => [item.personId, item]));
  const seen = new Set<string>();
  const repeats = personIdsInNewOrder.flatMap((id, index) => {
    const repeat = seen.has(id);
    seen.add(id);
    return repeat ? [{ field: `personIds.${index}`, reason: 'This person is listed twice' }] : [];
  });
  if (repeats.length > 0) throw invalidInput(repeats);
  const unknown = personIdsInNewOrder.flatMap((id, index) => (byPerson.has(id) ? [] : [{ field: `personIds.${index}`, reason: 'This person is not on the agenda' }]));
  const missing = items.filter((item) => !seen.has(item.personId)).map((item) => ({ field: 'personIds', reason: `Person ${item.personId} on the agenda is missing from the new order` }));
  if (unknown.length + missing.length > 0) {
    throw new DomainError('conflict', 'The agenda has changed since it was read: reload it and reorder again', [...unknown, ...missing]);
  }
  return personIdsInNewOrder.map((id) => byPerson.get(id)!);
}

export const AGENDA_ITEM_MINUTES = { min: 1, max: 60 } as const;

/** Time for one item, or null to clear it. */
export const agendaItemMinutesSchema = z
  .int('Give a whole number of minutes')
  .min(AGENDA_ITEM_MINUTES.min, `Give at least ${AGENDA_ITEM_MINUTES.min} minute`)
  .max(AGENDA_ITEM_MINUTES.max, `Give at most ${AGENDA_ITEM_MINUTES.max} minutes`)
  .nullable();

/** The items with one person's time set (or cleared with null). */
export function setItemMinutes<T extends { personId: string; minutes: number | null }>(items: readonly T[], personId: string, minutes: number | null): T[] {
  const parsed = agendaItemMinutesSchema.safeParse(minutes);
  if (!parsed.success) throw DomainError.field('minutes', parsed.error.issues[0]!.message);
  if (!items.some((item) => item.personId === personId)) {
    throw new DomainError('not_found', 'This person is not on the agenda', [{ field: 'personId', reason: 'This person is not on the agenda' }]);
  }
  return items.map((item) => (item.personId === personId ? { ...item, minutes: parsed.data } : item));
}

/** Minutes set aside across the agenda, to set against the meeting's length. */
export function plannedMinutes(items: readonly { minutes: number | null }[]): number {
  return items.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
}

const OBJECTED = 'This person has objected to being discussed at MDT meetings, so cannot be added to an agenda';

/** Refuses (409, naming `personId`) a person who objected to MDT discussion. */
export function assertNotObjected(personId: string, objectedPersonIds: Iterable<string>): void {
  if (new Set(objectedPersonIds).has(personId)) throw new DomainError('conflict', OBJECTED, [{ field: 'personId', reason: OBJECTED }]);
}

/** A member adding a person by hand: who, and the SBAR saying why. */
export const manualAgendaItemSchema = z.strictObject({
  personId: z.uuid('Choose a person'),
  sbar: sbarSchema,
});
export type ManualAgendaItem = z.infer<typeof manualAgendaItemSchema>;

/** Checks a manual item: its fields (400), then the person's objection (409). */
export function parseManualAgendaItem(input: unknown, objectedPersonIds: Iterable<string>): ManualAgendaItem {
  const parsed = manualAgendaItemSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldProblemsOf(parsed.error));
  assertNotObjected(parsed.data.personId, objectedPersonIds);
  return parsed.data;
}

/**
 * Adds a reason to an agenda already built (a manual item during the week, say): to the
 * person's item when they are on it, otherwise as a new item at the end, where the chair will
 * see it. Refuses a person who objected.
 */
export function addAgendaReason(
  items: readonly AgendaItem[],
  personId: string,
  reason: CandidateReason,
  objectedPersonIds: Iterable<string>,
): AgendaItem[] {
  assertNotObjected(personId, objectedPersonIds);
  if (!items.some((item) => item.personId === personId)) return [...items, { personId, reasons: [reason], carriedCount: 0, minutes: null }];
  return items.map((item) => (item.personId === personId ? { ...item, reasons: mergeReasons([...item.reasons, reason]) } : item));
}
