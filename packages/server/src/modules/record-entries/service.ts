/**
 * Entries in the shared record through the gate. Reading the list is one audit event; each entry
 * in it is then decided on its own: shown, shown as "restricted entry exists", or (written by
 * another organisation without the person's sharing consent) left out and counted.
 */
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type RecordEntryInput,
  type RecordEntryView,
  type RestrictedCategory,
  type StaffRole,
  namedRolesInWords,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, type AccessGate, type GateDecision, type PersonAccessFacts, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { recordEntry } from '../../platform/db/schema.js';

interface EntryRow {
  id: string;
  title: string;
  body: string;
  restrictedCategory: RestrictedCategory | null;
  writtenAt: Date | string;
  authorStaffId: string;
  authorName: string;
  authorRole: StaffRole;
  authorOrganisationId: string;
  authorOrganisationName: string;
}

function entriesQuery(personId: string, entryId?: string) {
  const one = entryId ? sql`AND e.id = ${entryId}` : sql``;
  return sql`SELECT e.id, e.title, e.body, e.restricted_category AS "restrictedCategory", e.written_at AS "writtenAt",
                    e.author_staff_id AS "authorStaffId", s.name AS "authorName", e.author_role AS "authorRole",
                    e.author_organisation_id AS "authorOrganisationId", o.name AS "authorOrganisationName"
             FROM record_entry e JOIN staff s ON s.id = e.author_staff_id JOIN organisation o ON o.id = e.author_organisation_id
             WHERE e.person_id = ${personId} ${one}
             ORDER BY e.written_at DESC, e.id`;
}

function resourceOf(row: EntryRow) {
  return {
    kind: 'record_entry' as const,
    author: { staffId: row.authorStaffId, organisationId: row.authorOrganisationId },
    restrictedCategory: row.restrictedCategory ?? undefined,
  };
}

function view(row: EntryRow, decision: GateDecision): RecordEntryView {
  const writtenAt = new Date(row.writtenAt).toISOString();
  if (decision.outcome === 'restricted_marker' && row.restrictedCategory) {
    return { shown: 'restricted_marker', id: row.id, restrictedCategory: row.restrictedCategory, visibleTo: namedRolesInWords(row.restrictedCategory), writtenAt };
  }
  return {
    shown: 'content',
    id: row.id,
    title: row.title,
    body: row.body,
    restrictedCategory: row.restrictedCategory,
    author: {
      staffId: row.authorStaffId,
      name: row.authorName,
      role: row.authorRole,
      organisationId: row.authorOrganisationId,
      organisationName: row.authorOrganisationName,
    },
    writtenAt,
  };
}

export function listEntries(db: Db, context: AccessContext, personId: string) {
  return withAccess(db, context, async (gate, tx) => {
    const opened = await gate.require(personId, 'read', { kind: 'record_entry' });
    const rows = await rowsOf<EntryRow>(tx, entriesQuery(personId));
    return sortEntries(gate, opened.facts!, rows);
  });
}

function sortEntries(gate: AccessGate, facts: PersonAccessFacts, rows: EntryRow[]) {
  const entries: RecordEntryView[] = [];
  let notSharedCount = 0;
  for (const row of rows) {
    const decision = gate.decideWith(facts, 'read', resourceOf(row));
    if (decision.outcome !== 'refused') entries.push(view(row, decision));
    else if (decision.code === 'no_sharing_consent') notSharedCount += 1;
  }
  return { entries, notSharedCount };
}

/** One entry: its own decision and its own audit event, naming the entry. */
export function readEntry(db: Db, context: AccessContext, personId: string, entryId: string): Promise<RecordEntryView> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.facts(personId);
    const [row] = await rowsOf<EntryRow>(tx, entriesQuery(personId, entryId));
    if (!row) throw new DomainError('not_found', 'This person has no entry with this id');
    const decision = await gate.require(personId, 'read', resourceOf(row), entryId);
    return view(row, decision);
  });
}

export function writeEntry(db: Db, context: AccessContext, personId: string, input: RecordEntryInput): Promise<RecordEntryView> {
  return withAccess(db, context, async (gate, tx) => {
    const id = randomUUID();
    const author = { staffId: gate.actor.staffId, organisationId: gate.actor.roles[0]?.organisationId ?? '' };
    const resource = { kind: 'record_entry' as const, author, restrictedCategory: input.restrictedCategory ?? undefined };
    const decision = await gate.require(personId, 'write', resource, id);
    const grant = decision.grant!;
    await tx.insert(recordEntry).values({
      id,
      personId,
      authorStaffId: gate.actor.staffId,
      authorOrganisationId: grant.organisationId,
      authorRole: grant.role,
      restrictedCategory: input.restrictedCategory,
      title: input.title,
      body: input.body,
      writtenAt: gate.now,
    });
    const [row] = await rowsOf<EntryRow>(tx, entriesQuery(personId, id));
    return view(row!, decision);
  });
}
