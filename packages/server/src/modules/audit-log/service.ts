/**
 * The audit log for those whose role covers it (the privacy officer): events by person, member
 * of staff and date, and "who has looked at this record" in plain words, which staff print for a
 * subject access request. Looking at the log is itself recorded.
 */
import { DomainError, describeRecordLook } from '@kith/core';
import { eq } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type AuditQuery, queryAuditEvents, whoLookedAt } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/client.js';
import { person } from '../../platform/db/schema.js';

export function searchAuditLog(db: Db, context: AccessContext, query: AuditQuery) {
  return withAccess(db, context, async (gate, tx) => {
    gate.requireRole('search', 'audit_log', { personId: query.personId });
    const page = await queryAuditEvents(tx, query);
    return {
      events: page.events.map(({ prevHash: _p, hash: _h, at, ...event }) => ({ ...event, at: at.toISOString() })),
      nextBefore: page.nextBefore,
    };
  });
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
