/**
 * The words of the access policy (security.md, "Who may see what"): who is asking, what they
 * want to do, to which part of a person's record, on what relationship and consent. The server
 * computes these facts from its database; decide() turns them into one AccessDecision.
 */
import type { StaffRole } from '../registry/roles.js';

/** What is done to person data; each one writes one audit event. A search hit is `search`. */
export const ACTIONS = ['read', 'search', 'write', 'export', 'print'] as const;
export type AccessAction = (typeof ACTIONS)[number];

/** Parts of a person's record, then the oversight and aggregate views that are not one person's. */
export const RESOURCE_KINDS = [
  'identity',
  'contact_details',
  'summary',
  'record_entry',
  'plan',
  'plan_summary',
  'alerts',
  'huddle_notes',
  'assessment',
  'audit_log',
  'break_glass_review',
  'aggregate_report',
  'dashboard',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The parts of one person's record a staff member opens only on a relationship. */
export const CARE_RECORD_KINDS = [
  'identity',
  'contact_details',
  'summary',
  'record_entry',
  'plan',
  'plan_summary',
  'alerts',
  'huddle_notes',
  'assessment',
] as const satisfies readonly ResourceKind[];

/** Record entries in these categories are shown only to the roles named on them and the author. */
export const RESTRICTED_CATEGORIES = ['safeguarding', 'sexual_health', 'substance_misuse', 'mental_health_detail'] as const;
export type RestrictedCategory = (typeof RESTRICTED_CATEGORIES)[number];

/**
 * How an actor is related to a person (security.md, "Relationship"). The first four are staff
 * relationships, break_glass is a staff member's emergency access, the last two are portal users.
 */
export const RELATIONSHIP_KINDS = [
  'named_coordinator',
  'care_team',
  'registered_practice',
  'network',
  'break_glass',
  'portal_self',
  'portal_carer',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** What is open for the person at the network of their practice. */
export const NETWORK_OPEN_ITEMS = ['referral', 'episode', 'agenda_item'] as const;
export type NetworkOpenItem = (typeof NETWORK_OPEN_ITEMS)[number];

export interface BreakGlassGrant {
  /** What the staff member typed when asking for emergency access. */
  reason: string;
  grantedAt: Date;
  /** Access ends at this instant: at `now === expiresAt` it has already ended. */
  expiresAt: Date;
}

export type Relationship =
  | { kind: 'named_coordinator' }
  | { kind: 'care_team' }
  | { kind: 'registered_practice' }
  /** The actor is a member of the network of the person's practice; counts only with an open item. */
  | { kind: 'network'; openItems: readonly NetworkOpenItem[] }
  | { kind: 'break_glass'; grant: BreakGlassGrant }
  | { kind: 'portal_self' }
  /** A carer signed in to the portal; `maySeePlan` is the person's choice on their contact. */
  | { kind: 'portal_carer'; maySeePlan: boolean };

export const CONSENT_STATES = ['given', 'withdrawn', 'not_recorded'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export interface ConsentFacts {
  /** Consent to share across the alliance; anything but `given` keeps entries inside their organisation. */
  allianceSharing: ConsentState;
  /** Consent to be contacted by voluntary organisations; volunteers see nothing without it. */
  voluntarySectorContact: ConsentState;
  /** National data opt-out: excludes the person from research and planning, never from their care. */
  nationalDataOptOut: boolean;
  /** The person objects to being discussed at MDT huddles: they are left off every agenda. */
  mdtObjection: boolean;
}

/** What decide() assumes when the server passes no consent: nothing has been agreed. */
export const NO_CONSENT_RECORDED: ConsentFacts = {
  allianceSharing: 'not_recorded',
  voluntarySectorContact: 'not_recorded',
  nationalDataOptOut: false,
  mdtObjection: false,
};

/** Why the data is used, carried through to the audit event. */
export const ACCESS_PURPOSES = [
  'direct_care',
  'safeguarding',
  'emergency',
  'own_record',
  'privacy_review',
  'service_planning',
  'research',
  'administration',
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

export interface StaffActor {
  kind: 'staff';
  staffId: string;
  organisationId: string;
  /** The one role the staff member is acting in for this request. */
  role: StaffRole;
}

/** The person themself or a carer; which one is a relationship fact (portal_self, portal_carer). */
export interface PortalActor {
  kind: 'portal';
  portalUserId: string;
}

/** Another system (a telecare platform, a data feed) with a scoped token. */
export interface ApiClientActor {
  kind: 'api_client';
  clientId: string;
  organisationId: string;
  /** Unknown scopes grant nothing. */
  scopes: readonly string[];
}

export type AccessActor = StaffActor | PortalActor | ApiClientActor;

/** Who wrote an entry: the author always sees it, and without sharing consent only their organisation does. */
export interface EntryAuthor {
  staffId: string;
  organisationId: string;
}

export interface AccessResource {
  kind: ResourceKind;
  /** Set for written content (record entries, assessments, huddle notes, plans). */
  author?: EntryAuthor;
  /** Set when the entry is in a restricted category. */
  restrictedCategory?: RestrictedCategory;
}

export interface AccessRequest {
  actor: AccessActor;
  action: AccessAction;
  resource: AccessResource;
  /** Every relationship that holds between the actor and the person; none when omitted. */
  relationships?: readonly Relationship[];
  /** The person's consent; NO_CONSENT_RECORDED when omitted. */
  consent?: ConsentFacts;
  purpose: AccessPurpose;
  /** The time of the request, from the caller's clock. */
  now: Date;
}

/** content: show or write it; restricted_marker: show "restricted entry exists" only; refused: nothing. */
export type AccessOutcome = 'content' | 'restricted_marker' | 'refused';

/** Why the policy answered as it did, for code and tests; `reason` says the same in plain words. */
export const DECISION_CODES = [
  'allowed',
  'restricted_marker',
  'role_excludes_resource',
  'no_relationship',
  'network_without_open_item',
  'break_glass_not_for_role',
  'break_glass_reason_missing',
  'break_glass_expired',
  'break_glass_excludes_action',
  'no_voluntary_sector_consent',
  'no_sharing_consent',
  'restricted_write',
  'restricted_not_in_portal',
  'portal_not_linked',
  'carer_plan_not_shared',
  'scope_missing',
] as const;
export type DecisionCode = (typeof DECISION_CODES)[number];

/** What the access was based on: a relationship, the role alone, a search hit, or an API scope. */
export type AccessBasis = RelationshipKind | 'role' | 'registry_search' | 'api_scope';

export interface AccessDecision {
  /** True only when the content may be shown or written (outcome `content`). */
  allowed: boolean;
  outcome: AccessOutcome;
  code: DecisionCode;
  /** Plain words, shown to staff when refused. */
  reason: string;
  basis: AccessBasis | null;
  /**
   * Emergency access was the basis of what is shown (content or a restricted marker): flag the
   * audit event for the privacy officer's review. False when refused.
   */
  breakGlass: boolean;
  /** Counts of 1 to 7 must be suppressed before the figures are shown (aggregate views). */
  suppressSmallNumbers: boolean;
  purpose: AccessPurpose;
}
