import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from '../registry/roles.js';
import { forbiddenError } from './errors.js';
import { ROLE_PERMISSIONS } from './permissions.js';
import { decide } from './policy.js';
import { ACTIONS, CARE_RECORD_KINDS, type AccessAction, type AccessRequest, type ConsentState, type Relationship, type ResourceKind } from './types.js';

const NOW = new Date('2026-03-12T10:00:00Z');
const EVERY_RELATIONSHIP: Relationship[] = [
  { kind: 'named_coordinator' },
  { kind: 'care_team' },
  { kind: 'registered_practice' },
  { kind: 'network', openItems: ['referral'] },
  { kind: 'break_glass', grant: { reason: 'Needed', grantedAt: NOW, expiresAt: new Date(NOW.getTime() + 60_000) } },
];

function staffRequest(role: StaffRole, kind: ResourceKind, action: AccessAction = 'read', voluntary: ConsentState = 'given'): AccessRequest {
  return {
    actor: { kind: 'staff', staffId: 'staff-1', organisationId: 'organisation-1', role },
    action,
    resource: { kind },
    relationships: [{ kind: 'care_team' }],
    consent: { allianceSharing: 'given', voluntarySectorContact: voluntary, nationalDataOptOut: false, mdtObjection: false },
    purpose: 'direct_care',
    now: NOW,
  };
}

describe('volunteers', () => {
  it('see identity, contact details and the plan summary, nothing more', () => {
    for (const kind of CARE_RECORD_KINDS) {
      const expected = ['identity', 'contact_details', 'plan_summary'].includes(kind);
      expect(decide(staffRequest('volunteer', kind)).allowed, kind).toBe(expected);
    }
  });

  it('are refused without the person’s consent to voluntary-sector contact', () => {
    for (const consent of ['withdrawn', 'not_recorded'] as const) {
      const decision = decide(staffRequest('volunteer', 'plan_summary', 'read', consent));
      expect(decision.code).toBe('no_voluntary_sector_consent');
      expect(decide(staffRequest('volunteer', 'identity', 'search', consent)).allowed).toBe(false);
    }
  });

  it('may not write or export', () => {
    expect(decide(staffRequest('volunteer', 'contact_details', 'write')).code).toBe('role_excludes_resource');
    expect(decide(staffRequest('volunteer', 'plan_summary', 'export')).allowed).toBe(false);
  });
});

describe('commissioners and analysts', () => {
  it('never get a named record, whatever the relationship or action', () => {
    for (const role of ['commissioner', 'analyst'] as const) {
      for (const kind of [...CARE_RECORD_KINDS, 'audit_log'] as const) {
        for (const action of ACTIONS) {
          for (const relationship of EVERY_RELATIONSHIP) {
            const decision = decide({ ...staffRequest(role, kind, action), relationships: [relationship] });
            expect(decision.outcome, `${role} ${action} ${kind} on ${relationship.kind}`).toBe('refused');
          }
        }
      }
    }
    expect(decide(staffRequest('commissioner', 'summary')).reason).toMatch(/never a named person's record/);
  });

  it('see aggregate reports and dashboards, with small numbers to be suppressed', () => {
    for (const kind of ['aggregate_report', 'dashboard'] as const) {
      const decision = decide({ ...staffRequest('analyst', kind, 'export'), relationships: [] });
      expect(decision.allowed).toBe(true);
      expect(decision.suppressSmallNumbers).toBe(true);
      expect(decision.basis).toBe('role');
    }
  });
});

describe('other roles', () => {
  it('the privacy officer reads the audit log and reviews emergency access, not the clinical record', () => {
    expect(decide(staffRequest('privacy_officer', 'audit_log')).allowed).toBe(true);
    expect(decide(staffRequest('privacy_officer', 'break_glass_review', 'write')).allowed).toBe(true);
    for (const kind of CARE_RECORD_KINDS) expect(decide(staffRequest('privacy_officer', kind)).allowed).toBe(false);
  });

  it('admin sees no person data at all', () => {
    for (const kind of [...CARE_RECORD_KINDS, 'audit_log', 'aggregate_report'] as const) {
      for (const action of ACTIONS) expect(decide(staffRequest('admin', kind, action)).allowed).toBe(false);
    }
  });

  it('the independent living team sees summary, plan and alerts, and acknowledges alerts', () => {
    for (const kind of ['summary', 'plan', 'alerts'] as const) expect(decide(staffRequest('independent_living', kind)).allowed).toBe(true);
    expect(decide(staffRequest('independent_living', 'alerts', 'write')).allowed).toBe(true);
    for (const kind of ['record_entry', 'assessment', 'huddle_notes'] as const) {
      expect(decide(staffRequest('independent_living', kind)).allowed).toBe(false);
    }
  });

  it('a network lead is a clinical role with the same relationship rules, plus dashboards', () => {
    expect(decide(staffRequest('network_lead', 'record_entry', 'write')).allowed).toBe(true);
    expect(decide({ ...staffRequest('network_lead', 'summary'), relationships: [] }).allowed).toBe(false);
    expect(decide({ ...staffRequest('network_lead', 'dashboard'), relationships: [] }).allowed).toBe(true);
    expect(decide({ ...staffRequest('gp', 'dashboard'), relationships: [] }).allowed).toBe(false);
  });

  it('every role has a plain-words description, used when a request goes beyond it', () => {
    for (const role of STAFF_ROLES) expect(ROLE_PERMISSIONS[role].covers.length).toBeGreaterThan(20);
    expect(decide(staffRequest('admin', 'summary')).reason).toBe(
      "Your role (Administrator) cannot read a person's summary: it covers accounts, organisations, networks and configuration, not person records.",
    );
  });

  it('turns a refusal into a 403 domain error carrying its reason', () => {
    const error = forbiddenError(decide(staffRequest('admin', 'summary')));
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/Administrator/);
    expect(error.extra).toEqual({ accessCode: 'role_excludes_resource' });
  });

  it('refuses a role it does not know', () => {
    const request = staffRequest('gp', 'summary');
    const unknown = { ...request, actor: { ...request.actor, role: 'wizard' as StaffRole } };
    expect(decide(unknown).allowed).toBe(false);
  });
});
