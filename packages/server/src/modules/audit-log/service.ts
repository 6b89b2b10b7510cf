/**
 * The audit log for those whose role covers it (the privacy officer): events by person, member
 * of staff and date, and "who has looked at this record" in plain words, which staff print for a
 * subject access request. Looking at the log is itself recorded.
 */
import { DomainError, describeRecordLook } from '@kith/core';
import { eq, inArray } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type AuditQuery, queryAuditEvents, whoLookedAt } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/client.js';
import { organisation, person, staff } from '../../platform/db/schema.js';

export function searchAuditLog(db: Db, context: AccessContext, query: AuditQuery) {
  return withAccess(db, context, async (gate, tx) => {
    gate.requireRole('search', 'audit_log', { personId: query.personId });
    const page = await queryAuditEvents(tx, query);
    const names = await namesFor(tx, page.events);
    return {
      events: page.events.map(({ prevHash: _p, hash: _h, chainPosition: _c, at, ...event }) => ({
        ...event,
        at: at.toISOString(),
        staffName: names.staff.get(event.actor.staffId ?? '') ?? null,
        organisationName: names.organisations.get(event.actor.organisationId ?? '') ?? null,
        person: names.people.get(event.subjectPersonId ?? '') ?? null,
      })),
      nextBefore: page.nextBefore,
    };
  });
}

/** Names for the ids a page of events carries, so the log reads as who, where and whom. */
async function namesFor(db: Db, events: readonly { actor: { staffId?: string | null; organisationId?: string | null }; subjectPersonId?: string | null }[]) {
  const ids = (pick: (e: (typeof events)[number]) => string | null | undefined) => [...new Set(events.map(pick).filter((id): id is string => !!id))];
  const staffIds = ids((e) => e.actor.staffId);
  const organisationIds = ids((e) => e.actor.organisationId);
  const personIds = ids((e) => e.subjectPersonId);
  const [staffRows, organisationRows, personRows] = await Promise.all([
    staffIds.length ? db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, staffIds)) : [],
    organisationIds.length
      ? db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.id, organisationIds))
      : [],
    personIds.length
      ? db
          .select({ id: person.id, givenName: person.givenName, familyName: person.familyName, nhsNumber: person.nhsNumber })
          .from(person)
          .where(inArray(person.id, personIds))
      : [],
  ]);
  return {
    staff: new Map(staffRows.map((r) => [r.id, r.name])),
    organisations: new Map(organisationRows.map((r) => [r.id, r.name])),
    people: new Map(personRows.map((r) => [r.id, { name: `${r.givenName} ${r.familyName}`, nhsNumber: r.nhsNumber }])),
  };
}

export function whoLooked(db: Db, context: AccessContext, personId: string, range: { from?: Date; to?: Date }, action: 'read' | 'print') {
  return withAccess(db, context, async (gate, tx) => {
    const [subject] = await tx
      .select({ givenName: person.givenName, familyName: person.familyName, nhsNumber: person.nhsNumber, dateOfBirth: person.dateOfBirth })
      .from(person)
      .where(eq(person.id, personId));
    if (!subject) throw new DomainError('not_found', 'No person has this id');
    gate.requireRole(action, 'audit_log', { personId });
    const looks = await whoLookedAt(tx, personId, range);
    return {
      person: { id: personId, name: `${subject.givenName} ${subject.familyName}`, nhsNumber: subject.nhsNumber, dateOfBirth: subject.dateOfBirth },
      looks: looks.map((look) => ({
        day: look.day,
        sentence: describeRecordLook(look),
        who: look.staffName,
        role: look.role,
        organisation: look.organisationName,
        looks: look.looks,
        actions: look.actions,
        breakGlass: look.breakGlass,
        firstAt: look.firstAt.toISOString(),
        lastAt: look.lastAt.toISOString(),
      })),
    };
  });
}
