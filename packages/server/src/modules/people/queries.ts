/** Reading and writing people with Drizzle; returns core's shapes, decides nothing. */
import type { ContactInput, Person, PersonCreate } from '@kith/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { network, organisation, person, personContact, practice } from '../../platform/db/schema.js';

type PersonRow = typeof person.$inferSelect;
type ContactRow = typeof personContact.$inferSelect;

export function toPerson(row: PersonRow, contacts: ContactRow[]): Person {
  const { createdAt, updatedAt, sex, ...rest } = row;
  return {
    ...rest,
    sex: sex as Person['sex'],
    contacts: contacts.map(({ personId: _p, position: _o, role, ...c }) => ({ ...c, role: role as ContactInput['role'] })),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export async function findPersonRow(db: Db, id: string) {
  const [row] = await db.select().from(person).where(eq(person.id, id));
  return row;
}

export async function findIdByNhsNumber(db: Db, nhsNumber: string): Promise<string | undefined> {
  const [row] = await db.select({ id: person.id }).from(person).where(eq(person.nhsNumber, nhsNumber));
  return row?.id;
}

export function contactsOf(db: Db, personId: string) {
  return db.select().from(personContact).where(eq(personContact.personId, personId)).orderBy(asc(personContact.position));
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

export async function practiceOfPerson(db: Db, practiceId: string | null) {
  if (!practiceId) return null;
  const [row] = await db
    .select({
      id: practice.id,
      name: organisation.name,
      odsCode: organisation.odsCode,
      addressLine1: practice.addressLine1,
      addressLine2: practice.addressLine2,
      town: practice.town,
      postcode: practice.postcode,
      phone: practice.phone,
      network: { id: network.id, name: network.name },
    })
    .from(practice)
    .innerJoin(organisation, eq(organisation.id, practice.id))
    .innerJoin(network, eq(network.id, practice.networkId))
    .where(eq(practice.id, practiceId));
  return row ?? null;
}

export async function practiceExists(db: Db, practiceId: string): Promise<boolean> {
  const [row] = await db.select({ id: practice.id }).from(practice).where(eq(practice.id, practiceId));
  return Boolean(row);
}
