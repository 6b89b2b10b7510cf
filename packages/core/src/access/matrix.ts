/**
 * The authorization matrix: what every role and portal user may do under every relationship,
 * written out by hand from security.md so that decide() is checked against a table, not
 * against itself. The core test runs it against decide(); the server can run the same table
 * through its HTTP routes.
 *
 * The person in every case has consented to share across the alliance and to voluntary-sector
 * contact. The columns:
 *   summary       read the person's summary
 *   restricted    read a safeguarding entry written by someone else, in another organisation
 *   write         write a new record entry (the actor is its author)
 *   export        export the person's summary
 *   plan_summary  read the plan summary
 *   huddle_notes  read the person's confidential huddle discussion notes: clinical and coordinator
 *                 roles on a relationship (flagged under break_glass); never independent living,
 *                 volunteers, aggregate-only roles or portal users (self or carer)
 * The outcomes: yes (content shown or written), hidden (a "restricted entry exists" marker in
 * place of the content), no (refused). Under break_glass, every yes and hidden is flagged for review.
 * portal_carer: the person shares their plan with the carer; portal_carer_unshared: they do not.
 */
import { STAFF_ROLES } from '../registry/roles.js';
import { breakGlassExpiry } from './break-glass.js';
import type { AccessAction, AccessActor, AccessRequest, AccessResource, Relationship } from './types.js';

