/**
 * People in the registry. Every read, search hit and write goes through the access gate in one
 * transaction: decide, do the work, record the audit event; a refused request writes nothing
 * but the record of its refusal.
 */
import { randomUUID } from 'node:crypto';
import {
  type AuditEvent,
  type Person,
  type PersonCreate,
  type PersonSearch,
  type PersonUpdate,
  DomainError,
  dateOfBirthProblem,
  isoDateOf,
} from '@kith/core';
import { type AccessContext, type AccessGate, type GateDecision, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { careTeamMember } from '../../platform/db/schema.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import * as q from './queries.js';
import { type NamedCoordinator, readPersonRecord, type RecordRow, type RegisteredPractice } from './record-query.js';
import { searchPeople as searchQuery } from './search-query.js';

/** How the reader came to see this record: shown on the person page (the emergency access banner). */
export interface RecordAccess {
  basis: string | null;
  breakGlass: { reason: string; expiresAt: string } | null;
}

export type PersonRecord = Person & { practice: RegisteredPractice | null; namedCoordinator: NamedCoordinator | null; access: RecordAccess };

/** Demographics and contacts are the person's contact details in the access policy. */
export const DEMOGRAPHICS = { kind: 'contact_details' } as const;

/**
 * The gate's facts, then the record and its audit event in one statement: no BEGIN and COMMIT,
 * which matters on the commonest request there is.
 */
export function readPerson(db: Db, context: AccessContext, id: string): Promise<PersonRecord> {
  return withAccess(
    db,
    context,
    async (gate, statement) => {
      const { decision, event } = await gate.requireInStatement(id, 'read', DEMOGRAPHICS);
      return loadRecord(statement, id, decision, event);
    },
    { oneStatement: true },
  );
}

async function loadRecord(db: Db, id: string, decision: GateDecision, audit?: AuditEvent): Promise<PersonRecord> {
  return personRecordOf(await readPersonRecord(db, id, audit), decision);
}

/** The record as the reader sees it, with how they came to; 404 when no person was found. */
export function personRecordOf(row: RecordRow | undefined, decision: GateDecision): PersonRecord {
  if (!row) throw new DomainError('not_found', 'No person has this id');
  return { ...row, access: recordAccess(decision) };
}

function recordAccess(decision: GateDecision): RecordAccess {
  const grant = decision.breakGlass ? decision.facts?.breakGlass : null;
  return {
    basis: decision.basis,
    breakGlass: grant ? { reason: grant.reason, expiresAt: grant.expiresAt.toISOString() } : null,
  };
}

/**
 * One page of matches; each person shown is one search event, and hits the reader may not see
 * are left out. When one decision covers every hit (all but volunteers), the search and its
 * events are one statement, without BEGIN and COMMIT: person search is the busiest request there
 * is, and each round trip to the database costs it.
 */
export async function searchPeople(db: Db, context: AccessContext, search: PersonSearch) {
  // Decided before anything is read; a role that may not search is refused (and recorded) here.
  const event = await withAccess(db, context, async (gate) => gate.uniformSearchEvent(), { oneStatement: true });
  if (event) return withAccess(db, context, (_gate, statement) => searchQuery(statement, search, event), { oneStatement: true });
  return withAccess(db, context, async (gate, tx) => {
    const page = await searchQuery(tx, search);
    return { ...page, items: await gate.searchHits(page.items) };
  });
}

/**
 * Registering a person: the role must allow writing contact details, and whoever registers
 * them joins their care team, which is the relationship the write is then decided on.
 */
export function createPerson(db: Db, context: AccessContext, input: PersonCreate): Promise<PersonRecord> {
  const { contacts, ...fields } = input;
  const id = randomUUID();
  const now = context.now;
  return withAccess(db, context, async (gate, tx) => {
    const grant = registeringGrant(gate);
    await checkFields(tx, fields, now);
    await refuseDuplicateNhsNumber(tx, fields.nhsNumber, undefined);
    await withDuplicateAsConflict(tx, fields.nhsNumber, () => q.insertPerson(tx, id, fields, now));
    await q.replaceContacts(tx, id, contacts, randomUUID);
    await tx.insert(careTeamMember).values({
      personId: id,
      staffId: gate.actor.staffId,
      organisationId: grant.organisationId,
      responsibility: 'Registered this person',
      addedBy: gate.actor.staffId,
      addedAt: now,
    });
    const decision = await gate.require(id, 'write', DEMOGRAPHICS);
    return loadRecord(tx, id, decision);
  });
}

/** The first of the actor's roles that may write contact details; refused (403, audited) when none may. */
function registeringGrant(gate: AccessGate) {
  return gate.requireRoleCovering('write', 'identity');
}

export function updatePerson(db: Db, context: AccessContext, id: string, input: PersonUpdate): Promise<PersonRecord> {
  const { contacts, version, ...fields } = input;
  const now = context.now;
  return withAccess(db, context, async (gate, tx) => {
    const decision = await gate.require(id, 'write', DEMOGRAPHICS);
    await checkFields(tx, fields, now);
    if (fields.nhsNumber) await refuseDuplicateNhsNumber(tx, fields.nhsNumber, id);
    const updated = await withDuplicateAsConflict(tx, fields.nhsNumber, () => q.updatePersonAtVersion(tx, id, version, fields, now));
    if (!updated) await explainMissedUpdate(tx, id, version);
    if (contacts) await q.replaceContacts(tx, id, contacts, randomUUID);
    return loadRecord(tx, id, decision);
  });
}

async function checkFields(db: Db, fields: Partial<q.PersonColumns>, now: Date) {
  if (fields.dateOfBirth) {
    const problem = dateOfBirthProblem(fields.dateOfBirth, isoDateOf(now));
    if (problem) throw DomainError.field('dateOfBirth', problem);
  }
  if (fields.registeredPracticeId && !(await q.practiceExists(db, fields.registeredPracticeId))) {
    throw DomainError.field('registeredPracticeId', 'No GP practice has this id');
  }
}

function duplicate(nhsNumber: string, existingId: string | undefined): DomainError {
  return new DomainError(
    'duplicate',
    'A person with this NHS number is already registered',
    [{ field: 'nhsNumber', reason: 'Already registered to another person' }],
    { existingId },
  );
}

async function refuseDuplicateNhsNumber(db: Db, nhsNumber: string, selfId: string | undefined) {
  const existingId = await q.findIdByNhsNumber(db, nhsNumber);
  if (existingId && existingId !== selfId) throw duplicate(nhsNumber, existingId);
}

/** Two requests racing past the check meet the unique index; the loser gets the same 409. */
async function withDuplicateAsConflict<T>(db: Db, nhsNumber: string | undefined, write: () => Promise<T>) {
  try {
    return await write();
  } catch (error) {
    if (nhsNumber && isUniqueViolation(error, 'person_nhs_number_key')) throw duplicate(nhsNumber, undefined);
    throw error;
  }
}

async function explainMissedUpdate(db: Db, id: string, version: number): Promise<never> {
  const current = await q.findPersonRow(db, id);
  if (!current) throw new DomainError('not_found', 'No person has this id');
  throw new DomainError(
    'conflict',
    `This record was changed by someone else after you opened it (you had version ${version}, it is now version ${current.version}). Reload it and make your change again.`,
    [{ field: 'version', reason: `Stale: the record is at version ${current.version}` }],
    { currentVersion: current.version },
  );
}
