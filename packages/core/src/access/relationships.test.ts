import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../registry/roles.js';
import { decide } from './policy.js';
import type { AccessAction, AccessRequest, ResourceKind, Relationship } from './types.js';

const NOW = new Date('2026-03-12T10:00:00Z');

function staffRequest(role: StaffRole, relationships: Relationship[], action: AccessAction = 'read', kind: ResourceKind = 'summary'): AccessRequest {
  return {
    actor: { kind: 'staff', staffId: 'staff-1', organisationId: 'organisation-1', role },
    action,
    resource: { kind },
    relationships,
    consent: { allianceSharing: 'given', voluntarySectorContact: 'given', nationalDataOptOut: false, mdtObjection: false },
    purpose: 'direct_care',
    now: NOW,
  };
}

describe('relationships', () => {
  it('refuses without one, in plain words, and points to emergency access', () => {
    const decision = decide(staffRequest('nurse', []));
    expect(decision.allowed).toBe(false);
    expect(decision.code).toBe('no_relationship');
    expect(decision.reason).toBe(
      "You are not on this person's care team, do not work at their practice, and their network has no open referral for them. " +
        'If you need to see this record now, use emergency access and give a reason.',
    );
  });

  it('does not point a volunteer to emergency access', () => {
    expect(decide(staffRequest('volunteer', [], 'read', 'plan_summary')).reason).toMatch(/cannot use emergency access/);
  });

  it('counts the network only while the person has an open referral, episode or agenda item there', () => {
    const closed = decide(staffRequest('social_worker', [{ kind: 'network', openItems: [] }]));
    expect(closed.code).toBe('network_without_open_item');
    expect(closed.reason).toMatch(/no open referral, episode or agenda item/);
    for (const item of ['referral', 'episode', 'agenda_item'] as const) {
      expect(decide(staffRequest('social_worker', [{ kind: 'network', openItems: [item] }])).basis).toBe('network');
    }
  });

  it('names the strongest relationship as the basis', () => {
    const all: Relationship[] = [{ kind: 'network', openItems: ['episode'] }, { kind: 'registered_practice' }, { kind: 'care_team' }, { kind: 'named_coordinator' }];
    expect(decide(staffRequest('coordinator', all)).basis).toBe('named_coordinator');
    expect(decide(staffRequest('gp', [{ kind: 'registered_practice' }])).reason).toBe("Allowed: you work at this person's GP practice.");
  });

  it('lets a search hit show who a person is without a relationship, but not open their record', () => {
    const hit = decide(staffRequest('gp', [], 'search', 'identity'));
    expect(hit.allowed).toBe(true);
    expect(hit.basis).toBe('registry_search');
    expect(decide(staffRequest('gp', [], 'read', 'identity')).allowed).toBe(false);
    expect(decide(staffRequest('gp', [], 'search', 'record_entry')).allowed).toBe(false);
  });

  it('ignores portal relationships for staff', () => {
    const portal: Relationship[] = [{ kind: 'portal_self' }, { kind: 'portal_carer', maySeePlan: true }];
    expect(decide(staffRequest('gp', portal)).code).toBe('no_relationship');
  });

  it('carries the purpose through to the decision', () => {
    expect(decide({ ...staffRequest('gp', [{ kind: 'care_team' }]), purpose: 'safeguarding' }).purpose).toBe('safeguarding');
  });
});
