/** Reading and writing contacts (home visits, calls); decides nothing. */
import type { ContactKind } from '@kith/core';
import { and, desc, eq, isNotNull, lte, type SQL } from 'drizzle-orm';
import { careContact, supportEpisode } from '../../platform/db/care-schema.js';
import type { Db } from '../../platform/db/client.js';
import { organisation, staff } from '../../platform/db/schema.js';

export interface ContactRow {
  id: string;
  personId: string;
  episodeId: string | null;
  kind: ContactKind;
  at: Date;
  minutes: number;
  note: string;
  recordedById: string;
  recordedByName: string;
  organisationId: string | null;
  organisationName: string | null;
  recordedAt: Date;
}

function selectContacts(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: careContact.id,
      personId: careContact.personId,
      episodeId: careContact.episodeId,
      kind: careContact.kind,
      at: careContact.at,
      minutes: careContact.minutes,
      note: careContact.note,
      recordedById: careContact.recordedBy,
      recordedByName: staff.name,
      organisationId: careContact.organisationId,
      organisationName: organisation.name,
      recordedAt: careContact.recordedAt,
    })
    .from(careContact)
    .innerJoin(staff, eq(staff.id, careContact.recordedBy))
    .leftJoin(organisation, eq(organisation.id, careContact.organisationId))
    .where(where)
    .orderBy(desc(careContact.at), desc(careContact.recordedAt), desc(careContact.id));
}

/** The person's contacts, newest first. */
export async function contactsOf(db: Db, personId: string): Promise<ContactRow[]> {
  const rows = await selectContacts(db, eq(careContact.personId, personId));
  return rows.map((r) => ({ ...r, kind: r.kind as ContactKind }));
}

export async function contactById(db: Db, id: string): Promise<ContactRow | undefined> {
  const [row] = await selectContacts(db, eq(careContact.id, id));
  return row && { ...row, kind: row.kind as ContactKind };
}

export async function insertContact(db: Db, row: typeof careContact.$inferInsert): Promise<void> {
  await db.insert(careContact).values(row);
}

/** When each of the person's home visits took place: what stops the referral-to-first-visit clock. */
export async function homeVisitTimes(db: Db, personId: string): Promise<Date[]> {
  const rows = await db
    .select({ at: careContact.at })
    .from(careContact)
    .where(and(eq(careContact.personId, personId), eq(careContact.kind, 'home_visit')));
  return rows.map((r) => r.at);
}

/**
 * A home visit made at or after the visit booked has made it: the booking is cleared, on the
 * episode the visit belongs to or, for a visit given no episode, on the person's episodes.
 */
export async function clearVisitsMade(db: Db, personId: string, episodeId: string | undefined, visitAt: Date): Promise<void> {
  await db
    .update(supportEpisode)
    .set({ nextVisitAt: null })
    .where(
      and(
        eq(supportEpisode.personId, personId),
        isNotNull(supportEpisode.nextVisitAt),
        lte(supportEpisode.nextVisitAt, visitAt),
        episodeId === undefined ? undefined : eq(supportEpisode.id, episodeId),
      ),
    );
}
