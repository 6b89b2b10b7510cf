/**
 * Support episodes through the gate: reading them is reading the person's summary, and opening,
 * changing or booking a visit is writing to it. Core decides every rule (which changes are
 * allowed, paused days, dates); this reads, checks the version the change was based on, writes
 * the episode at that version only, and keeps each change in the episode's history. Everything a
 * request does is one transaction, so a refusal or a bad input leaves nothing behind.
 */
import {
  DomainError,
  EPISODE_TYPE_LABELS,
  type EpisodeChange,
  type EpisodeChangeRequest,
  type EpisodeCreate,
  type EpisodeType,
  applyEpisodeChange,
  englandDate,
  newEpisode,
  parseEpisodeCreate,
} from '@kith/core';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import * as contacts from './contact-queries.js';
import { episodeView } from './episode-view.js';
import { timeOrderedId } from './ids.js';
import * as q from './queries.js';
import type { EpisodeView, NextVisit } from './schemas.js';

export const SUMMARY = { kind: 'summary' } as const;
const ASSESSMENT = { kind: 'assessment' } as const;

export const todayOf = (gate: AccessGate) => englandDate(gate.now);

export function listEpisodes(db: Db, context: AccessContext, personId: string): Promise<{ episodes: EpisodeView[] }> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', SUMMARY, 'support_episodes');
    const rows = await q.episodesOf(tx, personId);
    return { episodes: await viewsOf(gate, tx, personId, rows) };
  });
}

/**
 * Wellbeing scores are instrument results, part of the assessment: they are shown (and the
 * read recorded) only to roles that may read the assessment, not to every role that may read
 * the summary an episode belongs to.
 */
async function mayReadScores(gate: AccessGate, personId: string): Promise<boolean> {
  const decision = await gate.decide(personId, 'read', ASSESSMENT);
  if (decision.outcome !== 'content') return false;
  await gate.require(personId, 'read', ASSESSMENT, 'support_episodes');
  return true;
}

async function viewsOf(gate: AccessGate, tx: Db, personId: string, rows: q.EpisodeRow[]): Promise<EpisodeView[]> {
  const ids = rows.map((r) => r.id);
  // One after another: a transaction is one connection, which runs one statement at a time.
  const events = await q.historyOf(tx, ids);
  const scores = (await mayReadScores(gate, personId)) ? await q.wellbeingScoresOf(tx, ids) : [];
  const homeVisits = await contacts.homeVisitTimes(tx, personId);
  return rows.map((row) => episodeView(row, { events, scores, homeVisits }, todayOf(gate)));
}

async function viewOne(gate: AccessGate, tx: Db, personId: string, episodeId: string): Promise<EpisodeView> {
  const row = await requireEpisode(tx, personId, episodeId);
  const [view] = await viewsOf(gate, tx, personId, [row]);
  return view!;
}

async function requireEpisode(tx: Db, personId: string, episodeId: string): Promise<q.EpisodeRow> {
  const row = await q.episodeOf(tx, personId, episodeId);
  if (!row) throw new DomainError('not_found', 'This person has no support episode with this id');
  return row;
}

function duplicateEpisode(type: EpisodeType, existingId?: string): DomainError {
  return new DomainError(
    'duplicate',
    `${EPISODE_TYPE_LABELS[type]} is already open for this person: change or end that episode rather than starting another`,
    [{ field: 'type', reason: 'This person already has an open episode of this type' }],
    existingId ? { existingId } : {},
  );
}

/** Two episodes opened at once: the partial unique index keeps one, the other is told as the check would. */
async function oneOpenEpisode<T>(type: EpisodeType, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error, 'support_episode_open_key')) throw error;
    throw duplicateEpisode(type);
  }
}

/** Opens an episode: waiting, or active from a start date already past. */
export function openEpisode(db: Db, context: AccessContext, personId: string, body: EpisodeCreate): Promise<EpisodeView> {
  return oneOpenEpisode(body.type, () =>
    withAccess(db, context, async (gate, tx) => {
      const id = timeOrderedId();
      const decision = await gate.require(personId, 'write', SUMMARY, id);
      const today = todayOf(gate);
      const create = parseEpisodeCreate(body, today);
      if (create.referralId !== undefined && !(await q.isReferralOf(tx, personId, create.referralId))) {
        throw DomainError.field('referralId', 'This person has no referral with this id');
      }
      const existing = await q.openEpisodeId(tx, personId, create.type);
      if (existing) throw duplicateEpisode(create.type, existing);
      const episode = newEpisode(create);
      const by = gate.actor.staffId;
      await q.insertEpisode(tx, { ...episode, id, personId, organisationId: decision.grant?.organisationId ?? null, createdBy: by, createdAt: gate.now });
      const detail = `${EPISODE_TYPE_LABELS[episode.type]}, ${episode.plannedWeeks} weeks planned`;
      await q.insertEvent(tx, { id: timeOrderedId(), episodeId: id, change: 'created', toStatus: episode.status, detail, on: episode.startOn ?? today, by, at: gate.now });
      return viewOne(gate, tx, personId, id);
    }),
  );
}