const TABLE = `
actor               relationship           summary  restricted  write  export  plan_summary  huddle_notes
gp                  none                   no       no          no     no      no            no
gp                  named_coordinator      yes      yes         yes    yes     yes           yes
gp                  care_team              yes      yes         yes    yes     yes           yes
gp                  registered_practice    yes      yes         yes    yes     yes           yes
gp                  network_referral       yes      yes         yes    yes     yes           yes
gp                  break_glass            yes      yes         yes    no      yes           yes
gp                  portal_self            no       no          no     no      no            no
gp                  portal_carer           no       no          no     no      no            no
gp                  portal_carer_unshared  no       no          no     no      no            no
nurse               none                   no       no          no     no      no            no
nurse               named_coordinator      yes      yes         yes    yes     yes           yes
nurse               care_team              yes      yes         yes    yes     yes           yes
nurse               registered_practice    yes      yes         yes    yes     yes           yes
nurse               network_referral       yes      yes         yes    yes     yes           yes
nurse               break_glass            yes      yes         yes    no      yes           yes
nurse               portal_self            no       no          no     no      no            no
nurse               portal_carer           no       no          no     no      no            no
nurse               portal_carer_unshared  no       no          no     no      no            no
pharmacist          none                   no       no          no     no      no            no
pharmacist          named_coordinator      yes      hidden      yes    yes     yes           yes
pharmacist          care_team              yes      hidden      yes    yes     yes           yes
pharmacist          registered_practice    yes      hidden      yes    yes     yes           yes
pharmacist          network_referral       yes      hidden      yes    yes     yes           yes
pharmacist          break_glass            yes      hidden      yes    no      yes           yes
pharmacist          portal_self            no       no          no     no      no            no
pharmacist          portal_carer           no       no          no     no      no            no
pharmacist          portal_carer_unshared  no       no          no     no      no            no
therapist           none                   no       no          no     no      no            no
therapist           named_coordinator      yes      hidden      yes    yes     yes           yes
therapist           care_team              yes      hidden      yes    yes     yes           yes
therapist           registered_practice    yes      hidden      yes    yes     yes           yes
therapist           network_referral       yes      hidden      yes    yes     yes           yes
therapist           break_glass            yes      hidden      yes    no      yes           yes
therapist           portal_self            no       no          no     no      no            no
therapist           portal_carer           no       no          no     no      no            no
therapist           portal_carer_unshared  no       no          no     no      no            no
mental_health       none                   no       no          no     no      no            no
mental_health       named_coordinator      yes      yes         yes    yes     yes           yes
mental_health       care_team              yes      yes         yes    yes     yes           yes
mental_health       registered_practice    yes      yes         yes    yes     yes           yes
mental_health       network_referral       yes      yes         yes    yes     yes           yes
mental_health       break_glass            yes      yes         yes    no      yes           yes
mental_health       portal_self            no       no          no     no      no            no
mental_health       portal_carer           no       no          no     no      no            no
mental_health       portal_carer_unshared  no       no          no     no      no            no
social_worker       none                   no       no          no     no      no            no
social_worker       named_coordinator      yes      yes         yes    yes     yes           yes
social_worker       care_team              yes      yes         yes    yes     yes           yes
social_worker       registered_practice    yes      yes         yes    yes     yes           yes
social_worker       network_referral       yes      yes         yes    yes     yes           yes
social_worker       break_glass            yes      yes         yes    no      yes           yes
social_worker       portal_self            no       no          no     no      no            no
social_worker       portal_carer           no       no          no     no      no            no
social_worker       portal_carer_unshared  no       no          no     no      no            no
coordinator         none                   no       no          no     no      no            no
coordinator         named_coordinator      yes      hidden      yes    yes     yes           yes
coordinator         care_team              yes      hidden      yes    yes     yes           yes
coordinator         registered_practice    yes      hidden      yes    yes     yes           yes
coordinator         network_referral       yes      hidden      yes    yes     yes           yes
coordinator         break_glass            yes      hidden      no     no      yes           yes
coordinator         portal_self            no       no          no     no      no            no
coordinator         portal_carer           no       no          no     no      no            no
coordinator         portal_carer_unshared  no       no          no     no      no            no
independent_living  none                   no       no          no     no      no            no
independent_living  named_coordinator      yes      no          no     no      yes           no
independent_living  care_team              yes      no          no     no      yes           no
independent_living  registered_practice    yes      no          no     no      yes           no
independent_living  network_referral       yes      no          no     no      yes           no
independent_living  break_glass            yes      no          no     no      yes           no
independent_living  portal_self            no       no          no     no      no            no
independent_living  portal_carer           no       no          no     no      no            no
independent_living  portal_carer_unshared  no       no          no     no      no            no
volunteer           none                   no       no          no     no      no            no
volunteer           named_coordinator      no       no          no     no      yes           no
volunteer           care_team              no       no          no     no      yes           no
volunteer           registered_practice    no       no          no     no      yes           no
volunteer           network_referral       no       no          no     no      yes           no
volunteer           break_glass            no       no          no     no      no            no
volunteer           portal_self            no       no          no     no      no            no
volunteer           portal_carer           no       no          no     no      no            no
volunteer           portal_carer_unshared  no       no          no     no      no            no
network_lead        none                   no       no          no     no      no            no
network_lead        named_coordinator      yes      hidden      yes    yes     yes           yes
network_lead        care_team              yes      hidden      yes    yes     yes           yes
network_lead        registered_practice    yes      hidden      yes    yes     yes           yes
network_lead        network_referral       yes      hidden      yes    yes     yes           yes
network_lead        break_glass            yes      hidden      yes    no      yes           yes
network_lead        portal_self            no       no          no     no      no            no
network_lead        portal_carer           no       no          no     no      no            no
network_lead        portal_carer_unshared  no       no          no     no      no            no
commissioner        none                   no       no          no     no      no            no
commissioner        named_coordinator      no       no          no     no      no            no
commissioner        care_team              no       no          no     no      no            no
commissioner        registered_practice    no       no          no     no      no            no
commissioner        network_referral       no       no          no     no      no            no
commissioner        break_glass            no       no          no     no      no            no
commissioner        portal_self            no       no          no     no      no            no
commissioner        portal_carer           no       no          no     no      no            no
commissioner        portal_carer_unshared  no       no          no     no      no            no
analyst             none                   no       no          no     no      no            no
analyst             named_coordinator      no       no          no     no      no            no
analyst             care_team              no       no          no     no      no            no
analyst             registered_practice    no       no          no     no      no            no
analyst             network_referral       no       no          no     no      no            no
analyst             break_glass            no       no          no     no      no            no
analyst             portal_self            no       no          no     no      no            no
analyst             portal_carer           no       no          no     no      no            no
analyst             portal_carer_unshared  no       no          no     no      no            no
privacy_officer     none                   no       no          no     no      no            no
privacy_officer     named_coordinator      no       no          no     no      no            no
privacy_officer     care_team              no       no          no     no      no            no
privacy_officer     registered_practice    no       no          no     no      no            no
privacy_officer     network_referral       no       no          no     no      no            no
privacy_officer     break_glass            no       no          no     no      no            no
privacy_officer     portal_self            no       no          no     no      no            no
privacy_officer     portal_carer           no       no          no     no      no            no
privacy_officer     portal_carer_unshared  no       no          no     no      no            no
admin               none                   no       no          no     no      no            no
admin               named_coordinator      no       no          no     no      no            no
admin               care_team              no       no          no     no      no            no
admin               registered_practice    no       no          no     no      no            no
admin               network_referral       no       no          no     no      no            no
admin               break_glass            no       no          no     no      no            no
admin               portal_self            no       no          no     no      no            no
admin               portal_carer           no       no          no     no      no            no
admin               portal_carer_unshared  no       no          no     no      no            no
portal              none                   no       no          no     no      no            no
portal              named_coordinator      no       no          no     no      no            no
portal              care_team              no       no          no     no      no            no
portal              registered_practice    no       no          no     no      no            no
portal              network_referral       no       no          no     no      no            no
portal              break_glass            no       no          no     no      no            no
portal              portal_self            yes      no          no     no      yes           no
portal              portal_carer           no       no          no     no      yes           no
portal              portal_carer_unshared  no       no          no     no      no            no
`;

