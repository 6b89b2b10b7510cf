/**
 * Enquiries at a point of access: a volunteer logs one in under a minute (channel, topics, the
 * advice given, the directory services signposted, a referral on with consent, a safeguarding
 * concern). Staff of the organisation that runs the point log its enquiries. An enquiry is
 * anonymous unless the person agreed to be named, and naming them goes through the gate as
 * finding them does (a search hit shows who they are, and a volunteer finds only people who
 * agreed to voluntary-sector contact: security.md); it is recorded in the audit log. A safeguarding concern becomes a task for the point's
 * named safeguarding lead at once, its title naming the point, never the person.
 */
import { randomUUID } from 'node:crypto';
import { type EnquiryInput, DomainError, englandDate, enquiryOutcomes, safeguardingTaskTitle } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import type { Actor } from '../../platform/auth/session.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { enquiry } from '../../platform/db/enquiry-schema.js';
import { task, taskEvent } from '../../platform/db/schema.js';

export interface PointOfAccess {
  id: string;
  name: string;
  networkId: string;
  organisationId: string;
  safeguardingLeadStaffId: string;
  safeguardingLead: string;
}

const POINT_COLUMNS = sql`p.id, p.name, p.network_id AS "networkId", p.organisation_id AS "organisationId",
  p.safeguarding_lead_staff_id AS "safeguardingLeadStaffId", s.name AS "safeguardingLead"`;

/** The points of access the member of staff logs enquiries at: those their organisations run. */
export async function myPointsOfAccess(db: Db, actor: Actor): Promise<PointOfAccess[]> {
  const organisations = actor.roles.map((r) => r.organisationId);
  return rowsOf<PointOfAccess>(
    db,
    sql`SELECT ${POINT_COLUMNS} FROM point_of_access p JOIN staff s ON s.id = p.safeguarding_lead_staff_id
        WHERE p.organisation_id = ANY(${sql.param(organisations)}::uuid[]) ORDER BY p.name`,
  );
}

async function pointFor(tx: Db, actor: Actor, id: string): Promise<PointOfAccess> {
  const [point] = await rowsOf<PointOfAccess>(tx, sql`SELECT ${POINT_COLUMNS} FROM point_of_access p JOIN staff s ON s.id = p.safeguarding_lead_staff_id WHERE p.id = ${id}`);
  if (!point) throw DomainError.field('pointOfAccessId', 'No point of access has this id');
  if (!actor.roles.some((r) => r.organisationId === point.organisationId)) {
    throw new DomainError('forbidden', `Only staff of the organisation that runs ${point.name} log its enquiries`);
  }
  return point;
}

/** The services named must be in the directory. */
async function checkServices(tx: Db, input: EnquiryInput): Promise<void> {
  const ids = [...input.signpostedTo, ...(input.referredTo ? [input.referredTo.serviceId] : [])];
  if (ids.length === 0) return;
  const found = new Set((await rowsOf<{ id: string }>(tx, sql`SELECT id FROM directory_service WHERE id = ANY(${sql.param(ids)}::uuid[])`)).map((r) => r.id));
  const problems = [
    ...input.signpostedTo.flatMap((id, i) => (found.has(id) ? [] : [{ field: `signpostedTo.${i}`, reason: 'No service in the directory has this id' }])),
    ...(input.referredTo && !found.has(input.referredTo.serviceId) ? [{ field: 'referredTo.serviceId', reason: 'No service in the directory has this id' }] : []),
  ];
  if (problems.length) throw new DomainError('invalid', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), problems);
}

async function raiseSafeguarding(tx: Db, point: PointOfAccess, concern: string, personId: string | null, by: string, now: Date): Promise<string> {
  const id = randomUUID();
  const today = englandDate(now);
  await tx.insert(task).values({
    id,
    title: safeguardingTaskTitle(point.name),
    detail: concern,
    personId,
    networkId: point.networkId,
    ownerStaffId: point.safeguardingLeadStaffId,
    dueOn: today,
    firstDueOn: today,
    priority: 'urgent',
    createdBy: by,
    createdAt: now,
  });
  await tx.insert(taskEvent).values({ id: randomUUID(), taskId: id, kind: 'created', fromState: null, toState: 'open', staffId: by, at: now, version: 1 });
  return id;
}

export interface LoggedEnquiry {
  id: string;
  outcomes: string[];
  safeguardingTaskId: string | null;
  safeguardingLead: string | null;
}

export function logEnquiry(db: Db, context: AccessContext, input: EnquiryInput): Promise<LoggedEnquiry> {
  return withAccess(db, context, async (gate, tx) => {
    const point = await pointFor(tx, gate.actor, input.pointOfAccessId);
    const person = input.person.kind === 'linked' ? input.person : null;
    // Linking needs no more than finding them did: their identity, as a search hit shows it (for a
    // volunteer, only someone who agreed to contact from voluntary services), and their consent.
    if (person) await gate.require(person.personId, 'search', { kind: 'identity' }, 'enquiry');
    await checkServices(tx, input);
    const id = randomUUID();
    const outcomes = enquiryOutcomes(input);
    const taskId = input.safeguardingConcern
      ? await raiseSafeguarding(tx, point, input.safeguardingConcern.concern, person?.personId ?? null, gate.actor.staffId, gate.now)
      : null;
    await tx.insert(enquiry).values({
      id,
      pointOfAccessId: point.id,
      channel: input.channel,
      topics: [...input.topics],
      otherTopic: input.otherTopic ?? null,
      adviceGiven: input.adviceGiven ?? null,
      signpostedTo: [...input.signpostedTo],
      referredServiceId: input.referredTo?.serviceId ?? null,
      referralConsentHow: input.referredTo?.consent.how ?? null,
      safeguardingTaskId: taskId,
      personId: person?.personId ?? null,
      personConsentHow: person?.consent.how ?? null,
      outcomes: [...outcomes],
      recordedBy: gate.actor.staffId,
      recordedAt: gate.now,
    });
    return { id, outcomes: [...outcomes], safeguardingTaskId: taskId, safeguardingLead: taskId ? point.safeguardingLead : null };
  });
}
