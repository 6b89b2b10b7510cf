/**
 * Changing a listing (core's listing-edit.ts says what may change). Each edit is made at the
 * version read, under a lock on the listing, so two people correcting it at once cannot both
 * land: the second is told it changed. Staff of the partner organisation that runs the service
 * (its verified editors) and those who look after the directory change it straight away; anyone
 * else's edit waits in the review queue, and a reviewer's approval applies it as it was proposed,
 * provided the listing has not changed since.
 */
import { randomUUID } from 'node:crypto';
import { type DirectoryService, type ListingEdit, DomainError, applyListingDetails, englandDate } from '@kith/core';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/session.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { DIRECTORY_KEEPERS, requireDirectoryKeeper } from './feeds.js';
import { readListing } from './listing.js';
import { searchColumnsOf } from './store.js';

interface LockedListing {
  id: string;
  version: number;
  document: DirectoryService;
  partner_organisation_id: string | null;
}

async function lockListing(tx: Db, id: string): Promise<LockedListing> {
  const [row] = await rowsOf<LockedListing>(
    tx,
    sql`SELECT s.id, s.version, s.document, o.partner_organisation_id FROM directory_service s
        LEFT JOIN directory_organization o ON o.id = s.organization_id WHERE s.id = ${id} FOR UPDATE OF s`,
  );
  if (!row) throw new DomainError('not_found', 'No directory service has this id');
  return row;
}

function checkVersion(listing: LockedListing, version: number): void {
  if (listing.version !== version) {
    throw new DomainError('conflict', `This listing has changed since it was read: it is at version ${listing.version}, not ${version}. Reload it and make the change again.`, [
      { field: 'version', reason: `The listing is now at version ${listing.version}` },
    ]);
  }
}

const isKeeper = (actor: Actor) => actor.roles.some((r) => (DIRECTORY_KEEPERS as readonly string[]).includes(r.role));

/** Its organisation's own staff, or someone who looks after the directory. */
export function mayEditDirectly(actor: Actor, partnerOrganisationId: string | null): boolean {
  return isKeeper(actor) || (partnerOrganisationId !== null && actor.roles.some((r) => r.organisationId === partnerOrganisationId));
}

/** Writes the edit: the document and its search columns, and Kith's own capacity, referral mode and check. */
async function applyEdit(tx: Db, listing: LockedListing, edit: ListingEdit, by: { staffId: string; name: string }, now: Date): Promise<void> {
  const today = englandDate(now);
  const document = applyListingDetails(listing.document, edit.details);
  const c = searchColumnsOf(document);
  await tx.execute(sql`UPDATE directory_service SET
      name = ${c.name}, description = ${c.description}, minimum_age = ${c.minimumAge}, maximum_age = ${c.maximumAge},
      document = ${JSON.stringify(document)}::jsonb,
      capacity = ${edit.capacity ? sql`${edit.capacity.state}` : sql`capacity`},
      capacity_confirmed_on = ${edit.capacity ? sql`${today}::date` : sql`capacity_confirmed_on`},
      referral_mode = ${edit.referralMode ? sql`${edit.referralMode.mode}` : sql`referral_mode`},
      referral_how = ${edit.referralMode ? sql`${edit.referralMode.how ?? null}` : sql`referral_how`},
      last_verified_on = ${edit.verified ? sql`${today}::date` : sql`last_verified_on`},
      verified_by_staff_id = ${edit.verified ? sql`${by.staffId}::uuid` : sql`verified_by_staff_id`},
      verified_by = ${edit.verified ? sql`${by.name}` : sql`verified_by`},
      version = version + 1, updated_at = ${now.toISOString()}::timestamptz
    WHERE id = ${listing.id}`);
}

export type EditOutcome = { applied: true; listing: Awaited<ReturnType<typeof readListing>> } | { applied: false; reviewId: string };

