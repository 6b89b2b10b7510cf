/**
 * The policy for staff: role, then voluntary-sector consent for volunteers, then a relationship
 * (or emergency access), then the sharing consent and restricted category of the entry.
 */
import { BREAK_GLASS_ACTIONS, ROLE_PERMISSIONS, permits, type RolePermissions } from './permissions.js';
import { breakGlassState } from './break-glass.js';
import {
  allowed,
  allowedUnderBreakGlass,
  breakGlassExcludes,
  breakGlassExpired,
  breakGlassNotForRole,
  breakGlassReasonMissing,
  noRelationship,
  noSharingConsent,
  noVoluntarySectorConsent,
  refused,
  restrictedMarker,
  restrictedWrite,
  roleExcludes,
} from './reasons.js';
import { roleNamedOnCategory } from './restricted.js';
import {
  CARE_RECORD_KINDS,
  NO_CONSENT_RECORDED,
  type AccessDecision,
  type AccessRequest,
  type BreakGlassGrant,
  type Relationship,
  type ResourceKind,
  type StaffActor,
} from './types.js';

/** The staff relationships that open a record without emergency access, strongest first. */
const ORDINARY_RELATIONSHIPS = ['named_coordinator', 'care_team', 'registered_practice', 'network'] as const;
type OrdinaryRelationship = (typeof ORDINARY_RELATIONSHIPS)[number];

/** What a staff member opens a record on: a relationship, a search hit, or an emergency access grant. */
type Footing = { basis: OrdinaryRelationship | 'registry_search' } | { basis: 'break_glass'; grant: BreakGlassGrant };

export function decideForStaff(request: AccessRequest, actor: StaffActor): AccessDecision {
  if (!Object.hasOwn(ROLE_PERMISSIONS, actor.role)) {
    return refused(request, 'role_excludes_resource', 'Your account has no role that Kith knows.');
  }
  const permissions = ROLE_PERMISSIONS[actor.role];
  const { action, resource } = request;
  if (!permits(permissions.resources, resource.kind, action)) return roleExcludes(request, actor.role);
  if (!isCareRecord(resource.kind)) return allowed(request, 'role');

  const consent = request.consent ?? NO_CONSENT_RECORDED;
  if (permissions.needsVoluntarySectorConsent && consent.voluntarySectorContact !== 'given') {
    return noVoluntarySectorConsent(request);
  }
  const footing = findFooting(request, actor, permissions);
  if ('outcome' in footing) return footing;
  return entryRules(request, actor, footing);
}

function isCareRecord(kind: ResourceKind): boolean {
  return (CARE_RECORD_KINDS as readonly ResourceKind[]).includes(kind);
}

function ordinaryRelationship(relationships: readonly Relationship[]): OrdinaryRelationship | undefined {
  const holds = (r: Relationship) => r.kind !== 'network' || r.openItems.length > 0;
  return ORDINARY_RELATIONSHIPS.find((kind) => relationships.some((r) => r.kind === kind && holds(r)));
}

/** A relationship, a search hit, or emergency access; or the refusal when none of them holds. */
function findFooting(request: AccessRequest, actor: StaffActor, permissions: RolePermissions): Footing | AccessDecision {
  const relationships = request.relationships ?? [];
  const ordinary = ordinaryRelationship(relationships);
  if (ordinary) return { basis: ordinary };
  if (request.action === 'search' && request.resource.kind === 'identity') return { basis: 'registry_search' };

  const grants = relationships.flatMap((r) => (r.kind === 'break_glass' ? [r.grant] : []));
  const grant = grants.find((g) => breakGlassState(g, request.now) === 'active') ?? grants[0];
  if (!grant) {
    const networkWithoutOpenItem = relationships.some((r) => r.kind === 'network');
    return noRelationship(request, actor.role, networkWithoutOpenItem);
  }
  if (!permissions.mayBreakGlass) return breakGlassNotForRole(request, actor.role);
  const state = breakGlassState(grant, request.now);
  if (state === 'reason_missing') return breakGlassReasonMissing(request);
  if (state === 'expired') return breakGlassExpired(request);
  const writeRefused = request.action === 'write' && !permissions.mayWriteUnderBreakGlass;
  if (!BREAK_GLASS_ACTIONS.includes(request.action) || writeRefused) {
    return breakGlassExcludes(request, permissions.mayWriteUnderBreakGlass);
  }
  return { basis: 'break_glass', grant };
}

/** Sharing consent and restricted categories; the author is exempt from both. */
function entryRules(request: AccessRequest, actor: StaffActor, footing: Footing): AccessDecision {
  const { author, restrictedCategory } = request.resource;
  const isAuthor = author !== undefined && author.staffId === actor.staffId;
  if (!isAuthor) {
    const sharing = (request.consent ?? NO_CONSENT_RECORDED).allianceSharing;
    if (author && author.organisationId !== actor.organisationId && sharing !== 'given') {
      return noSharingConsent(request, footing.basis);
    }
    if (restrictedCategory && !roleNamedOnCategory(actor.role, restrictedCategory)) {
      return request.action === 'write'
        ? restrictedWrite(request, restrictedCategory, footing.basis)
        : restrictedMarker(request, restrictedCategory, footing.basis);
    }
  }
  if (footing.basis === 'break_glass') return allowedUnderBreakGlass(request, footing.grant);
  return allowed(request, footing.basis);
}
