/**
 * Referrals to a network, through the gate. Making one is writing to the person's summary (the
 * referrer needs a relationship); the network's members triage, accept or decline, start and
 * close it, each move recorded with who and when. Lists name people, so each person shown is
 * decided and audited; a person the gate does not open to the reader is listed without name
 * or reason. At most one referral per person and network is open (the database refuses a
 * second, and the race is answered like the check).
 */
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type ReferralCreate,
  type ReferralDetail,
  type ReferralFirstContact,
  type ReferralInboxQuery,
  type ReferralMove,
  type ReferralView,
  addWorkingDays,
  englandDate,
  referralMoveProblem,
} from '@kith/core';
import { and, eq, sql } from 'drizzle-orm';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { referral, referralEvent } from '../../platform/db/schema.js';
import * as q from './queries.js';

const SUMMARY = { kind: 'summary' } as const;

export interface ReferralSettings {
  /** First contact is due this many working days after the day received. */
  firstContactWorkingDays: number;
}

const today = (gate: AccessGate) => englandDate(gate.now);

export function createReferral(db: Db, context: AccessContext, input: ReferralCreate, settings: ReferralSettings): Promise<ReferralDetail> {
  return oneOpen(() =>
    withAccess(db, context, async (gate, tx) => {
      const decision = await gate.require(input.personId, 'write', SUMMARY, 'referral');
      const facts = await gate.facts(input.personId);
      if (facts.networkId !== input.networkId) {
        throw DomainError.field(
          'networkId',
          facts.networkId ? "Refer the person to their practice's network" : 'The person has no registered practice, so belongs to no network',
        );
      }
      const existing = await q.openReferralId(tx, input.personId, input.networkId);
      if (existing) throw duplicate(existing);
      const id = randomUUID();
      const received = englandDate(gate.now);
      await tx.insert(referral).values({
        id,
        personId: input.personId,
        networkId: input.networkId,
        status: 'received',
        createdAt: gate.now,
        source: input.source,
        reason: input.reason,
        caseFindingReasons: input.caseFindingReasons || null,
        referredBy: gate.actor.staffId,
        referredByOrganisationId: decision.grant?.organisationId ?? null,
        firstContactDue: addWorkingDays(received, settings.firstContactWorkingDays),
        version: 1,
        updatedAt: gate.now,
      });
      await tx.insert(referralEvent).values({ id: randomUUID(), referralId: id, fromState: null, toState: 'received', staffId: gate.actor.staffId, at: gate.now, version: 1 });
      gate.refresh(input.personId);
      return detail(tx, id, today(gate));
    }),
  );
}

function duplicate(existingId: string): DomainError {
  return new DomainError('duplicate', 'This person already has an open referral to this network', [], { existingId });
}

/** Two referrals made at once: the partial unique index keeps one, the other is told as the check would. */
async function oneOpen<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error, 'referral_open_key')) throw error;
    throw new DomainError('duplicate', 'This person already has an open referral to this network');
  }
}

async function detail(db: Db, id: string, day: string): Promise<ReferralDetail> {
  const row = await q.referralById(db, id);
  if (!row) throw new DomainError('not_found', 'No referral has this id');
  return { ...q.viewOf(row, day, true), history: await q.historyOf(db, id) };
}

/** Only the network's members work its referrals; a refusal is recorded like any other. */
async function requireMember(gate: AccessGate, tx: Db, networkId: string, what: string, action: 'read' | 'write' = 'write'): Promise<void> {
  if (await q.isNetworkMember(tx, gate.actor.staffId, networkId)) return;
  const reason = `Only members of this network (a place on one of its teams, or a role at one of its practices) can ${what}.`;
  gate.refuseOutright({ action, resourceType: action === 'read' ? 'referral_inbox' : 'referral', resourceId: networkId, reason, code: 'not_network_member' });
}

/**
 * Rows naming people: each person is decided (read of the summary) and, when shown, audited
 * once however many of their referrals are listed.
 */
async function shownViews(gate: AccessGate, rows: q.ReferralRow[]): Promise<ReferralView[]> {
  const day = today(gate);
  const recorded = new Set<string>();
  const views: ReferralView[] = [];
  for (const row of rows) {
    const decision = await gate.decide(row.person_id, 'read', SUMMARY);
    if (decision.allowed && !recorded.has(row.person_id)) {
      recorded.add(row.person_id);
      gate.recordEvent(gate.event(decision, { personId: row.person_id, action: 'read', resourceKind: 'summary', resourceId: row.id }));
    }
    views.push(q.viewOf(row, day, decision.allowed));
  }
  return views;
}

export function listInbox(db: Db, context: AccessContext, query: ReferralInboxQuery): Promise<ReferralView[]> {
  return withAccess(db, context, async (gate, tx) => {
    await requireMember(gate, tx, query.networkId, "see this network's referrals", 'read');
    return shownViews(gate, await q.inboxRows(tx, query, today(gate)));
  });
}

