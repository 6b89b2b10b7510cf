import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../registry/roles.js';
import { decide } from './policy.js';
import { RESTRICTED_CATEGORY_ROLES } from './restricted.js';
import { RESTRICTED_CATEGORIES, type AccessRequest, type ConsentState, type EntryAuthor, type RestrictedCategory } from './types.js';

const NOW = new Date('2026-03-12T10:00:00Z');
const AUTHOR: EntryAuthor = { staffId: 'nurse-ann', organisationId: 'community-trust' };

function readEntry(
  role: StaffRole,
  options: { organisationId?: string; staffId?: string; sharing?: ConsentState; category?: RestrictedCategory } = {},
): AccessRequest {
  return {
    actor: { kind: 'staff', staffId: options.staffId ?? 'someone-else', organisationId: options.organisationId ?? 'council', role },
    action: 'read',
    resource: { kind: 'record_entry', author: AUTHOR, restrictedCategory: options.category },
    relationships: [{ kind: 'care_team' }],
    consent: { allianceSharing: options.sharing ?? 'given', voluntarySectorContact: 'given', nationalDataOptOut: false, mdtObjection: false },
    purpose: 'direct_care',
    now: NOW,
  };
}

describe('consent to share across the alliance', () => {
  it('when withdrawn, an entry is visible only inside the organisation that wrote it', () => {
    const otherOrganisation = decide(readEntry('gp', { sharing: 'withdrawn', organisationId: 'practice-1' }));
    expect(otherOrganisation.outcome).toBe('refused');
    expect(otherOrganisation.code).toBe('no_sharing_consent');
    expect(otherOrganisation.reason).toMatch(/visible only to the organisation that wrote it/);

    const sameOrganisation = decide(readEntry('therapist', { sharing: 'withdrawn', organisationId: AUTHOR.organisationId }));
    expect(sameOrganisation.allowed).toBe(true);
  });

  it('when not recorded, is treated as not given', () => {
    expect(decide(readEntry('gp', { sharing: 'not_recorded' })).code).toBe('no_sharing_consent');
  });

  it('when no consent facts are passed at all, is treated as not given', () => {
    const { consent: _consent, ...request } = readEntry('gp');
    expect(decide(request).code).toBe('no_sharing_consent');
  });

  it('when given, the entry is shared with the care team in every organisation', () => {
    expect(decide(readEntry('gp', { sharing: 'given' })).allowed).toBe(true);
  });

  it('does not stop the person seeing their own record in the portal', () => {
    const request: AccessRequest = {
      ...readEntry('gp', { sharing: 'withdrawn' }),
      actor: { kind: 'portal', portalUserId: 'person-1' },
      relationships: [{ kind: 'portal_self' }],
      purpose: 'own_record',
    };
    expect(decide(request).allowed).toBe(true);
  });

  it('withdrawn consent is not overridden by emergency access', () => {
    const request: AccessRequest = {
      ...readEntry('gp', { sharing: 'withdrawn' }),
      relationships: [{ kind: 'break_glass', grant: { reason: 'Unconscious in A&E', grantedAt: NOW, expiresAt: new Date(NOW.getTime() + 60_000) } }],
    };
    const decision = decide(request);
    expect(decision.code).toBe('no_sharing_consent');
    expect(decision.breakGlass).toBe(false);
  });

  it('the national data opt-out does not restrict direct care', () => {
    const request = readEntry('gp');
    expect(decide({ ...request, consent: { ...request.consent!, nationalDataOptOut: true } }).allowed).toBe(true);
  });
});

describe('restricted categories', () => {
  it.each(RESTRICTED_CATEGORIES)('%s: content only for the roles named on it, a marker for the rest', (category) => {
    const clinicalAndCoordinator: StaffRole[] = ['gp', 'nurse', 'pharmacist', 'therapist', 'mental_health', 'social_worker', 'network_lead', 'coordinator'];
    for (const role of clinicalAndCoordinator) {
      const decision = decide(readEntry(role, { category }));
      const named = RESTRICTED_CATEGORY_ROLES[category].includes(role);
      expect(decision.outcome, `${role} reading ${category}`).toBe(named ? 'content' : 'restricted_marker');
    }
  });

  it('names the category and its roles in the marker', () => {
    const decision = decide(readEntry('pharmacist', { category: 'sexual_health' }));
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toBe('A restricted entry exists here (sexual health). Only the GP and Community nurse roles, and its author, can read it.');
  });

  it('the author always sees their own entry, even in a role not named on the category', () => {
    const author = { staffId: AUTHOR.staffId, organisationId: AUTHOR.organisationId };
    for (const role of ['coordinator', 'pharmacist', 'therapist'] as const) {
      expect(decide(readEntry(role, { ...author, category: 'mental_health_detail' })).allowed).toBe(true);
    }
  });

  it('the author sees their own entry after moving organisation, without sharing consent', () => {
    expect(decide(readEntry('coordinator', { staffId: AUTHOR.staffId, sharing: 'withdrawn', category: 'safeguarding' })).allowed).toBe(true);
  });

  it('a coordinator may write a safeguarding entry of their own, but not change someone else’s', () => {
    const own: AccessRequest = {
      ...readEntry('coordinator', { staffId: 'pic-1', category: 'safeguarding' }),
      action: 'write',
      resource: { kind: 'record_entry', restrictedCategory: 'safeguarding', author: { staffId: 'pic-1', organisationId: 'council' } },
    };
    expect(decide(own).allowed).toBe(true);
    const others = decide({ ...readEntry('coordinator', { category: 'safeguarding' }), action: 'write' });
    expect(others.outcome).toBe('refused');
    expect(others.code).toBe('restricted_write');
  });

  it('shows the marker in search hits, prints and exports too', () => {
    for (const action of ['search', 'print', 'export'] as const) {
      expect(decide({ ...readEntry('therapist', { category: 'substance_misuse' }), action }).outcome).toBe('restricted_marker');
    }
  });

  it('gives no marker to roles without the clinical record', () => {
    for (const role of ['independent_living', 'volunteer', 'commissioner', 'admin'] as const) {
      expect(decide(readEntry(role, { category: 'safeguarding' })).outcome).toBe('refused');
    }
  });
});
