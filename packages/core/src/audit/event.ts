/**
 * One audit event: who did what to which person's data, when, why and with what outcome
 * (security.md, "Audit"). Every read, search hit, write, export and print of person data writes
 * one, as do sign-ins and emergency access. The server stores them append-only, hash-chained.
 */

/** Who acted: a staff member, a person or carer in the portal, another system, or Kith itself. */
export const AUDIT_ACTOR_KINDS = ['staff', 'person', 'carer', 'api_client', 'system'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** What was done. Sign-ins carry no subject person; a search hit is one `search` event per person. */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'write',
  'export',
  'print',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'break_glass',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Actions that show a person's data to someone: what "who has looked at my record" lists. */
export const LOOKING_ACTIONS = ['read', 'search', 'export', 'print', 'break_glass'] as const satisfies readonly AuditAction[];

export const AUDIT_OUTCOMES = ['allowed', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditActor {
  kind: AuditActorKind;
  staffId?: string | null;
  apiClientId?: string | null;
  /** The portal account of a person or carer. */
  portalId?: string | null;
  /** The role acted in (core's STAFF_ROLES for staff). */
  role?: string | null;
  organisationId?: string | null;
}

export interface AuditEvent {
  /** From the caller's clock; stored to the millisecond. */
  at: Date;
  actor: AuditActor;
  /** The person whose data it was; absent for sign-ins and searches that found nobody. */
  subjectPersonId?: string | null;
  /** What was touched: a part of the record (access's RESOURCE_KINDS), a session, a search. */
  resourceType: string;
  resourceId?: string | null;
  action: AuditAction;
  /** Why (access's ACCESS_PURPOSES: direct_care, emergency, own_record, ...). */
  purpose?: string | null;
  /** Emergency access was the basis: the privacy officer reviews every one. */
  breakGlass?: boolean;
  outcome: AuditOutcome;
  /** Why it was refused, or the reason given for emergency access. */
  reason?: string | null;
  requestId?: string | null;
  clientAddress?: string | null;
}

/**
 * An event as the log holds it: its sequence number, and its seal: its place in the chain and
 * the chain's hashes (hex), null for the moment between its writing and its sealing.
 */
export interface RecordedAuditEvent extends AuditEvent {
  sequence: number;
  chainPosition: number | null;
  prevHash: string | null;
  hash: string | null;
}
