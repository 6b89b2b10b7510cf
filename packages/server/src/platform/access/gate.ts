/**
 * The access gate (security.md, "Who may see what"): every read, search hit, write, export and
 * print of person data passes through here. It gathers the facts from the database, asks core's
 * pure decide() for each of the actor's roles, and queues one audit event per decision. The
 * events are written as the last statement of the work's own transaction, so the decision, the
 * work and its record commit together; a refusal is recorded on its own after the work is
 * rolled back, so nothing the refused request did survives but the record that it was refused.
 */
import {
  type AccessAction,
  type AccessDecision,
  type AccessPurpose,
  type AccessResource,
  type AuditEvent,
  type ConsentFacts,
  type Relationship,
  type ResourceKind,
  DomainError,
  ROLE_PERMISSIONS,
  decide,
  permits,
  forbiddenError,
} from '@kith/core';
import { recordAuditEvents } from '../audit/record.js';
import type { ApiClientIdentity } from '../auth/api-token.js';
import type { Actor, StaffRoleGrant } from '../auth/session.js';
import type { Db } from '../db/client.js';
import { accessFactsOfPeople, consentOfPeople, personAccessFacts, type PersonAccessFacts } from './facts.js';

export interface AccessContext {
  /** The signed-in member of staff; null when another system calls (apiClient). */
  actor: Actor | null;
  /** The API client calling with a bearer token, when it is not staff. */
  apiClient?: ApiClientIdentity | null;
  now: Date;
  requestId: string;
  clientAddress: string;
  /** Why; direct care unless the route says otherwise (emergency under break-glass). */
  purpose?: AccessPurpose;
}

/** A decision and the role grant it was made for. */
export interface GateDecision extends AccessDecision {
  grant: StaffRoleGrant | null;
  facts: PersonAccessFacts | null;
}

const OUTCOME_RANK = { content: 0, restricted_marker: 1, refused: 2 } as const;

/** The best decision across the actor's roles: content before a marker before a refusal, ordinary access before emergency access. */
function best(decisions: GateDecision[]): GateDecision | undefined {
  return [...decisions].sort(
    (a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome] || Number(a.breakGlass) - Number(b.breakGlass),
  )[0];
}

export class AccessGate {
  private readonly allowedEvents: AuditEvent[] = [];
  private readonly factsCache = new Map<string, PersonAccessFacts>();

  constructor(
    private readonly db: Db,
    private readonly context: AccessContext,
    /** Refusals, kept outside the transaction so they outlive its rollback. */
    private readonly denials: AuditEvent[],
  ) {}

  get now(): Date {
    return this.context.now;
  }

  /** The member of staff acting; services that record who did something read it. */
  get actor(): Actor {
    if (!this.context.actor) throw new DomainError('forbidden', 'Only a signed-in member of staff can do this');
    return this.context.actor;
  }

  /** The staff member's role grants; none for an API client. */
  private get grants(): StaffRoleGrant[] {
    return this.context.actor?.roles ?? [];
  }

  /** The person's access facts for this actor; 404 when no person has the id. */
  async facts(personId: string): Promise<PersonAccessFacts> {
    const cached = this.factsCache.get(personId);
    if (cached) return cached;
    const facts = await personAccessFacts(this.db, personId, this.context.actor?.staffId ?? NO_STAFF, this.context.now);
    if (!facts) throw new DomainError('not_found', 'No person has this id');
    this.factsCache.set(personId, facts);
    return facts;
  }

  /**
   * Reads the facts of many people in one statement ahead of deciding for each (an agenda, a
   * meeting, a worklist): the decisions that follow find them here instead of asking one by one.
   */
  async prefetch(personIds: readonly string[]): Promise<void> {
    const missing = personIds.filter((id) => !this.factsCache.has(id));
    if (missing.length === 0) return;
    const facts = await accessFactsOfPeople(this.db, missing, this.context.actor?.staffId ?? NO_STAFF, this.context.now);
    for (const [id, known] of facts) this.factsCache.set(id, known);
  }

  /** Whether facts for this person are at hand (after prefetch: whether the person exists). */
  hasFacts(personId: string): boolean {
    return this.factsCache.has(personId);
  }

