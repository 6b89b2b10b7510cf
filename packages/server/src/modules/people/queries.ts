/** Reading and writing people with Drizzle; returns core's shapes, decides nothing. */
import type { ContactInput, PersonCreate } from '@kith/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { person, personContact, practice } from '../../platform/db/schema.js';

export async function findPersonRow(db: Db, id: string) {
  const [row] = await db.select().from(person).where(eq(person.id, id));
  return row;
}

export async function findIdByNhsNumber(db: Db, nhsNumber: string): Promise<string | undefined> {
  const [row] = await db.select({ id: person.id }).from(person).where(eq(person.nhsNumber, nhsNumber));
  return row?.id;
}

export async function replaceContacts(db: Db, personId: string, contacts: ContactInput[], newId: () => string) {
  await db.delete(personContact).where(eq(personContact.personId, personId));
  if (contacts.length === 0) return;
  await db.insert(personContact).values(
    contacts.map((c, position) => ({
      id: newId(),
      personId,
      position,
      name: c.name,
      role: c.role,
      relationship: c.relationship,
      phone: c.phone ?? null,
      email: c.email ?? null,
      isNextOfKin: c.isNextOfKin,
      maySeePlan: c.maySeePlan,
    })),
  );
}

export type PersonColumns = Omit<PersonCreate, 'contacts'>;

export async function insertPerson(db: Db, id: string, fields: PersonColumns, now: Date) {
  const [row] = await db
    .insert(person)
    .values({ ...fields, id, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

/** Applies an update only if the row is still at the version the caller read. */
export async function updatePersonAtVersion(
  db: Db,
  id: string,
  version: number,
  fields: Partial<PersonColumns>,
  now: Date,
) {
  const [row] = await db
    .update(person)
    .set({ ...fields, version: sql`${person.version} + 1`, updatedAt: now })
    .where(and(eq(person.id, id), eq(person.version, version)))
    .returning();
  return row;
}

export async function practiceExists(db: Db, practiceId: string): Promise<boolean> {
  const [row] = await db.select({ id: practice.id }).from(practice).where(eq(practice.id, practiceId));
  return Boolean(row);
}
