/**
 * People in the registry. Each write is one transaction: check the rules, save, and (from the
 * access issue on) record the audit event, so a refused request writes nothing.
 */
import { randomUUID } from 'node:crypto';
import {
  type Person,
  type PersonCreate,
  type PersonSearch,
  type PersonUpdate,
  DomainError,
  dateOfBirthProblem,
  isoDateOf,
} from '@kith/core';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import * as q from './queries.js';
import { searchPeople as searchQuery } from './search-query.js';

export type PersonRecord = Person & { practice: Awaited<ReturnType<typeof q.practiceOfPerson>> };

export async function readPerson(db: Db, id: string): Promise<PersonRecord> {
  const row = await q.findPersonRow(db, id);
  if (!row) throw new DomainError('not_found', 'No person has this id');
  const [contacts, practice] = await Promise.all([q.contactsOf(db, id), q.practiceOfPerson(db, row.registeredPracticeId)]);
  return { ...q.toPerson(row, contacts), practice };
}

export function searchPeople(db: Db, search: PersonSearch) {
  return searchQuery(db, search);
}

export async function createPerson(db: Db, input: PersonCreate, now: Date): Promise<PersonRecord> {
  const { contacts, ...fields } = input;
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await checkFields(tx, fields, now);
    await refuseDuplicateNhsNumber(tx, fields.nhsNumber, undefined);
    await withDuplicateAsConflict(tx, fields.nhsNumber, () => q.insertPerson(tx, id, fields, now));
    await q.replaceContacts(tx, id, contacts, randomUUID);
  });
  return readPerson(db, id);
}

export async function updatePerson(db: Db, id: string, input: PersonUpdate, now: Date): Promise<PersonRecord> {
  const { contacts, version, ...fields } = input;
  await db.transaction(async (tx) => {
    await checkFields(tx, fields, now);
    if (fields.nhsNumber) await refuseDuplicateNhsNumber(tx, fields.nhsNumber, id);
    const updated = await withDuplicateAsConflict(tx, fields.nhsNumber, () =>
      q.updatePersonAtVersion(tx, id, version, fields, now),
    );
    if (!updated) await explainMissedUpdate(tx, id, version);
    if (contacts) await q.replaceContacts(tx, id, contacts, randomUUID);
  });
  return readPerson(db, id);
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
