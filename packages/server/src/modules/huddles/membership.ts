/**
 * Who may take part in a network's huddles. A huddle is the network's meeting: only its members
 * (a place on one of its teams, or a role at one of its practices) set one up, build its agenda
 * or read it, and only those in a care role (clinical or coordinator) work its agenda. The chair
 * or a lead of the network changes the series. A refusal is recorded like any other, and
 * outlives the rolled-back request.
 */
import { CLINICAL_ROLES, type StaffRole } from '@kith/core';
import type { AccessGate } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { networkMembersAmong, type HuddleSeriesRecord } from './queries.js';

/** The roles that work a huddle's agenda: clinical roles and coordinators. */
export const HUDDLE_CARE_ROLES: readonly StaffRole[] = [...CLINICAL_ROLES, 'coordinator'];

const CARE_ROLE_WORDS = 'a clinical or coordinator role';

function hasRole(gate: AccessGate, roles: readonly StaffRole[]): boolean {
  return gate.actor.roles.some((grant) => roles.includes(grant.role));
}

export async function isNetworkMember(gate: AccessGate, tx: Db, networkId: string): Promise<boolean> {
  return (await networkMembersAmong(tx, networkId, [gate.actor.staffId])).has(gate.actor.staffId);
}

/** Records the refusal (it outlives the rollback) and throws 403. */
function refuse(gate: AccessGate, networkId: string, action: 'read' | 'write', resourceType: string, reason: string, code: string): never {
  return gate.refuseOutright({ action, resourceType, resourceId: networkId, reason, code });
}

export interface MemberCheck {
  /** What the member is doing, in words: "set up its huddles". */
  what: string;
  action?: 'read' | 'write';
  /** Roles of which the member needs one; any role when not given. */
  roles?: readonly StaffRole[];
  resourceType?: string;
}

/** A member of the network, in one of the roles when they are named; otherwise 403, recorded. */
export async function requireNetworkMember(gate: AccessGate, tx: Db, networkId: string, check: MemberCheck): Promise<void> {
  const action = check.action ?? 'write';
  const resourceType = check.resourceType ?? 'huddle_series';
  if (!(await isNetworkMember(gate, tx, networkId))) {
    refuse(gate, networkId, action, resourceType, `Only members of this network (a place on one of its teams, or a role at one of its practices) can ${check.what}.`, 'not_network_member');
  }
  if (check.roles && !hasRole(gate, check.roles)) {
    refuse(gate, networkId, action, resourceType, `Only members of this network in ${CARE_ROLE_WORDS} can ${check.what}.`, 'role_excludes_huddle');
  }
}

/** The chair, or a network lead who is a member of the series' network. */
export async function maySeriesChange(gate: AccessGate, tx: Db, series: Pick<HuddleSeriesRecord, 'chair' | 'networkId'>): Promise<boolean> {
  if (series.chair.staffId === gate.actor.staffId) return true;
  return hasRole(gate, ['network_lead']) && (await isNetworkMember(gate, tx, series.networkId));
}

/** Changing a series: its chair or a lead of the network. */
export async function requireSeriesLead(gate: AccessGate, tx: Db, series: HuddleSeriesRecord, what: string): Promise<void> {
  if (await maySeriesChange(gate, tx, series)) return;
  refuse(gate, series.networkId, 'write', 'huddle_series', `Only the chair of this huddle or a lead of its network can ${what}.`, 'not_huddle_chair');
}

/** Arranging an agenda (its order, the time for each item): the chair, a standing member or a lead of the network. */
export async function requireAgendaArranger(gate: AccessGate, tx: Db, series: HuddleSeriesRecord): Promise<void> {
  if (series.standingMembers.some((member) => member.staffId === gate.actor.staffId)) return;
  if (await maySeriesChange(gate, tx, series)) return;
  refuse(gate, series.networkId, 'write', 'huddle_agenda', 'Only the chair, a standing member of this huddle or a lead of its network can arrange its agenda.', 'not_huddle_member');
}
