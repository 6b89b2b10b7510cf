import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalAuditEvent, utf8Length } from './canonical.js';
import type { AuditEvent } from './event.js';
import { describeRecordLook, type RecordLook } from './looks.js';

const event: AuditEvent = {
  at: new Date('2026-06-01T09:00:00.120Z'),
  actor: { kind: 'staff', staffId: '8f0e4b6c-2a1d-4c3b-9e8f-7a6b5c4d3e2f', role: 'gp', organisationId: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9' },
  subjectPersonId: '0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f',
  resourceType: 'summary',
  action: 'read',
  purpose: 'direct_care',
  outcome: 'allowed',
  reason: 'Zoë, née "O\'Neil", 1,2',
  requestId: 'req-7',
  clientAddress: '192.0.2.10',
};

describe('the canonical form of an audit event', () => {
  it('writes every field in a fixed order, each as its UTF-8 length and value, NULL as "-"', () => {
    expect(canonicalAuditEvent(42, event)).toBe(
      '13:kith-audit-v1,2:42,24:2026-06-01T09:00:00.120Z,5:staff,36:8f0e4b6c-2a1d-4c3b-9e8f-7a6b5c4d3e2f,-,-,2:gp,' +
        '36:1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9,36:0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f,7:summary,-,4:read,11:direct_care,' +
        '5:false,7:allowed,24:Zoë, née "O\'Neil", 1,2,5:req-7,10:192.0.2.10,',
    );
  });

  it('tells an empty value from a missing one, and cannot be fooled by separators in a value', () => {
    const empty = canonicalAuditEvent(1, { ...event, reason: '' });
    const missing = canonicalAuditEvent(1, { ...event, reason: null });
    const smuggled = canonicalAuditEvent(1, { ...event, reason: null, requestId: '-,5:req-7' });
    expect(new Set([empty, missing, smuggled, canonicalAuditEvent(1, event)]).size).toBe(4);
  });

  it('counts UTF-8 bytes as an encoder does, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
    );
  });
});

describe('who has looked at a record, in words', () => {
  const look: RecordLook = {
    day: '2026-06-02',
    actorKind: 'staff',
    staffId: 's',
    staffName: 'Asha Patel',
    apiClientId: null,
    portalId: null,
    role: 'social_worker',
    organisationId: 'o',
    organisationName: 'Croydon Council',
    looks: 2,
    actions: ['search'],
    breakGlass: false,
    firstAt: new Date('2026-06-02T09:00:00Z'),
    lastAt: new Date('2026-06-02T10:00:00Z'),
  };

  it('says a search hit is not a look at the record', () => {
    expect(describeRecordLook(look)).toBe('Asha Patel, Social worker at Croydon Council, saw this person in search results twice on 2 June 2026.');
  });

  it('names other systems and Kith itself', () => {
    expect(describeRecordLook({ ...look, actorKind: 'api_client', actions: ['read'], looks: 1 })).toBe(
      'A connected system of Croydon Council looked at this record once on 2 June 2026.',
    );
    expect(describeRecordLook({ ...look, actorKind: 'system', actions: ['export'], looks: 5 })).toBe('Kith itself looked at this record 5 times on 2 June 2026.');
  });
});