  /** Forget what was read, after the work changed a relationship or consent. */
  refresh(personId: string): void {
    this.factsCache.delete(personId);
  }

  /** The decision for one action on one part of a person's record; records nothing. */
  async decide(personId: string, action: AccessAction, resource: AccessResource): Promise<GateDecision> {
    const facts = await this.facts(personId);
    return this.decideWith(facts, action, resource);
  }

  /**
   * Decides, records the event, and throws 403 when refused. `resourceId` names the entry
   * touched when there is one.
   */
  async require(personId: string, action: AccessAction, resource: AccessResource, resourceId?: string): Promise<GateDecision> {
    const decision = await this.decide(personId, action, resource);
    return this.enforce(decision, { personId, action, resourceKind: resource.kind, resourceId });
  }

  /**
   * As require, for one-statement work (withAccess's `oneStatement`) that writes its own event in
   * the statement doing the work: the allowed event is returned, not queued. A refusal is
   * recorded and thrown as by require.
   */
  async requireInStatement(personId: string, action: AccessAction, resource: AccessResource): Promise<{ decision: GateDecision; event: AuditEvent }> {
    const decision = await this.decide(personId, action, resource);
    const target = { personId, action, resourceKind: resource.kind };
    if (decision.outcome === 'refused') this.enforce(decision, target);
    return { decision, event: this.event(decision, target) };
  }

  /** For views that are not one person's record (the audit log, the review list): the role alone decides. */
  requireRole(action: AccessAction, kind: ResourceKind, about: { personId?: string; resourceId?: string } = {}): GateDecision {
    const decision = this.decideFor(null, action, { kind }, [], undefined);
    return this.enforce(decision, { personId: about.personId ?? null, action, resourceKind: kind, resourceId: about.resourceId });
  }

  /**
   * The first of the actor's roles whose permissions cover the action before any relationship
   * exists (registering a new person). Refused, and recorded, when none does.
   */
  requireRoleCovering(action: AccessAction, kind: ResourceKind): StaffRoleGrant {
    const grant = this.grants.find((g) => permits(ROLE_PERMISSIONS[g.role]?.resources ?? {}, kind, action));
    if (grant) return grant;
    const decision = this.decideFor(null, action, { kind }, [], undefined);
    this.enforce(decision.outcome === 'refused' ? decision : this.noRole(null), { personId: null, action, resourceKind: kind });
    throw forbiddenError(decision);
  }

  /**
   * The `search` event every hit would get, when one decision covers them all (no role of the
   * actor needs a person's own consent to be found), for a statement that finds and records at
   * once (record.ts auditInsertFor); or null when each hit must be decided on its own
   * (searchHits). A role that may not search at all is refused, and recorded, here.
   */
  uniformSearchEvent(): AuditEvent | null {
    const roleCheck = this.decideFor(null, 'search', { kind: 'identity' }, [], undefined);
    if (roleCheck.code === 'role_excludes_resource') {
      this.enforce(roleCheck, { personId: null, action: 'search', resourceKind: 'identity' });
    }
    if (!roleCheck.allowed || this.needsConsentToFind()) return null;
    return this.event(roleCheck, { personId: null, action: 'search', resourceKind: 'identity' });
  }

  /** Whether a person's consent to voluntary-sector contact decides if the actor may find them (volunteers). */
  private needsConsentToFind(): boolean {
    return !this.context.apiClient && this.grants.some((g) => ROLE_PERMISSIONS[g.role]?.needsVoluntarySectorConsent);
  }

  /**
   * Search hits: one decision and one `search` event per person found. Hits the actor may not
   * see (a volunteer, without consent to voluntary-sector contact) are dropped; a role that may
   * not search at all is refused.
   */
  async searchHits<T extends { id: string }>(hits: readonly T[]): Promise<T[]> {
    const roleCheck = this.decideFor(null, 'search', { kind: 'identity' }, [], undefined);
    if (roleCheck.code === 'role_excludes_resource') {
      this.enforce(roleCheck, { personId: null, action: 'search', resourceKind: 'identity' });
    }
    // Consent decides a search hit only for roles that need the person's consent to
    // voluntary-sector contact (volunteers); for everyone else the query would be wasted.
    const consent = this.needsConsentToFind() ? await consentOfPeople(this.db, hits.map((h) => h.id)) : new Map<string, ConsentFacts>();
    return hits.filter((hit) => {
      const decision = this.decideFor(null, 'search', { kind: 'identity' }, [], consent.get(hit.id));
      if (!decision.allowed) return false;
      this.allowedEvents.push(this.event(decision, { personId: hit.id, action: 'search', resourceKind: 'identity' }));
      return true;
    });
  }

