/**
 * Setting up points of access (network leads and administrators), and their statistics for the
 * network lead: topics, outcomes and channels over a period, small numbers suppressed as in
 * every aggregate report, since a count of one at a small desk can point to a person.
 */
import { randomUUID } from 'node:crypto';
import { type EnquiryForStats, DomainError, enquiryStats, shownEnquiryStats } from '@kith/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/session.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { foreignKeyViolation } from '../../platform/db/errors.js';

const SETS_UP = ['network_lead', 'admin'];
const COLUMN_OF = { networkId: 'network_id', organisationId: 'organisation_id', safeguardingLeadStaffId: 'safeguarding_lead_staff_id' } as const;
const SEES_STATISTICS = ['network_lead', 'commissioner'];

export const pointOfAccessBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the point of access a name').max(200, 'At most 200 characters'),
  networkId: z.uuid('Must be a network id'),
  organisationId: z.uuid('Must be the id of the organisation whose volunteers staff it'),
  safeguardingLeadStaffId: z.uuid('Must be the id of the named safeguarding lead'),
});
export type PointOfAccessBody = z.infer<typeof pointOfAccessBodySchema>;

function requireRole(actor: Actor, roles: readonly string[], what: string): void {
  if (!actor.roles.some((r) => roles.includes(r.role))) throw new DomainError('forbidden', what);
}

export async function createPointOfAccess(db: Db, actor: Actor, body: PointOfAccessBody, now: Date): Promise<{ id: string }> {
  requireRole(actor, SETS_UP, 'Only a network lead or an administrator sets up a point of access');
  const id = randomUUID();
  try {
    await db.execute(sql`INSERT INTO point_of_access (id, name, network_id, organisation_id, safeguarding_lead_staff_id, created_at)
      VALUES (${id}, ${body.name}, ${body.networkId}, ${body.organisationId}, ${body.safeguardingLeadStaffId}, ${now.toISOString()}::timestamptz)`);
  } catch (error) {
    const missing = foreignKeyViolation(error);
    if (missing === undefined) throw error;
    // The reference the database refused says which of the three was not found.
    const field = (['networkId', 'organisationId', 'safeguardingLeadStaffId'] as const).find((f) => missing.includes(COLUMN_OF[f])) ?? 'networkId';
    throw DomainError.field(field, 'Not found');
  }
  return { id };
}

/** Every point of access, for those who see their statistics or set them up. */
export async function allPointsOfAccess(db: Db, actor: Actor) {
  requireRole(actor, [...SEES_STATISTICS, ...SETS_UP], 'Only network leads, commissioners and administrators see the list of points of access');
  return rowsOf<{ id: string; name: string; network: string; organisation: string; safeguardingLead: string }>(
    db,
    sql`SELECT p.id, p.name, n.name AS network, o.name AS organisation, s.name AS "safeguardingLead"
        FROM point_of_access p JOIN network n ON n.id = p.network_id JOIN organisation o ON o.id = p.organisation_id
        JOIN staff s ON s.id = p.safeguarding_lead_staff_id ORDER BY n.name, p.name`,
  );
}

export const statisticsQuerySchema = z.strictObject({
  from: z.iso.date('Must be a date, YYYY-MM-DD'),
  to: z.iso.date('Must be a date, YYYY-MM-DD'),
});

export async function pointStatistics(db: Db, actor: Actor, pointId: string, period: { from: string; to: string }) {
  requireRole(actor, SEES_STATISTICS, 'Only a network lead or a commissioner sees the statistics of a point of access');
  if (period.to < period.from) throw DomainError.field('to', 'Must be on or after the from date');
  const [point] = await rowsOf<{ name: string }>(db, sql`SELECT name FROM point_of_access WHERE id = ${pointId}`);
  if (!point) throw new DomainError('not_found', 'No point of access has this id');
  const rows = await rowsOf<EnquiryForStats>(
    db,
    sql`SELECT topics, outcomes, channel FROM enquiry WHERE point_of_access_id = ${pointId}
        AND (recorded_at AT TIME ZONE 'Europe/London')::date BETWEEN ${period.from}::date AND ${period.to}::date`,
  );
  return { pointOfAccess: point.name, ...period, ...shownEnquiryStats(enquiryStats(rows)) };
}
