/**
 * Emergency access ("break-glass", security.md): a staff member in a direct-care role with no
 * relationship states a reason and may open the record for a configured time. The grant is an
 * audit event flagged for review; the privacy officer's review list shows every grant with its
 * reason and how much was opened under it, until an outcome is recorded.
 */
import { randomUUID } from 'node:crypto';
import {
  type BreakGlassGrantView,
  type BreakGlassReview,
  DomainError,
  ROLE_PERMISSIONS,
  breakGlassExpiry,
  forbiddenError,
} from '@kith/core';
import { type SQL, and, eq, isNull, sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { breakGlassGrant } from '../../platform/db/schema.js';

export interface BreakGlassGranted {
  id: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
}

export function useBreakGlass(
  db: Db,
  context: AccessContext,
  personId: string,
  reason: string,
  minutes: number,
): Promise<BreakGlassGranted> {
  return withAccess(db, context, async (gate, tx) => {
    const facts = await gate.facts(personId);
    const ordinary = gate.decideWith(facts, 'read', { kind: 'summary' });
    if (ordinary.allowed && !ordinary.breakGlass) {
      throw new DomainError('conflict', 'You can already open this record, so emergency access is not needed.');
    }
    const grant = gate.actor.roles.find((g) => ROLE_PERMISSIONS[g.role]?.mayBreakGlass);
    const event = gate.event(ordinary, { personId, action: 'read', resourceKind: 'summary' });
    if (!grant) {
      const refusal = { ...event, action: 'break_glass' as const, outcome: 'denied' as const, reason: 'break_glass_not_for_role' };
      gate.recordDenial(refusal);
      throw forbiddenError({ ...ordinary, code: 'break_glass_not_for_role', reason: 'Your role cannot use emergency access.' });
    }
    const id = randomUUID();
    const expiresAt = breakGlassExpiry(gate.now, minutes * 60_000);
    await tx.insert(breakGlassGrant).values({
      id,
      personId,
      staffId: gate.actor.staffId,
      organisationId: grant.organisationId,
      role: grant.role,
      reason,
      grantedAt: gate.now,
      expiresAt,
    });
    gate.recordEvent({
      ...event,
      actor: { ...event.actor, role: grant.role, organisationId: grant.organisationId },
      resourceType: 'break_glass_grant',
      resourceId: id,
      action: 'break_glass',
      purpose: 'emergency',
      breakGlass: true,
      outcome: 'allowed',
      reason,
    });
    return { id, reason, grantedAt: gate.now.toISOString(), expiresAt: expiresAt.toISOString() };
  });
}

export type ReviewFilter = 'unreviewed' | 'reviewed' | 'all';

interface GrantRow {
  id: string;
  person_id: string;
  person_name: string;
  nhs_number: string;
  staff_id: string;
  staff_name: string;
  staff_email: string;
  role: string;
  organisation_name: string;
  reason: string;
  granted_at: Date | string;
  expires_at: Date | string;
  uses: number;
  review_outcome: BreakGlassReview['outcome'] | null;
  review_note: string | null;
  reviewed_at: Date | string | null;
  reviewer_name: string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function reviewList(db: Db, context: AccessContext, filter: ReviewFilter): Promise<BreakGlassGrantView[]> {
  return withAccess(db, context, async (gate, tx) => {
    gate.requireRole('read', 'break_glass_review');
    const where =
      filter === 'unreviewed' ? sql`WHERE g.reviewed_at IS NULL` : filter === 'reviewed' ? sql`WHERE g.reviewed_at IS NOT NULL` : sql``;
    return grants(tx, where);
  });
}

export function reviewOne(db: Db, context: AccessContext, grantId: string): Promise<BreakGlassGrantView> {
  return withAccess(db, context, async (gate, tx) => {
    gate.requireRole('read', 'break_glass_review', { resourceId: grantId });
    const [grant] = await grants(tx, sql`WHERE g.id = ${grantId}`);
    if (!grant) throw new DomainError('not_found', 'No emergency access grant has this id');
    return grant;
  });
}

/** Grants with the person, the staff member, the review, and the looks made under each. */
async function grants(db: Db, where: SQL): Promise<BreakGlassGrantView[]> {
  const rows = await rowsOf<GrantRow>(
    db,
    sql`SELECT g.id, g.person_id, p.given_name || ' ' || p.family_name AS person_name, p.nhs_number,
               g.staff_id, s.name AS staff_name, s.email AS staff_email, g.role, o.name AS organisation_name,
               g.reason, g.granted_at, g.expires_at, g.review_outcome, g.review_note, g.reviewed_at, r.name AS reviewer_name,
               (SELECT count(*)::int FROM audit_event a
                 WHERE a.actor_staff_id = g.staff_id AND a.subject_person_id = g.person_id AND a.break_glass
                   AND a.at >= g.granted_at AND a.at < g.expires_at) AS uses
        FROM break_glass_grant g
        JOIN person p ON p.id = g.person_id JOIN staff s ON s.id = g.staff_id JOIN organisation o ON o.id = g.organisation_id
        LEFT JOIN staff r ON r.id = g.reviewed_by
        ${where}
        ORDER BY g.granted_at DESC, g.id LIMIT 500`,
  );
  return rows.map(grantView);
}

function grantView(row: GrantRow): BreakGlassGrantView {
  return {
    id: row.id,
    person: { id: row.person_id, name: row.person_name, nhsNumber: row.nhs_number },
    staff: { id: row.staff_id, name: row.staff_name, email: row.staff_email },
    role: row.role,
    organisationName: row.organisation_name,
    reason: row.reason,
    grantedAt: iso(row.granted_at),
    expiresAt: iso(row.expires_at),
    uses: row.uses,
    review:
      row.review_outcome && row.reviewed_at
        ? { outcome: row.review_outcome, note: row.review_note, reviewedAt: iso(row.reviewed_at), reviewedBy: row.reviewer_name ?? '' }
        : null,
  };
}

export function recordReview(db: Db, context: AccessContext, grantId: string, review: BreakGlassReview) {
  return withAccess(db, context, async (gate, tx) => {
    gate.requireRole('write', 'break_glass_review', { resourceId: grantId });
    const updated = await tx
      .update(breakGlassGrant)
      .set({ reviewedAt: gate.now, reviewedBy: gate.actor.staffId, reviewOutcome: review.outcome, reviewNote: review.note || null })
      .where(and(eq(breakGlassGrant.id, grantId), isNull(breakGlassGrant.reviewedAt)))
      .returning({ id: breakGlassGrant.id });
    if (updated.length > 0) return;
    const [exists] = await tx.select({ id: breakGlassGrant.id }).from(breakGlassGrant).where(eq(breakGlassGrant.id, grantId));
    if (!exists) throw new DomainError('not_found', 'No emergency access grant has this id');
    throw new DomainError('conflict', 'This emergency access has already been reviewed.');
  });
}