  /**
   * Refuses what a rule outside core's policy decides (membership of a network, chairing a
   * huddle): the refusal is recorded, and outlives the rollback, as any other; throws 403 naming
   * `code`. `resourceType` and `resourceId` name what was refused (a network, a task).
   */
  refuseOutright(refusal: { action: AccessAction; resourceType: string; resourceId: string; reason: string; code: string }): never {
    const decision: GateDecision = {
      allowed: false,
      outcome: 'refused',
      code: 'no_relationship',
      reason: refusal.reason,
      basis: null,
      breakGlass: false,
      suppressSmallNumbers: false,
      purpose: 'direct_care',
      grant: null,
      facts: null,
    };
    const event = this.event(decision, { personId: null, action: refusal.action, resourceKind: 'summary', resourceId: refusal.resourceId });
    this.denials.push({ ...event, resourceType: refusal.resourceType, reason: refusal.code });
    throw new DomainError('forbidden', refusal.reason, [], { accessCode: refusal.code });
  }

  /** Queue an event for a decision already enforced elsewhere (an emergency access grant, say). */
  recordEvent(event: AuditEvent): void {
    this.allowedEvents.push(event);
  }

  /** Record a refusal made outside decide() (a role that cannot use emergency access); it outlives the rollback. */
  recordDenial(event: AuditEvent): void {
    this.denials.push(event);
  }

  /** For one-statement work (withAccess), which records its own events: none may wait here. */
  assertNothingQueued(): void {
    if (this.allowedEvents.length > 0) throw new Error('One-statement work queued audit events it could not write in its own statement');
  }

  /** Writes the queued events: the last statement of the transaction. */
  async flush(): Promise<void> {
    if (this.allowedEvents.length === 0) return;
    await recordAuditEvents(this.db, this.allowedEvents.splice(0));
  }

  decideWith(facts: PersonAccessFacts, action: AccessAction, resource: AccessResource): GateDecision {
    if (this.context.apiClient) return this.forApiClient(this.context.apiClient, facts, action, resource);
    const decisions = this.grants.map((grant) =>
      this.forGrant(grant, facts, action, resource, relationshipsFor(grant, facts), facts.consent),
    );
    return best(decisions) ?? this.noRole(facts);
  }

  private decideFor(
    facts: PersonAccessFacts | null,
    action: AccessAction,
    resource: AccessResource,
    relationships: Relationship[],
    consent: ConsentFacts | undefined,
  ): GateDecision {
    if (this.context.apiClient) return this.forApiClient(this.context.apiClient, facts, action, resource);
    const decisions = this.grants.map((grant) => this.forGrant(grant, facts, action, resource, relationships, consent));
    return best(decisions) ?? this.noRole(facts);
  }

  /** Another system: only what its token's scopes name (core's decideForApiClient). */
  private forApiClient(client: ApiClientIdentity, facts: PersonAccessFacts | null, action: AccessAction, resource: AccessResource): GateDecision {
    const actor = { kind: 'api_client' as const, clientId: client.clientId, organisationId: client.organisationId, scopes: client.scopes };
    const purpose = this.context.purpose ?? 'direct_care';
    const decision = decide({ actor, action, resource, purpose, now: this.context.now });
    return { ...decision, grant: null, facts };
  }

