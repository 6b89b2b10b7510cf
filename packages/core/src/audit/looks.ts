/**
 * "Who has looked at this record", in plain words: the log's reads of one person grouped by who
 * looked, in which role and organisation, on which day, with emergency access called out.
 */
import { STAFF_ROLE_LABELS, type StaffRole } from '../registry/roles.js';
import type { AuditAction, AuditActorKind } from './event.js';

/** One person's (or system's) looks at a record on one day. */
export interface RecordLook {
  /** The day, YYYY-MM-DD, in the borough's time zone. */
  day: string;
  actorKind: AuditActorKind;
  staffId: string | null;
  staffName: string | null;
  apiClientId: string | null;
  portalId: string | null;
  role: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /** Audit events in the group. */
  looks: number;
  actions: AuditAction[];
  /** At least one look was by emergency access: shown first in words, reviewed by the privacy officer. */
  breakGlass: boolean;
  firstAt: Date;
  lastAt: Date;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2 June 2026" from "2026-06-02". */
export function dayInWords(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

/** A sentence such as "Asha Patel, GP at Riverside Surgery, looked at this record 3 times on 2 June 2026." */
export function describeRecordLook(look: RecordLook): string {
  const when = `on ${dayInWords(look.day)}`;
  const times = look.looks === 1 ? 'once' : look.looks === 2 ? 'twice' : `${look.looks} times`;
  const onlySearched = look.actions.every((action) => action === 'search');
  const what = onlySearched ? `saw this person in search results ${times}` : `looked at this record ${times}`;
  const emergency = look.breakGlass ? ', using emergency access (break-glass), which the privacy officer reviews' : '';
  return `${whoInWords(look)} ${what} ${when}${emergency}.`;
}

function whoInWords(look: RecordLook): string {
  switch (look.actorKind) {
    case 'staff': {
      const name = look.staffName ?? 'A member of staff';
      const role = look.role ? (STAFF_ROLE_LABELS[look.role as StaffRole] ?? look.role) : null;
      const at = look.organisationName ? ` at ${look.organisationName}` : '';
      return role || at ? `${name}, ${role ?? 'staff'}${at},` : name;
    }
    case 'person':
      return 'The person themself, in the portal,';
    case 'carer':
      return 'A carer, in the portal,';
    case 'api_client':
      return look.organisationName ? `A connected system of ${look.organisationName}` : 'A connected system';
    case 'system':
      return 'Kith itself';
  }
}