export const MATRIX_ACTORS = [...STAFF_ROLES, 'portal'] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number];

export const MATRIX_RELATIONSHIPS = [
  'none',
  'named_coordinator',
  'care_team',
  'registered_practice',
  'network_referral',
  'break_glass',
  'portal_self',
  'portal_carer',
  'portal_carer_unshared',
] as const;
export type MatrixRelationship = (typeof MATRIX_RELATIONSHIPS)[number];

export const MATRIX_COLUMNS = ['summary', 'restricted', 'write', 'export', 'plan_summary', 'huddle_notes'] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

export const MATRIX_EXPECTATIONS = ['yes', 'hidden', 'no'] as const;
export type MatrixExpectation = (typeof MATRIX_EXPECTATIONS)[number];

export interface MatrixCase {
  actor: MatrixActor;
  relationship: MatrixRelationship;
  column: MatrixColumn;
  expected: MatrixExpectation;
}

function oneOf<T extends string>(values: readonly T[], word: string | undefined, line: string): T {
  if (word === undefined || !(values as readonly string[]).includes(word)) throw new Error(`Bad matrix line: ${line}`);
  return word as T;
}

function parseTable(table: string): MatrixCase[] {
  const lines = table.trim().split('\n').slice(1);
  return lines.flatMap((line) => {
    const [actor, relationship, ...outcomes] = line.trim().split(/\s+/);
    if (outcomes.length !== MATRIX_COLUMNS.length) throw new Error(`Bad matrix line: ${line}`);
    return MATRIX_COLUMNS.map((column, i) => ({
      actor: oneOf(MATRIX_ACTORS, actor, line),
      relationship: oneOf(MATRIX_RELATIONSHIPS, relationship, line),
      column,
      expected: oneOf(MATRIX_EXPECTATIONS, outcomes[i], line),
    }));
  });
}

/** Every case of the table, one per actor, relationship and column. */
export const ACCESS_MATRIX: readonly MatrixCase[] = parseTable(TABLE);

/** The ids the matrix requests use: the actor works at one organisation, the entry's author at another. */
export const MATRIX_IDS = {
  actorStaffId: 'staff-actor',
  actorOrganisationId: 'organisation-actor',
  authorStaffId: 'staff-author',
  authorOrganisationId: 'organisation-author',
  portalUserId: 'portal-user',
} as const;

function matrixActor(actor: MatrixActor): AccessActor {
  if (actor === 'portal') return { kind: 'portal', portalUserId: MATRIX_IDS.portalUserId };
  return { kind: 'staff', staffId: MATRIX_IDS.actorStaffId, organisationId: MATRIX_IDS.actorOrganisationId, role: actor };
}

function matrixRelationships(relationship: MatrixRelationship, now: Date): Relationship[] {
  switch (relationship) {
    case 'none':
      return [];
    case 'network_referral':
      return [{ kind: 'network', openItems: ['referral'] }];
    case 'break_glass': {
      const grant = { reason: 'Found collapsed at home; needs medicines list', grantedAt: now, expiresAt: breakGlassExpiry(now) };
      return [{ kind: 'break_glass', grant }];
    }
    case 'portal_carer':
      return [{ kind: 'portal_carer', maySeePlan: true }];
    case 'portal_carer_unshared':
      return [{ kind: 'portal_carer', maySeePlan: false }];
    default:
      return [{ kind: relationship }];
  }
}

const COLUMN_REQUESTS: Readonly<Record<MatrixColumn, { action: AccessAction; resource: AccessResource }>> = {
  summary: { action: 'read', resource: { kind: 'summary' } },
  restricted: {
    action: 'read',
    resource: {
      kind: 'record_entry',
      restrictedCategory: 'safeguarding',
      author: { staffId: MATRIX_IDS.authorStaffId, organisationId: MATRIX_IDS.authorOrganisationId },
    },
  },
  write: {
    action: 'write',
    resource: { kind: 'record_entry', author: { staffId: MATRIX_IDS.actorStaffId, organisationId: MATRIX_IDS.actorOrganisationId } },
  },
  export: { action: 'export', resource: { kind: 'summary' } },
  plan_summary: { action: 'read', resource: { kind: 'plan_summary' } },
  huddle_notes: { action: 'read', resource: { kind: 'huddle_notes' } },
};

/** The request a matrix case stands for, at `now`. */
export function matrixRequest(matrixCase: MatrixCase, now: Date): AccessRequest {
  const { action, resource } = COLUMN_REQUESTS[matrixCase.column];
  return {
    actor: matrixActor(matrixCase.actor),
    action,
    resource,
    relationships: matrixRelationships(matrixCase.relationship, now),
    consent: { allianceSharing: 'given', voluntarySectorContact: 'given', nationalDataOptOut: false, mdtObjection: false },
    purpose: matrixCase.actor === 'portal' ? 'own_record' : 'direct_care',
    now,
  };
}
