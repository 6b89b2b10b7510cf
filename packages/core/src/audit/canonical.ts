/**
 * The canonical form of an audit event: the exact bytes its hash covers, written out for an
 * auditor to reproduce. The database computes it on insert (migration 0003,
 * audit_event_canonical) and again from built-ins when verifying (server's
 * platform/audit/canonical-sql.ts); the tests hold both to this one.
 *
 * Version kith-audit-v1. The fields below, in this order, each written as
 *   NULL          ->  "-,"
 *   any other     ->  <length of the value in UTF-8 bytes> ":" <the value> ","
 * and the whole taken as UTF-8. Values are written as PostgreSQL writes them as text: numbers in
 * decimal, uuids in lower case with hyphens, booleans as "true" or "false", and `at` in UTC to
 * the millisecond as YYYY-MM-DDTHH:MM:SS.mmmZ (JavaScript's toISOString). Length prefixes mean
 * nothing is escaped and no value can run into the next.
 *
 *   "kith-audit-v1", sequence, at, actor kind, actor staff id, actor api client id,
 *   actor portal id, actor role, actor organisation id, subject person id, resource type,
 *   resource id, action, purpose, break glass, outcome, reason, request id, client address
 *
 * An event's hash is SHA-256 over the previous event's hash (32 bytes; 32 zero bytes before the
 * first event) followed by these bytes. For example, the first event of a log might be
 *   13:kith-audit-v1,1:1,24:2026-06-01T09:00:00.000Z,5:staff,36:<uuid>,-,-,2:gp,...
 */
import type { AuditEvent } from './event.js';

export const AUDIT_CANONICAL_VERSION = 'kith-audit-v1';

/** The canonical form as text; hash its UTF-8 bytes. */
export function canonicalAuditEvent(sequence: number | string, event: AuditEvent): string {
  const a = event.actor;
  return (
    field(AUDIT_CANONICAL_VERSION) +
    field(String(sequence)) +
    field(event.at.toISOString()) +
    field(a.kind) +
    field(a.staffId) +
    field(a.apiClientId) +
    field(a.portalId) +
    field(a.role) +
    field(a.organisationId) +
    field(event.subjectPersonId) +
    field(event.resourceType) +
    field(event.resourceId) +
    field(event.action) +
    field(event.purpose) +
    field(event.breakGlass ? 'true' : 'false') +
    field(event.outcome) +
    field(event.reason) +
    field(event.requestId) +
    field(event.clientAddress)
  );
}

function field(value: string | null | undefined): string {
  if (value === null || value === undefined) return '-,';
  return (NON_ASCII.test(value) ? utf8Length(value) : value.length) + ':' + value + ',';
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Bytes the text takes in UTF-8, counted without encoding it (core has no TextEncoder). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A surrogate pair is two UTF-16 units and four UTF-8 bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