  private forGrant(
    grant: StaffRoleGrant,
    facts: PersonAccessFacts | null,
    action: AccessAction,
    resource: AccessResource,
    relationships: Relationship[],
    consent: ConsentFacts | undefined,
  ): GateDecision {
    const actor = { kind: 'staff' as const, staffId: this.actor.staffId, organisationId: grant.organisationId, role: grant.role };
    const purpose = this.context.purpose ?? 'direct_care';
    const decision = decide({ actor, action, resource, relationships, consent, purpose, now: this.context.now });
    return { ...decision, purpose: decision.breakGlass ? 'emergency' : decision.purpose, grant, facts };
  }

  private noRole(facts: PersonAccessFacts | null): GateDecision {
    return {
      allowed: false,
      outcome: 'refused',
      code: 'role_excludes_resource',
      reason: 'Your account has no role, so it cannot open person records.',
      basis: null,
      breakGlass: false,
      suppressSmallNumbers: false,
      purpose: this.context.purpose ?? 'direct_care',
      grant: null,
      facts,
    };
  }

  private enforce(decision: GateDecision, target: EventTarget): GateDecision {
    const event = this.event(decision, target);
    if (decision.outcome === 'refused') {
      this.denials.push(event);
      throw forbiddenError(decision);
    }
    this.allowedEvents.push(event);
    return decision;
  }

  private auditActor(decision: GateDecision): AuditEvent['actor'] {
    const client = this.context.apiClient;
    if (client) return { kind: 'api_client', apiClientId: client.clientId, organisationId: client.organisationId };
    return {
      kind: 'staff',
      staffId: this.context.actor?.staffId ?? null,
      role: decision.grant?.role ?? null,
      organisationId: decision.grant?.organisationId ?? null,
    };
  }

  event(decision: GateDecision, target: EventTarget): AuditEvent {
    const grantReason = decision.breakGlass ? decision.facts?.breakGlass?.reason : undefined;
    return {
      at: this.context.now,
      actor: this.auditActor(decision),
      subjectPersonId: target.personId,
      resourceType: target.resourceKind,
      resourceId: target.resourceId ?? null,
      action: target.action,
      purpose: decision.purpose,
      breakGlass: decision.breakGlass,
      outcome: decision.outcome === 'refused' ? 'denied' : 'allowed',
      reason: grantReason ?? (decision.outcome === 'content' ? null : decision.code),
      requestId: this.context.requestId,
      clientAddress: this.context.clientAddress,
    };
  }
}

/** No staff member: the facts query then finds no staff relationship. */
const NO_STAFF = '00000000-0000-0000-0000-000000000000';

export interface EventTarget {
  personId: string | null;
  action: AccessAction;
  resourceKind: ResourceKind;
  resourceId?: string;
}

/** Relationships that hold for one role grant: "registered practice" only when acting for that practice. */
function relationshipsFor(grant: StaffRoleGrant, facts: PersonAccessFacts): Relationship[] {
  const atPractice = facts.registeredPracticeId !== null && grant.organisationId === facts.registeredPracticeId;
  return atPractice ? [...facts.relationships, { kind: 'registered_practice' }] : facts.relationships;
}

/**
 * Runs `work` in one transaction with a gate; its allowed events are written last, inside the
 * same transaction. If the work fails, refusals the gate made are recorded afterwards.
 *
 * With `oneStatement`, the work reads what the gate decides on, then does its work in one
 * statement that records its own events (as a search page or a record read does, record.ts
 * auditInsertFor), without BEGIN and COMMIT around it: a statement is its own transaction. Each
 * statement sees what was committed when it began, as it would inside a READ COMMITTED
 * transaction. Work that queues events for the gate to write is an error there, since they
 * could not share its transaction.
 */
export async function withAccess<T>(
  db: Db,
  context: AccessContext,
  work: (gate: AccessGate, tx: Db) => Promise<T>,
  options: { oneStatement?: boolean } = {},
): Promise<T> {
  const denials: AuditEvent[] = [];
  try {
    if (options.oneStatement) {
      const gate = new AccessGate(db, context, denials);
      const result = await work(gate, db);
      gate.assertNothingQueued();
      return result;
    }
    return await db.transaction(async (tx) => {
      const gate = new AccessGate(tx, context, denials);
      const result = await work(gate, tx);
      await gate.flush();
      return result;
    });
  } catch (error) {
    if (denials.length > 0) await recordAuditEvents(db, denials);
    throw error;
  }
}
