import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../registry/roles.js';
import { API_SCOPES, CLINICAL_ROLES } from './permissions.js';
import { decide } from './policy.js';
import { RESTRICTED_CATEGORY_ROLES } from './restricted.js';
import {
  ACCESS_PURPOSES,
  ACTIONS,
  CARE_RECORD_KINDS,
  CONSENT_STATES,
  NETWORK_OPEN_ITEMS,
  RESOURCE_KINDS,
  RESTRICTED_CATEGORIES,
  type AccessActor,
  type AccessRequest,
  type Relationship,
} from './types.js';

const NOW_MS = Date.parse('2026-03-12T10:00:00Z');
const HOUR = 60 * 60 * 1000;
const staffIds = ['staff-1', 'staff-2', 'staff-3'];
const organisationIds = ['organisation-1', 'organisation-2'];

const actor: fc.Arbitrary<AccessActor> = fc.oneof(
  fc.record({
    kind: fc.constant('staff' as const),
    staffId: fc.constantFrom(...staffIds),
    organisationId: fc.constantFrom(...organisationIds),
    role: fc.constantFrom(...STAFF_ROLES),
  }),
  fc.record({ kind: fc.constant('portal' as const), portalUserId: fc.constant('portal-1') }),
  fc.record({
    kind: fc.constant('api_client' as const),
    clientId: fc.constant('client-1'),
    organisationId: fc.constantFrom(...organisationIds),
    scopes: fc.subarray([...Object.keys(API_SCOPES), 'record:read', 'toString']),
  }),
);

const relationship: fc.Arbitrary<Relationship> = fc.oneof(
  fc.constantFrom<Relationship>({ kind: 'named_coordinator' }, { kind: 'care_team' }, { kind: 'registered_practice' }, { kind: 'portal_self' }),
  fc.record({ kind: fc.constant('network' as const), openItems: fc.subarray([...NETWORK_OPEN_ITEMS]) }),
  fc.record({ kind: fc.constant('portal_carer' as const), maySeePlan: fc.boolean() }),
  fc.record({
    kind: fc.constant('break_glass' as const),
    grant: fc.record({
      reason: fc.constantFrom('', '  ', 'Collapsed at home'),
      grantedAt: fc.integer({ min: -8 * HOUR, max: 0 }).map((d) => new Date(NOW_MS + d)),
      expiresAt: fc.integer({ min: -4 * HOUR, max: 4 * HOUR }).map((d) => new Date(NOW_MS + d)),
    }),
  }),
);

const request: fc.Arbitrary<AccessRequest> = fc.record({
  actor,
  action: fc.constantFrom(...ACTIONS),
  resource: fc.record(
    {
      kind: fc.constantFrom(...RESOURCE_KINDS),
      author: fc.record({ staffId: fc.constantFrom(...staffIds), organisationId: fc.constantFrom(...organisationIds) }),
      restrictedCategory: fc.constantFrom(...RESTRICTED_CATEGORIES),
    },
    { requiredKeys: ['kind'] },
  ),
  relationships: fc.array(relationship, { maxLength: 4 }),
  consent: fc.record({
    allianceSharing: fc.constantFrom(...CONSENT_STATES),
    voluntarySectorContact: fc.constantFrom(...CONSENT_STATES),
    nationalDataOptOut: fc.boolean(),
    mdtObjection: fc.boolean(),
  }),
  purpose: fc.constantFrom(...ACCESS_PURPOSES),
  now: fc.integer({ min: -HOUR, max: HOUR }).map((d) => new Date(NOW_MS + d)),
});

/** A restricted record entry, read (or searched, exported, printed) by someone who did not write it. */
const readOfSomeoneElsesRestrictedEntry = request
  .map((r) => ({ ...r, action: r.action === 'write' ? ('read' as const) : r.action, resource: { ...r.resource, kind: 'record_entry' as const } }))
  .filter((r) => r.resource.restrictedCategory !== undefined && !(r.actor.kind === 'staff' && r.resource.author?.staffId === r.actor.staffId));

const CLINICAL_OR_COORDINATOR: readonly StaffRole[] = [...CLINICAL_ROLES, 'coordinator'];

describe('properties of decide()', () => {
  it('never lets a role outside the clinical and coordinator roles read a restricted entry they did not write', () => {
    fc.assert(
      fc.property(readOfSomeoneElsesRestrictedEntry, (r) => {
        const insideTheSet = r.actor.kind === 'staff' && CLINICAL_OR_COORDINATOR.includes(r.actor.role);
        if (!insideTheSet) expect(decide(r).allowed).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows restricted content only to the roles named on the category', () => {
    fc.assert(
      fc.property(readOfSomeoneElsesRestrictedEntry, (r) => {
        const decision = decide(r);
        if (decision.allowed) {
          expect(r.actor.kind).toBe('staff');
          if (r.actor.kind === 'staff') expect(RESTRICTED_CATEGORY_ROLES[r.resource.restrictedCategory!]).toContain(r.actor.role);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never gives a commissioner, analyst, privacy officer or admin any part of a named record', () => {
    fc.assert(
      fc.property(request, (r) => {
        const oversight = r.actor.kind === 'staff' && ['commissioner', 'analyst', 'privacy_officer', 'admin'].includes(r.actor.role);
        if (oversight && (CARE_RECORD_KINDS as readonly string[]).includes(r.resource.kind)) expect(decide(r).outcome).toBe('refused');
      }),
      { numRuns: 2000 },
    );
  });

  it('without sharing consent, keeps a care-record entry inside its organisation for staff other than its author', () => {
    fc.assert(
      fc.property(request, (r) => {
        const { actor: a, resource, consent } = r;
        if (a.kind !== 'staff' || !resource.author || consent!.allianceSharing === 'given') return;
        if (!(CARE_RECORD_KINDS as readonly string[]).includes(resource.kind)) return;
        if (resource.author.staffId === a.staffId || resource.author.organisationId === a.organisationId) return;
        expect(decide(r).outcome).toBe('refused');
      }),
      { numRuns: 2000 },
    );
  });

  it('answers consistently: allowed means content, emergency access is flagged only when it showed something', () => {
    fc.assert(
      fc.property(request, (r) => {
        const decision = decide(r);
        expect(decision.allowed).toBe(decision.outcome === 'content');
        expect(decision.purpose).toBe(r.purpose);
        expect(decision.reason.trim().length).toBeGreaterThan(0);
        if (decision.breakGlass) {
          expect(decision.basis).toBe('break_glass');
          expect(decision.outcome).not.toBe('refused');
          expect(r.action === 'export' || r.action === 'print').toBe(false);
        }
        expect(decide(r)).toEqual(decision);
      }),
      { numRuns: 3000 },
    );
  });
});
