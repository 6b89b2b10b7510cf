import { describe, expect, it } from 'vitest';
import { decide } from './policy.js';
import { CARE_RECORD_KINDS, RESOURCE_KINDS, type AccessAction, type AccessRequest, type Relationship, type ResourceKind } from './types.js';

const NOW = new Date('2026-03-12T10:00:00Z');

function portalRequest(relationships: Relationship[], kind: ResourceKind, action: AccessAction = 'read'): AccessRequest {
  return {
    actor: { kind: 'portal', portalUserId: 'portal-1' },
    action,
    resource: { kind },
    relationships,
    consent: { allianceSharing: 'withdrawn', voluntarySectorContact: 'withdrawn', nationalDataOptOut: true, mdtObjection: false },
    purpose: 'own_record',
    now: NOW,
  };
}

function apiRequest(scopes: string[], kind: ResourceKind, action: AccessAction): AccessRequest {
  return {
    actor: { kind: 'api_client', clientId: 'telecare-platform', organisationId: 'telecare-provider', scopes },
    action,
    resource: { kind },
    purpose: 'direct_care',
    now: NOW,
  };
}

describe('the person in the portal', () => {
  const self: Relationship[] = [{ kind: 'portal_self' }];

  it('sees their own summary, plan, record and who looked', () => {
    for (const kind of ['identity', 'contact_details', 'summary', 'plan', 'plan_summary', 'record_entry', 'audit_log'] as const) {
      expect(decide(portalRequest(self, kind)).allowed, kind).toBe(true);
    }
  });

  it('does not see restricted entries in the portal, not even as a marker', () => {
    const request = portalRequest(self, 'record_entry');
    const decision = decide({ ...request, resource: { kind: 'record_entry', restrictedCategory: 'safeguarding' } });
    expect(decision.outcome).toBe('refused');
    expect(decision.code).toBe('restricted_not_in_portal');
  });

  it('cannot write, export, or see other people’s huddle notes and alerts', () => {
    expect(decide(portalRequest(self, 'plan', 'write')).allowed).toBe(false);
    expect(decide(portalRequest(self, 'summary', 'export')).allowed).toBe(false);
    expect(decide(portalRequest(self, 'huddle_notes')).allowed).toBe(false);
  });

  it('without a link to the person, sees nothing, even with staff relationships', () => {
    for (const relationships of [[], [{ kind: 'care_team' }, { kind: 'registered_practice' }]] as Relationship[][]) {
      expect(decide(portalRequest(relationships, 'summary')).code).toBe('portal_not_linked');
    }
  });
});

describe('a carer in the portal', () => {
  it('sees only the plan, and only when the person shares it', () => {
    const shared: Relationship[] = [{ kind: 'portal_carer', maySeePlan: true }];
    for (const kind of CARE_RECORD_KINDS) {
      expect(decide(portalRequest(shared, kind)).allowed, kind).toBe(kind === 'plan' || kind === 'plan_summary');
    }
    const unshared = decide(portalRequest([{ kind: 'portal_carer', maySeePlan: false }], 'plan'));
    expect(unshared.code).toBe('carer_plan_not_shared');
  });
});

describe('API clients', () => {
  it('a telecare platform with alerts:write raises alerts and reads nothing', () => {
    expect(decide(apiRequest(['alerts:write'], 'alerts', 'write')).basis).toBe('api_scope');
    expect(decide(apiRequest(['alerts:write'], 'alerts', 'read')).code).toBe('scope_missing');
    for (const kind of RESOURCE_KINDS) {
      for (const action of ['read', 'search', 'export', 'print'] as const) {
        expect(decide(apiRequest(['alerts:write'], kind, action)).allowed, `${action} ${kind}`).toBe(false);
      }
    }
  });

  it('a data feed with import:write writes demographics and entries, but cannot read them back', () => {
    for (const kind of ['identity', 'contact_details', 'record_entry'] as const) {
      expect(decide(apiRequest(['import:write'], kind, 'write')).allowed).toBe(true);
      expect(decide(apiRequest(['import:write'], kind, 'read')).allowed).toBe(false);
    }
    expect(decide(apiRequest(['import:write'], 'plan', 'write')).allowed).toBe(false);
  });

  it('unknown scopes, and names that only look like keys, grant nothing', () => {
    for (const scope of ['record:read', 'toString', 'constructor', '__proto__', 'ALERTS:WRITE', '*']) {
      expect(decide(apiRequest([scope], 'alerts', 'write')).allowed, scope).toBe(false);
      expect(decide(apiRequest([scope], 'summary', 'read')).allowed, scope).toBe(false);
    }
  });

  it('no scope reads a clinical or portal view', () => {
    const everyScope = ['alerts:read', 'alerts:write', 'import:write', 'reports:read', 'directory:write'];
    for (const kind of ['summary', 'record_entry', 'plan', 'plan_summary', 'assessment', 'huddle_notes', 'audit_log'] as const) {
      expect(decide(apiRequest(everyScope, kind, 'read')).allowed, kind).toBe(false);
    }
    expect(decide(apiRequest(['reports:read'], 'aggregate_report', 'export')).suppressSmallNumbers).toBe(true);
  });
});
