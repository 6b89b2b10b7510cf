/**
 * The base permissions of every role, portal user and API scope (security.md, "Roles"): what
 * each may do to each kind of resource before relationship, consent and restricted categories
 * are applied. Tests and the documentation read these tables; decide() applies them.
 */
import type { StaffRole } from '../registry/roles.js';
import type { AccessAction, ResourceKind } from './types.js';

export type ResourcePermissions = Partial<Record<ResourceKind, readonly AccessAction[]>>;

export interface RolePermissions {
  /** What the role may do to each kind of resource; a kind not listed is refused. */
  resources: ResourcePermissions;
  /** May open a record without a relationship by stating a reason (emergency access). */
  mayBreakGlass: boolean;
  /** May also write under emergency access (clinical roles only). */
  mayWriteUnderBreakGlass: boolean;
  /** Sees nothing of a person without their consent to voluntary-sector contact. */
  needsVoluntarySectorConsent: boolean;
  /** Plain words for what the role covers, used when a request goes beyond it. */
  covers: string;
}

const EVERY_ACTION: readonly AccessAction[] = ['read', 'search', 'write', 'export', 'print'];
const VIEW: readonly AccessAction[] = ['read', 'search', 'print'];
const REPORT: readonly AccessAction[] = ['read', 'export', 'print'];

/** The whole care record, every action: clinical roles and coordinators (restricted categories aside). */
const CARE_RECORD: ResourcePermissions = {
  identity: EVERY_ACTION,
  contact_details: EVERY_ACTION,
  summary: EVERY_ACTION,
  record_entry: EVERY_ACTION,
  plan: EVERY_ACTION,
  plan_summary: EVERY_ACTION,
  alerts: EVERY_ACTION,
  huddle_notes: EVERY_ACTION,
  assessment: EVERY_ACTION,
};

const AGGREGATES: ResourcePermissions = { aggregate_report: REPORT, dashboard: REPORT };

function clinical(covers: string, extra: ResourcePermissions = {}): RolePermissions {
  return {
    resources: { ...CARE_RECORD, ...extra },
    mayBreakGlass: true,
    mayWriteUnderBreakGlass: true,
    needsVoluntarySectorConsent: false,
    covers,
  };
}

function noPersonRecord(resources: ResourcePermissions, covers: string): RolePermissions {
  return { resources, mayBreakGlass: false, mayWriteUnderBreakGlass: false, needsVoluntarySectorConsent: false, covers };
}

const CLINICAL_COVERS = 'covers the whole care record where you have a relationship with the person';

export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, RolePermissions>> = {
  gp: clinical(CLINICAL_COVERS),
  nurse: clinical(CLINICAL_COVERS),
  pharmacist: clinical(CLINICAL_COVERS),
  therapist: clinical(CLINICAL_COVERS),
  mental_health: clinical(CLINICAL_COVERS),
  social_worker: clinical(CLINICAL_COVERS),
  network_lead: clinical(`${CLINICAL_COVERS}, and network dashboards`, AGGREGATES),
  coordinator: {
    resources: CARE_RECORD,
    mayBreakGlass: true,
    mayWriteUnderBreakGlass: false,
    needsVoluntarySectorConsent: false,
    covers: 'covers the care record except restricted categories, where you have a relationship with the person',
  },
  independent_living: {
    resources: {
      identity: VIEW,
      contact_details: VIEW,
      summary: VIEW,
      plan: VIEW,
      plan_summary: VIEW,
      alerts: ['read', 'search', 'write', 'print'],
    },
    mayBreakGlass: true,
    mayWriteUnderBreakGlass: false,
    needsVoluntarySectorConsent: false,
    covers: "covers a person's summary, plan and alerts, not the clinical record",
  },
  volunteer: {
    resources: { identity: VIEW, contact_details: VIEW, plan_summary: VIEW },
    mayBreakGlass: false,
    mayWriteUnderBreakGlass: false,
    needsVoluntarySectorConsent: true,
    covers: "covers a person's name, contact details and plan summary, with their consent to voluntary-sector contact",
  },
  commissioner: noPersonRecord(AGGREGATES, "covers aggregate reports with small numbers suppressed, never a named person's record"),
  analyst: noPersonRecord(AGGREGATES, "covers aggregate reports with small numbers suppressed, never a named person's record"),
  privacy_officer: noPersonRecord(
    { audit_log: ['read', 'search', 'export', 'print'], break_glass_review: ['read', 'write', 'export', 'print'] },
    'covers the audit log and the emergency access review list, not the clinical record',
  ),
  admin: noPersonRecord({}, 'covers accounts, organisations, networks and configuration, not person records'),
};

/** Roles that give clinical care: the whole record on a relationship, and writes under emergency access. */
export const CLINICAL_ROLES = [
  'gp',
  'nurse',
  'pharmacist',
  'therapist',
  'mental_health',
  'social_worker',
  'network_lead',
] as const satisfies readonly StaffRole[];

/** Actions emergency access covers; writes only for roles with `mayWriteUnderBreakGlass`. Never export or print. */
export const BREAK_GLASS_ACTIONS: readonly AccessAction[] = ['read', 'search', 'write'];

/** What a person sees of their own record in the portal, and what a carer sees when the person shares the plan. */
export const PORTAL_PERMISSIONS = {
  self: {
    identity: ['read', 'print'],
    contact_details: ['read', 'print'],
    summary: ['read', 'print'],
    record_entry: ['read', 'print'],
    plan: ['read', 'print'],
    plan_summary: ['read', 'print'],
    audit_log: ['read', 'print'],
  },
  carer: {
    plan: ['read', 'print'],
    plan_summary: ['read', 'print'],
  },
} as const satisfies Record<'self' | 'carer', ResourcePermissions>;

/** API scopes and what each allows. A client may do only what one of its scopes names. */
export const API_SCOPES = {
  /** Telecare platforms raise alerts. */
  'alerts:write': { alerts: ['write'] },
  'alerts:read': { alerts: ['read', 'search'] },
  /**
   * Data feeds (GP systems, hospital activity) import demographics and record entries, and the
   * conditions and encounters of the summary (POST /imports, which case-finding reads).
   */
  'import:write': { identity: ['write'], contact_details: ['write'], summary: ['write'], record_entry: ['write'] },
  /** Reporting tools read aggregate reports, small numbers suppressed. */
  'reports:read': { aggregate_report: ['read', 'export'] },
  /**
   * Council, commissioner and voluntary-sector directories push Open Referral UK services into
   * the directory (POST /directory/feeds/:id/imports). The directory holds no person data, so the
   * scope opens nothing in the record.
   */
  'directory:write': {},
} as const satisfies Record<string, ResourcePermissions>;
export type ApiScope = keyof typeof API_SCOPES;

/** Whether a permission table allows an action on a kind of resource. */
export function permits(resources: ResourcePermissions, kind: ResourceKind, action: AccessAction): boolean {
  return resources[kind]?.includes(action) ?? false;
}