function staleEpisode(sent: number, current?: number): DomainError {
  const now = current === undefined ? 'it has changed since' : `it is now version ${current}`;
  return new DomainError(
    'conflict',
    `Someone changed this episode after you opened it (you had version ${sent}, ${now}). Nothing has been saved: reload, check what changed and try again.`,
    [{ field: 'version', reason: current === undefined ? 'Stale: the episode has changed' : `Stale: the episode is at version ${current}` }],
    current === undefined ? {} : { currentVersion: current },
  );
}

/** Applies one change made today, at the version the coordinator read. */
export function changeEpisode(db: Db, context: AccessContext, personId: string, episodeId: string, request: EpisodeChangeRequest): Promise<EpisodeView> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'write', SUMMARY, episodeId);
    const before = await requireEpisode(tx, personId, episodeId);
    if (request.version !== before.version) throw staleEpisode(request.version, before.version);
    const today = todayOf(gate);
    const after = applyEpisodeChange(before, request, today);
    // Someone else's change between our read and this write: the row is no longer at our version.
    if (!(await q.updateEpisode(tx, episodeId, request.version, after))) throw staleEpisode(request.version);
    await q.insertEvent(tx, { id: timeOrderedId(), episodeId, by: gate.actor.staffId, at: gate.now, ...changeEvent(before, after, request, today) });
    return viewOne(gate, tx, personId, episodeId);
  });
}

/** What the history keeps of a change: the reason, the note or what changed, and the day it took effect. */
function changeEvent(before: q.EpisodeRow, after: q.EpisodeRow, change: EpisodeChange, today: string) {
  const common = { change: change.kind, fromStatus: before.status, toStatus: after.status };
  switch (change.kind) {
    case 'start':
      return { ...common, on: after.startOn };
    case 'pause':
      return { ...common, reason: change.reason, detail: after.pauseNote, on: today };
    case 'end':
      return { ...common, reason: change.reason, detail: after.endNote, on: after.endedOn };
    case 'change_length':
      return { ...common, detail: `From ${before.plannedWeeks} to ${after.plannedWeeks} weeks`, on: today };
    case 'write_exit_plan':
      return { ...common, detail: after.exitPlan, on: today };
    case 'resume':
      return { ...common, on: today };
  }
}

/**
 * Books the next home visit, or clears it. A booking is an arrangement, not a change to the
 * course of the episode: it keeps the episode's version (a pause made from the same screen is
 * not refused as stale) and stays out of the episode's history, which the shared timeline shows
 * to everyone; who booked it is in the audit log, as the gate's write event naming the episode.
 */
export function bookNextVisit(db: Db, context: AccessContext, personId: string, episodeId: string, body: NextVisit): Promise<EpisodeView> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'write', SUMMARY, episodeId);
    const row = await requireEpisode(tx, personId, episodeId);
    const at = body.at === null ? null : new Date(body.at);
    const replaces = body.replaces === null ? null : new Date(body.replaces);
    if (at !== null && at.getTime() <= gate.now.getTime()) throw DomainError.field('at', 'Book the visit for a time still to come');
    // Already as asked: nothing to change, whoever made it so.
    if (at?.getTime() === row.nextVisitAt?.getTime()) return viewOne(gate, tx, personId, episodeId);
    if (row.status === 'ended') throw endedEpisode();
    if (!(await q.setNextVisit(tx, episodeId, at, replaces))) throw bookedSince(await requireEpisode(tx, personId, episodeId));
    return viewOne(gate, tx, personId, episodeId);
  });
}

const ENGLAND_DATE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' });
const englandDateTimeWords = (at: Date) => ENGLAND_DATE_TIME.format(at);

/** Someone else booked, changed or cancelled the visit since it was read: say how it stands now. */
function bookedSince(row: q.EpisodeRow): DomainError {
  if (row.status === 'ended') return endedEpisode();
  const now = row.nextVisitAt ? `it is now booked for ${englandDateTimeWords(row.nextVisitAt)}` : 'it is now cancelled';
  const reason = `Someone changed the next home visit since you read it: ${now}. Check with them before booking again`;
  return new DomainError('conflict', reason, [{ field: 'replaces', reason }]);
}

function endedEpisode(): DomainError {
  const reason = 'This episode has ended: there is no next visit to book';
  return new DomainError('conflict', reason, [{ field: 'episodeId', reason }]);
}
