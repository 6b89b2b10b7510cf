/**
 * The decisions the policy can reach, each with its reason in plain words: staff read the reason
 * when they are refused, and the audit keeps it.
 */
import { STAFF_ROLE_LABELS, type StaffRole } from '../registry/roles.js';
import { ROLE_PERMISSIONS } from './permissions.js';
import { RESTRICTED_CATEGORY_LABELS, namedRolesInWords } from './restricted.js';
import type {
  AccessAction,
  AccessBasis,
  AccessDecision,
  AccessRequest,
  BreakGlassGrant,
  DecisionCode,
  RestrictedCategory,
  ResourceKind,
} from './types.js';

export const RESOURCE_WORDS: Readonly<Record<ResourceKind, string>> = {
  identity: "a person's identity",
  contact_details: "a person's contact details",
  summary: "a person's summary",
  record_entry: 'record entries',
  plan: 'the My Life plan',
  plan_summary: 'the plan summary',
  alerts: 'alerts',
  huddle_notes: 'huddle notes',
  assessment: 'assessments',
  audit_log: 'the audit log',
  break_glass_review: 'the emergency access review list',
  aggregate_report: 'aggregate reports',
  dashboard: 'dashboards',
};

const BASIS_WORDS: Readonly<Record<Exclude<AccessBasis, 'break_glass'>, string>> = {
  named_coordinator: "you are this person's named coordinator",
  care_team: "you are on this person's care team",
  registered_practice: "you work at this person's GP practice",
  network: 'this person has an open referral, episode or agenda item at your network',
  portal_self: 'this is your own record',
  portal_carer: 'the person has chosen to share their plan with you',
  role: 'your role covers it',
  registry_search: 'a search hit shows who a person is, so that you can find them; opening their record needs a relationship',
  api_scope: "the client's scope covers it",
};

const NO_RELATIONSHIP =
  "You are not on this person's care team, do not work at their practice, and their network has no open referral for them.";
const NETWORK_WITHOUT_OPEN_ITEM =
  "You are not on this person's care team and do not work at their practice. " +
  'You work in their network, but they have no open referral, episode or agenda item there.';
const ASK_FOR_BREAK_GLASS = 'If you need to see this record now, use emergency access and give a reason.';

function decision(request: AccessRequest, code: DecisionCode, reason: string, basis: AccessBasis | null): AccessDecision {
  const allowed = code === 'allowed';
  const kind = request.resource.kind;
  const outcome = allowed ? 'content' : code === 'restricted_marker' ? 'restricted_marker' : 'refused';
  return {
    allowed,
    outcome,
    code,
    reason,
    basis,
    breakGlass: basis === 'break_glass' && outcome !== 'refused',
    suppressSmallNumbers: allowed && (kind === 'aggregate_report' || kind === 'dashboard'),
    purpose: request.purpose,
  };
}

export function allowed(request: AccessRequest, basis: Exclude<AccessBasis, 'break_glass'>): AccessDecision {
  return decision(request, 'allowed', `Allowed: ${BASIS_WORDS[basis]}.`, basis);
}

export function allowedUnderBreakGlass(request: AccessRequest, grant: BreakGlassGrant): AccessDecision {
  const reason =
    `Allowed under emergency access (reason given: "${grant.reason.trim()}"). ` +
    "This access is flagged for the privacy officer's review, and the person can see it.";
  return decision(request, 'allowed', reason, 'break_glass');
}

export function refused(
  request: AccessRequest,
  code: Exclude<DecisionCode, 'allowed'>,
  reason: string,
  basis: AccessBasis | null = null,
): AccessDecision {
  return decision(request, code, reason, basis);
}

export function roleExcludes(request: AccessRequest, role: StaffRole): AccessDecision {
  const { action, resource } = request;
  const reason =
    `Your role (${STAFF_ROLE_LABELS[role]}) cannot ${action} ${RESOURCE_WORDS[resource.kind]}: ` +
    `it ${ROLE_PERMISSIONS[role].covers}.`;
  return refused(request, 'role_excludes_resource', reason);
}

export function noRelationship(request: AccessRequest, role: StaffRole, networkWithoutOpenItem: boolean): AccessDecision {
  const mayBreakGlass = ROLE_PERMISSIONS[role].mayBreakGlass;
  const first = networkWithoutOpenItem ? NETWORK_WITHOUT_OPEN_ITEM : NO_RELATIONSHIP;
  const code = networkWithoutOpenItem ? 'network_without_open_item' : 'no_relationship';
  if (mayBreakGlass) return refused(request, code, `${first} ${ASK_FOR_BREAK_GLASS}`);
  return refused(request, code, `${first} Your role (${STAFF_ROLE_LABELS[role]}) cannot use emergency access.`);
}

export function breakGlassNotForRole(request: AccessRequest, role: StaffRole): AccessDecision {
  const reason = `${NO_RELATIONSHIP} Your role (${STAFF_ROLE_LABELS[role]}) cannot use emergency access.`;
  return refused(request, 'break_glass_not_for_role', reason);
}

export function breakGlassReasonMissing(request: AccessRequest): AccessDecision {
  const reason = 'Emergency access needs a reason. Use emergency access again and say why you need to see this record now.';
  return refused(request, 'break_glass_reason_missing', reason, 'break_glass');
}

export function breakGlassExpired(request: AccessRequest): AccessDecision {
  const reason = 'Your emergency access to this record has ended. If you still need to see it, use emergency access again and give a reason.';
  return refused(request, 'break_glass_expired', reason, 'break_glass');
}

export function breakGlassExcludes(request: AccessRequest, mayWrite: boolean): AccessDecision {
  const covers = mayWrite ? 'read this record and write to it' : 'read this record';
  const reason = `Emergency access lets you ${covers}, not ${actionNoun(request.action)}. Ask to join the person's care team for that.`;
  return refused(request, 'break_glass_excludes_action', reason, 'break_glass');
}

export function noVoluntarySectorConsent(request: AccessRequest): AccessDecision {
  const reason = 'This person has not agreed to contact from voluntary organisations, so volunteers cannot see their details.';
  return refused(request, 'no_voluntary_sector_consent', reason);
}

export function noSharingConsent(request: AccessRequest, basis: AccessBasis): AccessDecision {
  const reason =
    'This person has not consented to share their record across the alliance, so this entry is visible only to the organisation that wrote it.';
  return refused(request, 'no_sharing_consent', reason, basis);
}

export function restrictedMarker(request: AccessRequest, category: RestrictedCategory, basis: AccessBasis): AccessDecision {
  const reason =
    `A restricted entry exists here (${RESTRICTED_CATEGORY_LABELS[category]}). ` +
    `Only the ${namedRolesInWords(category)} roles, and its author, can read it.`;
  return refused(request, 'restricted_marker', reason, basis);
}

export function restrictedWrite(request: AccessRequest, category: RestrictedCategory, basis: AccessBasis): AccessDecision {
  const reason =
    `This entry is in a restricted category (${RESTRICTED_CATEGORY_LABELS[category]}). ` +
    `Only the ${namedRolesInWords(category)} roles, and its author, can change it.`;
  return refused(request, 'restricted_write', reason, basis);
}

function actionNoun(action: AccessAction): string {
  const nouns: Record<AccessAction, string> = {
    read: 'reading',
    search: 'searching',
    write: 'writing',
    export: 'exporting',
    print: 'printing',
  };
  return nouns[action];
}