export function listSent(db: Db, context: AccessContext): Promise<ReferralView[]> {
  return withAccess(db, context, async (gate, tx) => shownViews(gate, await q.sentRows(tx, gate.actor.staffId)));
}

export function listForPerson(db: Db, context: AccessContext, personId: string): Promise<ReferralView[]> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', SUMMARY, 'referrals');
    const day = today(gate);
    return (await q.personRows(tx, personId)).map((row) => q.viewOf(row, day, true));
  });
}

export function listNetworks(db: Db, context: AccessContext) {
  return withAccess(db, context, async (gate, tx) => q.networksOf(tx, gate.actor.staffId));
}

async function loaded(tx: Db, id: string): Promise<q.ReferralRow> {
  const row = await q.referralById(tx, id);
  if (!row) throw new DomainError('not_found', 'No referral has this id');
  return row;
}

export function readReferral(db: Db, context: AccessContext, id: string): Promise<ReferralDetail> {
  return withAccess(db, context, async (gate, tx) => {
    const row = await loaded(tx, id);
    await gate.require(row.person_id, 'read', SUMMARY, id);
    return detail(tx, id, today(gate));
  });
}

function stale(sent: number, current: number): DomainError {
  return new DomainError(
    'conflict',
    `This referral was changed by someone else after you opened it (you had version ${sent}, it is now version ${current}). Reload it and try again.`,
    [{ field: 'version', reason: `Stale: the referral is at version ${current}` }],
    { currentVersion: current },
  );
}

/** Raises the version only if it is still the one the caller read; otherwise 409 with the current one. */
async function bump(tx: Db, gate: AccessGate, row: q.ReferralRow, sent: number, set: Partial<typeof referral.$inferInsert>): Promise<void> {
  const updated = await tx
    .update(referral)
    .set({ ...set, version: sql`${referral.version} + 1`, updatedAt: gate.now })
    .where(and(eq(referral.id, row.id), eq(referral.version, sent)))
    .returning({ id: referral.id });
  if (updated.length === 0) throw stale(sent, (await loaded(tx, row.id)).version);
}

export function moveReferral(db: Db, context: AccessContext, id: string, move: ReferralMove): Promise<ReferralDetail> {
  return withAccess(db, context, async (gate, tx) => {
    const row = await loaded(tx, id);
    await gate.require(row.person_id, 'write', SUMMARY, id);
    await requireMember(gate, tx, row.network_id, "move this network's referrals");
    if (row.version !== move.version) throw stale(move.version, row.version);
    const problem = referralMoveProblem(row.status, move.to);
    if (problem) throw new DomainError('conflict', problem, [{ field: 'to', reason: problem }]);
    await bump(tx, gate, row, move.version, {
      status: move.to,
      ...(move.to === 'declined' ? { declineReason: move.declineReason } : {}),
      ...(move.to === 'closed' ? { outcome: move.outcome, outcomeNote: move.note || null } : {}),
    });
    const note = move.to === 'declined' ? move.declineReason : move.note;
    await tx.insert(referralEvent).values({ id: randomUUID(), referralId: id, fromState: row.status, toState: move.to, staffId: gate.actor.staffId, at: gate.now, note: note || null, version: move.version + 1 });
    gate.refresh(row.person_id);
    return detail(tx, id, today(gate));
  });
}

export function recordFirstContact(db: Db, context: AccessContext, id: string, input: ReferralFirstContact): Promise<ReferralDetail> {
  return withAccess(db, context, async (gate, tx) => {
    const row = await loaded(tx, id);
    await gate.require(row.person_id, 'write', SUMMARY, id);
    await requireMember(gate, tx, row.network_id, 'record contact on its referrals');
    if (row.version !== input.version) throw stale(input.version, row.version);
    if (row.first_contact_at !== null) throw new DomainError('conflict', 'First contact is already recorded for this referral');
    if (row.status === 'declined' || row.status === 'closed') {
      throw new DomainError('conflict', `A ${row.status} referral is finished: first contact cannot be recorded`);
    }
    const at = input.at ? new Date(input.at) : gate.now;
    if (at.getTime() > gate.now.getTime()) throw DomainError.field('at', 'First contact cannot be in the future');
    if (at.getTime() < new Date(row.created_at).getTime()) throw DomainError.field('at', 'First contact cannot be before the referral was received');
    await bump(tx, gate, row, input.version, { firstContactAt: at });
    const note = ['First contact made', input.note].filter(Boolean).join(': ');
    await tx.insert(referralEvent).values({ id: randomUUID(), referralId: id, fromState: row.status, toState: row.status, staffId: gate.actor.staffId, at: gate.now, note, version: input.version + 1 });
    return detail(tx, id, today(gate));
  });
}
