/**
 * The policy for the person and their carers in the portal, and for other systems calling the
 * API with scoped tokens.
 */
import { API_SCOPES, PORTAL_PERMISSIONS, permits, type ApiScope } from './permissions.js';
import { RESOURCE_WORDS, allowed, refused } from './reasons.js';
import type { AccessDecision, AccessRequest, ApiClientActor } from './types.js';

/** The person sees their own record, plan and who looked; a carer sees the plan if the person shares it. */
export function decideForPortal(request: AccessRequest): AccessDecision {
  const relationships = request.relationships ?? [];
  if (relationships.some((r) => r.kind === 'portal_self')) return decideForSelf(request);
  const carer = relationships.find((r) => r.kind === 'portal_carer');
  if (carer) return decideForCarer(request, carer.maySeePlan);
  return refused(request, 'portal_not_linked', "Your portal account is not linked to this person's record.");
}

function decideForSelf(request: AccessRequest): AccessDecision {
  const { action, resource } = request;
  if (!permits(PORTAL_PERMISSIONS.self, resource.kind, action)) {
    const reason = 'The portal shows you your own record, your plan and who has looked at them. To change your record, talk to your care team.';
    return refused(request, 'role_excludes_resource', reason);
  }
  if (resource.restrictedCategory) {
    const reason = 'Some entries are kept out of the portal because of what they are about. Your care team can talk them through with you.';
    return refused(request, 'restricted_not_in_portal', reason);
  }
  return allowed(request, 'portal_self');
}

function decideForCarer(request: AccessRequest, maySeePlan: boolean): AccessDecision {
  if (!maySeePlan) return refused(request, 'carer_plan_not_shared', 'The person has not chosen to share their plan with you.');
  if (!permits(PORTAL_PERMISSIONS.carer, request.resource.kind, request.action)) {
    return refused(request, 'role_excludes_resource', 'As a carer you see the plan the person shares with you, and nothing more.');
  }
  return allowed(request, 'portal_carer');
}

function isApiScope(scope: string): scope is ApiScope {
  return Object.hasOwn(API_SCOPES, scope);
}

/** An API client may do only what one of its scopes names; no scope reads a clinical or portal view. */
export function decideForApiClient(request: AccessRequest, client: ApiClientActor): AccessDecision {
  const { action, resource } = request;
  const granted = client.scopes.some((scope) => isApiScope(scope) && permits(API_SCOPES[scope], resource.kind, action));
  if (!granted) {
    const reason = `This API client has no scope that lets it ${action} ${RESOURCE_WORDS[resource.kind]}.`;
    return refused(request, 'scope_missing', reason);
  }
  return allowed(request, 'api_scope');
}
