/**
 * The person's care team through the gate: reading it is reading the person's summary, changing
 * it is writing to it. A member joins for one of their organisations; the named coordinator is a
 * member, and there is at most one (the database refuses a second).
 */
import { type CareTeamAdd, type CareTeamMember, DomainError, type StaffRole } from '@kith/core';
import { and, eq, sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { careTeamMember, staff, staffRole } from '../../platform/db/schema.js';

const SUMMARY = { kind: 'summary' } as const;

export function readCareTeam(db: Db, context: AccessContext, personId: string): Promise<CareTeamMember[]> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', SUMMARY, 'care_team');
    return membersOf(tx, personId);
  });
}

export async function membersOf(db: Db, personId: string): Promise<CareTeamMember[]> {
  const rows = await rowsOf<Omit<CareTeamMember, 'addedAt'> & { addedAt: Date | string }>(
    db,
    sql`SELECT m.staff_id AS "staffId", s.name, s.email, m.organisation_id AS "organisationId", o.name AS "organisationName",
               coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM staff_role r
                         WHERE r.staff_id = m.staff_id AND r.organisation_id = m.organisation_id), '{}') AS roles,
               m.responsibility, m.is_named_coordinator AS "isNamedCoordinator", m.added_at AS "addedAt"
        FROM care_team_member m JOIN staff s ON s.id = m.staff_id JOIN organisation o ON o.id = m.organisation_id
        WHERE m.person_id = ${personId}
        ORDER BY m.is_named_coordinator DESC, s.name, s.id`,
  );
  return rows.map((r) => ({ ...r, roles: rolesArray(r.roles), addedAt: new Date(r.addedAt).toISOString() }));
}

/** node-postgres parses text[]; PGlite may hand back the literal. */
function rolesArray(roles: unknown): StaffRole[] {
  if (Array.isArray(roles)) return roles as StaffRole[];
  return String(roles).replace(/^{|}$/g, '').split(',').filter(Boolean) as StaffRole[];
}

export function addCareTeamMember(db: Db, context: AccessContext, personId: string, input: CareTeamAdd) {
  return oneCoordinator(() => withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'write', SUMMARY, 'care_team');
    const organisationId = await memberOrganisation(tx, input.staffId, input.organisationId);
    if (input.isNamedCoordinator) await clearNamedCoordinator(tx, personId);
    await tx
      .insert(careTeamMember)
      .values({
        personId,
        staffId: input.staffId,
        organisationId,
        responsibility: input.responsibility || null,
        isNamedCoordinator: input.isNamedCoordinator,
        addedBy: gate.actor.staffId,
        addedAt: gate.now,
      })
      .onConflictDoUpdate({
        target: [careTeamMember.personId, careTeamMember.staffId],
        set: { organisationId, responsibility: input.responsibility || null, isNamedCoordinator: input.isNamedCoordinator },
      });
    return membersOf(tx, personId);
  }));
}

/** Two people naming different coordinators at once: the database keeps one, the other gets 409. */
async function oneCoordinator<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation(error, 'care_team_named_coordinator_key')) throw error;
    throw new DomainError('conflict', 'Someone else changed the named coordinator at the same time. Reload the care team and try again.');
  }
}

/** The organisation a new member joins for: one they hold a role at, and an account in use. */
async function memberOrganisation(db: Db, staffId: string, organisationId: string | undefined): Promise<string> {
  const [account] = await db.select({ disabled: staff.disabled }).from(staff).where(eq(staff.id, staffId));
  if (!account) throw DomainError.field('staffId', 'No member of staff has this id');
  if (account.disabled) throw DomainError.field('staffId', 'This account is disabled');
  const grants = await db.select({ organisationId: staffRole.organisationId }).from(staffRole).where(eq(staffRole.staffId, staffId));
  if (grants.length === 0) throw DomainError.field('staffId', 'This member of staff has no role at any organisation');
  if (!organisationId) return grants[0]!.organisationId;
  if (!grants.some((g) => g.organisationId === organisationId)) {
    throw DomainError.field('organisationId', 'This member of staff has no role at that organisation');
  }
  return organisationId;
}

async function clearNamedCoordinator(db: Db, personId: string) {
  await db
    .update(careTeamMember)
    .set({ isNamedCoordinator: false })
    .where(and(eq(careTeamMember.personId, personId), eq(careTeamMember.isNamedCoordinator, true)));
}

export function setNamedCoordinator(db: Db, context: AccessContext, personId: string, staffId: string) {
  return oneCoordinator(() => withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'write', SUMMARY, 'care_team');
    await clearNamedCoordinator(tx, personId);
    const updated = await tx
      .update(careTeamMember)
      .set({ isNamedCoordinator: true })
      .where(and(eq(careTeamMember.personId, personId), eq(careTeamMember.staffId, staffId)))
      .returning({ staffId: careTeamMember.staffId });
    if (updated.length === 0) throw DomainError.field('staffId', 'Add this member of staff to the care team first');
    return membersOf(tx, personId);
  }));
}

export function removeCareTeamMember(db: Db, context: AccessContext, personId: string, staffId: string) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'write', SUMMARY, 'care_team');
    const removed = await tx
      .delete(careTeamMember)
      .where(and(eq(careTeamMember.personId, personId), eq(careTeamMember.staffId, staffId)))
      .returning({ staffId: careTeamMember.staffId });
    if (removed.length === 0) throw new DomainError('not_found', 'This member of staff is not on the care team');
    return membersOf(tx, personId);
  });
}
