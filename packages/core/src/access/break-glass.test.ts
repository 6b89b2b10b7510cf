import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../registry/roles.js';
import { BREAK_GLASS_DEFAULT_DURATION_MS, breakGlassExpiry, breakGlassRequestProblem, breakGlassState } from './break-glass.js';
import { decide } from './policy.js';
import type { AccessAction, AccessRequest, AccessResource, BreakGlassGrant, Relationship } from './types.js';

const GRANTED = new Date('2026-03-12T10:00:00Z');
const EXPIRES = breakGlassExpiry(GRANTED);
const GRANT: BreakGlassGrant = { reason: 'Telecare alert, found on the floor', grantedAt: GRANTED, expiresAt: EXPIRES };

function underBreakGlass(
  role: StaffRole,
  options: { now?: Date; grant?: BreakGlassGrant; action?: AccessAction; resource?: AccessResource; extra?: Relationship[] } = {},
): AccessRequest {
  return {
    actor: { kind: 'staff', staffId: 'staff-1', organisationId: 'acute-trust', role },
    action: options.action ?? 'read',
    resource: options.resource ?? { kind: 'summary' },
    relationships: [{ kind: 'break_glass', grant: options.grant ?? GRANT }, ...(options.extra ?? [])],
    consent: { allianceSharing: 'given', voluntarySectorContact: 'given', nationalDataOptOut: false, mdtObjection: false },
    purpose: 'emergency',
    now: options.now ?? new Date(GRANTED.getTime() + 60_000),
  };
}

describe('emergency access (break-glass)', () => {
  it('lasts four hours by default', () => {
    expect(BREAK_GLASS_DEFAULT_DURATION_MS).toBe(4 * 60 * 60 * 1000);
    expect(EXPIRES.toISOString()).toBe('2026-03-12T14:00:00.000Z');
    expect(breakGlassExpiry(GRANTED, 30 * 60 * 1000).toISOString()).toBe('2026-03-12T10:30:00.000Z');
  });

  it('is allowed, flagged for review, until the instant of its expiry', () => {
    const decision = decide(underBreakGlass('gp', { now: new Date(EXPIRES.getTime() - 1) }));
    expect(decision.allowed).toBe(true);
    expect(decision.breakGlass).toBe(true);
    expect(decision.basis).toBe('break_glass');
    expect(decision.reason).toContain('Telecare alert, found on the floor');
    expect(decision.purpose).toBe('emergency');
  });

  it('has ended when now equals its expiry, and after', () => {
    for (const now of [EXPIRES, new Date(EXPIRES.getTime() + 1)]) {
      const decision = decide(underBreakGlass('gp', { now }));
      expect(decision.allowed).toBe(false);
      expect(decision.code).toBe('break_glass_expired');
      expect(decision.breakGlass).toBe(false);
      expect(breakGlassState(GRANT, now)).toBe('expired');
    }
  });

  it('refuses a grant with an empty or blank reason', () => {
    for (const reason of ['', '   ']) {
      const decision = decide(underBreakGlass('gp', { grant: { ...GRANT, reason } }));
      expect(decision.allowed).toBe(false);
      expect(decision.code).toBe('break_glass_reason_missing');
      expect(breakGlassRequestProblem('gp', reason)).toBe('Give a reason for emergency access');
    }
    expect(breakGlassRequestProblem('nurse', 'Collapsed at home')).toBeUndefined();
    expect(breakGlassRequestProblem('nurse', 'x'.repeat(501))).toMatch(/500 characters/);
  });

  it('is not for volunteers, commissioners, analysts, admins or privacy officers', () => {
    for (const role of ['volunteer', 'commissioner', 'analyst', 'admin', 'privacy_officer'] as const) {
      expect(breakGlassRequestProblem(role, 'Collapsed at home')).toBe('Your role cannot use emergency access');
      const resource: AccessResource = { kind: role === 'volunteer' ? 'plan_summary' : 'summary' };
      expect(decide(underBreakGlass(role, { resource })).allowed, role).toBe(false);
    }
    expect(decide(underBreakGlass('volunteer', { resource: { kind: 'plan_summary' } })).code).toBe('break_glass_not_for_role');
  });

  it('lets clinical roles write, flagged, but not coordinators or the independent living team', () => {
    const write = { action: 'write' as const, resource: { kind: 'plan' as const } };
    const gp = decide(underBreakGlass('gp', write));
    expect(gp.allowed && gp.breakGlass).toBe(true);
    expect(decide(underBreakGlass('coordinator', write)).code).toBe('break_glass_excludes_action');
    expect(decide(underBreakGlass('independent_living', { action: 'write', resource: { kind: 'alerts' } })).code).toBe('break_glass_excludes_action');
  });

  it('never covers export or print', () => {
    for (const action of ['export', 'print'] as const) {
      const decision = decide(underBreakGlass('gp', { action }));
      expect(decision.code).toBe('break_glass_excludes_action');
      expect(decision.reason).toMatch(/not (exporting|printing)/);
    }
  });

  it('never reveals a restricted category unless the role is named on it', () => {
    const entry: AccessResource = { kind: 'record_entry', restrictedCategory: 'sexual_health', author: { staffId: 'gp-2', organisationId: 'practice-9' } };
    const pharmacist = decide(underBreakGlass('pharmacist', { resource: entry }));
    expect(pharmacist.outcome).toBe('restricted_marker');
    expect(pharmacist.breakGlass).toBe(true);
    expect(decide(underBreakGlass('nurse', { resource: entry })).outcome).toBe('content');
  });

  it('is not the basis, and not flagged, when an ordinary relationship also holds', () => {
    const decision = decide(underBreakGlass('nurse', { extra: [{ kind: 'care_team' }] }));
    expect(decision.basis).toBe('care_team');
    expect(decision.breakGlass).toBe(false);
  });

  it('uses the active grant when an expired one is also on record', () => {
    const expired: Relationship = { kind: 'break_glass', grant: { ...GRANT, expiresAt: new Date(GRANTED.getTime() + 1) } };
    const request = underBreakGlass('nurse');
    const decision = decide({ ...request, relationships: [expired, ...request.relationships!] });
    expect(decision.allowed).toBe(true);
  });
});
