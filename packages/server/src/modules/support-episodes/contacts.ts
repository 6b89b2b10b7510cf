/**
 * Contacts with the person (home visits, phone and video calls) through the gate. A contact
 * carries a note, so it is a record entry: reading the list is one audit event, and each contact
 * written by another organisation is shown only when the person agreed to sharing across the
 * alliance, as any entry in the shared record. A home visit made once the booked visit was due
 * is that visit: the booking is cleared.
 */
import { CONTACT_KIND_LABELS, type ContactRecordInput, DomainError, contactTitle, parseContactRecord } from '@kith/core';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import * as c from './contact-queries.js';
import { timeOrderedId } from './ids.js';
import * as q from './queries.js';
import type { ContactView } from './schemas.js';

const RECORD_ENTRY = { kind: 'record_entry' } as const;

function contactView(row: c.ContactRow): ContactView {
  return {
    id: row.id,
    personId: row.personId,
    episodeId: row.episodeId,
    kind: row.kind,
    kindLabel: CONTACT_KIND_LABELS[row.kind],
    title: contactTitle(row),
    at: row.at.toISOString(),
    minutes: row.minutes,
    note: row.note,
    recordedBy: { staffId: row.recordedById, name: row.recordedByName },
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** Records a contact that has happened; its time is checked against the request's clock. */
export function recordContact(db: Db, context: AccessContext, personId: string, body: ContactRecordInput): Promise<ContactView> {
  return withAccess(db, context, async (gate, tx) => {
    const id = timeOrderedId();
    const decision = await gate.require(personId, 'write', RECORD_ENTRY, id);
    const contact = parseContactRecord(body, gate.now);
    if (contact.episodeId !== undefined && !(await q.episodeOf(tx, personId, contact.episodeId))) {
      throw DomainError.field('episodeId', 'This person has no support episode with this id');
    }
    const at = new Date(contact.at);
    await c.insertContact(tx, {
      id,
      personId,
      episodeId: contact.episodeId ?? null,
      kind: contact.kind,
      at,
      minutes: contact.minutes,
      note: contact.note,
      recordedBy: gate.actor.staffId,
      organisationId: decision.grant?.organisationId ?? null,
      recordedAt: gate.now,
    });
    if (contact.kind === 'home_visit') await c.clearVisitsMade(tx, personId, contact.episodeId, at);
    return contactView((await c.contactById(tx, id))!);
  });
}

/** The person's contacts, newest first; those the reader may not see are counted, not shown. */
export function listContacts(db: Db, context: AccessContext, personId: string): Promise<{ contacts: ContactView[]; notSharedCount: number }> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', RECORD_ENTRY, 'contacts');
    const facts = await gate.facts(personId);
    const shown: ContactView[] = [];
    let notSharedCount = 0;
    for (const row of await c.contactsOf(tx, personId)) {
      const author = { staffId: row.recordedById, organisationId: row.organisationId ?? '' };
      const decision = gate.decideWith(facts, 'read', { ...RECORD_ENTRY, author });
      if (decision.outcome === 'content') shown.push(contactView(row));
      else notSharedCount += 1;
    }
    return { contacts: shown, notSharedCount };
  });
}
