/**
 * Made-up audit events for tests and the benchmark: deterministic from their number, shaped
 * like the real mix (mostly staff reading records, some searches, the odd break-glass and
 * refusal), with ids drawn from small pools so that grouping and indexes see realistic repeats.
 */
import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditEvent } from '@kith/core';

const ACTIONS: AuditAction[] = ['read', 'read', 'read', 'read', 'search', 'search', 'write', 'print'];
const ROLES = ['gp', 'nurse', 'social_worker', 'coordinator', 'therapist'];

/** A stable uuid from a number: 8-4-4-4-12 hex digits, version 4 shape. */
export function sampleUuid(kind: number, n: number): string {
  const hex = (kind * 1_000_003 + n).toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${hex}`;
}

/** Event number `n`, at `start` plus n seconds. */
export function sampleAuditEvent(n: number, start: Date, options: { people?: number; staff?: number } = {}): AuditEvent {
  const people = options.people ?? 10_000;
  const staff = options.staff ?? 500;
  const staffNumber = (n * 7919) % staff;
  const action = ACTIONS[n % ACTIONS.length]!;
  const breakGlass = n % 997 === 0;
  const denied = n % 211 === 0;
  return {
    at: new Date(start.getTime() + n * 1000),
    actor: {
      kind: 'staff',
      staffId: sampleUuid(1, staffNumber),
      role: ROLES[staffNumber % ROLES.length]!,
      organisationId: sampleUuid(2, staffNumber % 40),
    },
    subjectPersonId: sampleUuid(3, (n * 104_729) % people),
    resourceType: action === 'search' ? 'identity' : 'summary',
    resourceId: null,
    action,
    purpose: breakGlass ? 'emergency' : 'direct_care',
    breakGlass,
    outcome: denied ? 'denied' : 'allowed',
    reason: breakGlass ? 'Seen in A&E out of hours, no GP record available' : denied ? 'No care relationship with this person' : null,
    requestId: `req-${n.toString(36)}`,
    clientAddress: `10.0.${(n >> 8) & 255}.${n & 255}`,
  };
}

/** A staff member reading a summary, with fresh ids; override what a test is about. */
export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    at: new Date('2026-06-01T09:00:00.123Z'),
    actor: { kind: 'staff', staffId: randomUUID(), role: 'gp', organisationId: randomUUID() },
    subjectPersonId: randomUUID(),
    resourceType: 'summary',
    action: 'read',
    purpose: 'direct_care',
    outcome: 'allowed',
    requestId: 'req-1',
    clientAddress: '192.0.2.10',
    ...overrides,
  };
}
