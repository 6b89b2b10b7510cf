/**
 * Huddle series: a practice's or a network's standing MDT meeting. Any member of the network in
 * a care role sets one up; its chair and standing members must be members of the network too
 * (400 naming the field otherwise, nothing written). The chair or a lead of the network changes
 * it, at the version read (409 when someone changed it first); a new time moves the meetings
 * still to come. A series names no person, so reading one needs only membership of its network.
 */
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type FieldProblem,
  type HuddleSeries,
  type HuddleSeriesChange,
  type HuddleSeriesView,
  englandDate,
  meetingInstants,
} from '@kith/core';
import { and, eq, sql } from 'drizzle-orm';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { huddleSeries, huddleSeriesMember } from '../../platform/db/schema.js';
import { HUDDLE_CARE_ROLES, maySeriesChange, requireNetworkMember, requireSeriesLead } from './membership.js';
import { networkIdsOf, networkMembersAmong, networkOfScope, seriesById, seriesOfNetworks, type HuddleSeriesRecord } from './queries.js';

export function seriesView(series: HuddleSeriesRecord, mayChange: boolean): HuddleSeriesView {
  return { ...series, mayChange };
}

/** The chair and every standing member must belong to the network: each one who does not is named. */
async function checkMembers(tx: Db, networkId: string, input: Pick<HuddleSeries, 'chairStaffId' | 'standingMemberStaffIds'>): Promise<void> {
  const members = await networkMembersAmong(tx, networkId, [input.chairStaffId, ...input.standingMemberStaffIds]);
  const problems: FieldProblem[] = [];
  if (!members.has(input.chairStaffId)) problems.push({ field: 'chairStaffId', reason: 'The chair must be a member of the huddle’s network' });
  input.standingMemberStaffIds.forEach((staffId, index) => {
    if (!members.has(staffId)) problems.push({ field: `standingMemberStaffIds.${index}`, reason: 'Each standing member must be a member of the huddle’s network' });
  });
  if (problems.length > 0) throw new DomainError('invalid', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), problems);
}

/** The standing members, replaced; the chair is a member without being listed. */
async function replaceMembers(tx: Db, seriesId: string, input: Pick<HuddleSeries, 'chairStaffId' | 'standingMemberStaffIds'>): Promise<void> {
  await tx.delete(huddleSeriesMember).where(eq(huddleSeriesMember.seriesId, seriesId));
  const standing = input.standingMemberStaffIds.filter((id) => id !== input.chairStaffId);
  if (standing.length > 0) await tx.insert(huddleSeriesMember).values(standing.map((staffId) => ({ seriesId, staffId })));
}

function columnsOf(input: HuddleSeries) {
  return {
    name: input.name,
    scope: input.scope.kind,
    practiceId: input.scope.kind === 'practice' ? input.scope.practiceId : null,
    weekday: input.weekday,
    startTime: input.startTime,
    durationMinutes: input.durationMinutes,
    place: input.place,
    frequency: input.frequency,
    firstMeetingOn: input.firstMeetingOn,
    chairStaffId: input.chairStaffId,
  };
}

export function createSeries(db: Db, context: AccessContext, input: HuddleSeries): Promise<HuddleSeriesView> {
  return withAccess(db, context, async (gate, tx) => {
    const networkId = await networkOfScope(tx, input.scope);
    await requireNetworkMember(gate, tx, networkId, { what: 'set up its huddles', roles: HUDDLE_CARE_ROLES });
    await checkMembers(tx, networkId, input);
    const id = randomUUID();
    await tx.insert(huddleSeries).values({ id, ...columnsOf(input), networkId, createdBy: gate.actor.staffId, createdAt: gate.now, version: 1 });
    await replaceMembers(tx, id, input);
    const series = await seriesById(tx, id);
    return seriesView(series, await maySeriesChange(gate, tx, series));
  });
}

export function readSeries(db: Db, context: AccessContext, id: string): Promise<HuddleSeriesView> {
  return withAccess(db, context, async (gate, tx) => {
    const series = await seriesById(tx, id);
    await requireNetworkMember(gate, tx, series.networkId, { what: 'see its huddles', action: 'read' });
    return seriesView(series, await maySeriesChange(gate, tx, series));
  });
}

/** Every series of the networks I belong to. */
export function listSeries(db: Db, context: AccessContext): Promise<HuddleSeriesView[]> {
  return withAccess(db, context, async (gate, tx) => {
    const networks = await networkIdsOf(tx, gate.actor.staffId);
    const lead = gate.actor.roles.some((grant) => grant.role === 'network_lead');
    const series = await seriesOfNetworks(tx, networks);
    return series.map((s) => seriesView(s, lead || s.chair.staffId === gate.actor.staffId));
  });
}

function stale(sent: number, current: number): DomainError {
  return new DomainError(
    'conflict',
    `This huddle was changed by someone else after you opened it (you had version ${sent}, it is now version ${current}). Reload it and make your change again.`,
    [{ field: 'version', reason: `Stale: the huddle is at version ${current}` }],
    { currentVersion: current },
  );
}

/**
 * The meetings still to come (scheduled, from today) take the series' new time; each one's
 * version rises, so calendars replace their copy.
 */
async function retimeMeetings(tx: Db, gate: AccessGate, series: HuddleSeriesRecord): Promise<void> {
  const rows = await rowsOf<{ id: string; meets_on: string }>(
    tx,
    sql`SELECT id, meets_on::text AS meets_on FROM huddle_meeting
        WHERE series_id = ${series.id}::uuid AND state = 'scheduled' AND meets_on >= ${englandDate(gate.now)}::date`,
  );
  if (rows.length === 0) return;
  const instants = rows.map((row) => meetingInstants(series, row.meets_on));
  await tx.execute(sql`
    UPDATE huddle_meeting m SET starts_at = t.starts_at, ends_at = t.ends_at, version = m.version + 1
    FROM unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(instants.map((i) => i.startsAt.toISOString()))}::timestamptz[],
                ${sql.param(instants.map((i) => i.endsAt.toISOString()))}::timestamptz[]) AS t(id, starts_at, ends_at)
    WHERE m.id = t.id`);
}

export function changeSeries(db: Db, context: AccessContext, id: string, input: HuddleSeriesChange): Promise<HuddleSeriesView> {
  return withAccess(db, context, async (gate, tx) => {
    const current = await seriesById(tx, id);
    await requireSeriesLead(gate, tx, current, 'change it');
    if (current.version !== input.version) throw stale(input.version, current.version);
    const networkId = await networkOfScope(tx, input.scope);
    if (networkId !== current.networkId) throw DomainError.field('scope', 'A huddle stays with its network: set up a new huddle for another network');
    await checkMembers(tx, networkId, input);
    const updated = await tx
      .update(huddleSeries)
      .set({ ...columnsOf(input), version: sql`${huddleSeries.version} + 1` })
      .where(and(eq(huddleSeries.id, id), eq(huddleSeries.version, input.version)))
      .returning({ id: huddleSeries.id });
    if (updated.length === 0) throw stale(input.version, (await seriesById(tx, id)).version);
    await replaceMembers(tx, id, input);
    const series = await seriesById(tx, id);
    if (series.startTime !== current.startTime || series.durationMinutes !== current.durationMinutes) await retimeMeetings(tx, gate, series);
    return seriesView(series, await maySeriesChange(gate, tx, series));
  });
}