export async function editListing(db: Db, actor: Actor, id: string, edit: ListingEdit, now: Date): Promise<EditOutcome> {
  const outcome = await db.transaction(async (tx): Promise<{ reviewId?: string }> => {
    const listing = await lockListing(tx, id);
    checkVersion(listing, edit.version);
    if (mayEditDirectly(actor, listing.partner_organisation_id)) {
      await applyEdit(tx, listing, edit, actor, now);
      return {};
    }
    const reviewId = randomUUID();
    await tx.execute(sql`INSERT INTO directory_listing_edit (id, service_id, based_on_version, proposed, proposed_by, proposed_at, state)
      VALUES (${reviewId}, ${id}, ${edit.version}, ${JSON.stringify(edit)}::jsonb, ${actor.staffId}, ${now.toISOString()}::timestamptz, 'pending')`);
    return { reviewId };
  });
  if (outcome.reviewId) return { applied: false, reviewId: outcome.reviewId };
  return { applied: true, listing: await readListing(db, id, now, actor) };
}

export interface PendingEdit {
  id: string;
  serviceId: string;
  serviceName: string;
  basedOnVersion: number;
  currentVersion: number;
  proposed: ListingEdit;
  proposedBy: string;
  proposedAt: string;
}

/** Edits waiting for review, oldest first. */
export async function pendingEdits(db: Db, actor: Actor): Promise<PendingEdit[]> {
  requireDirectoryKeeper(actor.roles);
  return rowsOf<PendingEdit>(
    db,
    sql`SELECT e.id, e.service_id AS "serviceId", s.name AS "serviceName", e.based_on_version AS "basedOnVersion", s.version AS "currentVersion",
          e.proposed, st.name AS "proposedBy", to_char(e.proposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "proposedAt"
        FROM directory_listing_edit e JOIN directory_service s ON s.id = e.service_id JOIN staff st ON st.id = e.proposed_by
        WHERE e.state = 'pending' ORDER BY e.proposed_at, e.id`,
  );
}

/** A reviewer approves (the edit is applied as proposed, as its proposer) or rejects it, with a note. */
export async function decideEdit(db: Db, actor: Actor, editId: string, decision: { approve: boolean; note?: string }, now: Date): Promise<void> {
  requireDirectoryKeeper(actor.roles);
  await db.transaction(async (tx) => {
    const [pending] = await rowsOf<{ service_id: string; based_on_version: number; proposed: ListingEdit; proposed_by: string; proposer: string; state: string }>(
      tx,
      sql`SELECT e.service_id, e.based_on_version, e.proposed, e.proposed_by, st.name AS proposer, e.state
          FROM directory_listing_edit e JOIN staff st ON st.id = e.proposed_by WHERE e.id = ${editId} FOR UPDATE OF e`,
    );
    if (!pending) throw new DomainError('not_found', 'No listing edit has this id');
    if (pending.state !== 'pending') throw new DomainError('conflict', `This edit was already ${pending.state}`);
    if (decision.approve) {
      const listing = await lockListing(tx, pending.service_id);
      checkVersion(listing, pending.based_on_version);
      await applyEdit(tx, listing, pending.proposed, { staffId: pending.proposed_by, name: pending.proposer }, now);
    }
    await tx.execute(sql`UPDATE directory_listing_edit SET state = ${decision.approve ? 'approved' : 'rejected'}, decided_by = ${actor.staffId},
      decided_at = ${now.toISOString()}::timestamptz, decision_note = ${decision.note ?? null} WHERE id = ${editId}`);
  });
}

/** Links a directory organisation to the partner organisation whose staff may edit its listings. */
export async function linkPartner(db: Db, actor: Actor, directoryOrganizationId: string, partnerOrganisationId: string | null): Promise<void> {
  requireDirectoryKeeper(actor.roles);
  const updated = await rowsOf<{ id: string }>(
    db,
    sql`UPDATE directory_organization SET partner_organisation_id = ${partnerOrganisationId} WHERE id = ${directoryOrganizationId} RETURNING id`,
  );
  if (updated.length === 0) throw new DomainError('not_found', 'No directory organisation has this id');
}
