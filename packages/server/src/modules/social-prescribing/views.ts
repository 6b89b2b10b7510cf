/**
 * A person's social prescriptions as the referrer sees them: the service, what matters to the
 * person and their needs, consent, where it has got to in words, each session attended or
 * missed, and every move with who made it. One statement reads them all.
 */
import {
  type SocialPrescribingNeed,
  type SocialPrescriptionOutcome,
  type SocialPrescriptionState,
  SOCIAL_PRESCRIBING_NEED_LABELS,
  SOCIAL_PRESCRIPTION_OUTCOME_LABELS,
  SOCIAL_PRESCRIPTION_STATE_LABELS,
  describeSocialPrescription,
  isOpen,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';

export interface SocialPrescriptionView {
  id: string;
  kind: 'signpost' | 'referral';
  state: SocialPrescriptionState;
  stateLabel: string;
  open: boolean;
  /** One line in words: "Referred to Thursday Lunch Club: accepted". */
  words: string;
  service: { id: string; name: string; organisation: string | null };
  whatMatters: string;
  needs: { code: SocialPrescribingNeed; label: string }[];
  supportOffered: string;
  consent: { given: boolean; how: string | null };
  note: string | null;
  outcome: SocialPrescriptionOutcome | null;
  outcomeLabel: string | null;
  referredBy: string;
  createdAt: string;
  version: number;
  attendance: { on: string; attended: boolean; note: string | null }[];
  events: { from: string | null; to: string; at: string; by: string; note: string | null }[];
}

interface Row {
  id: string;
  kind: 'signpost' | 'referral';
  state: SocialPrescriptionState;
  service_id: string;
  service_name: string;
  organisation: string | null;
  what_matters: string;
  needs: SocialPrescribingNeed[];
  support_offered: string;
  consent_given: boolean;
  consent_how: string | null;
  note: string | null;
  outcome: SocialPrescriptionOutcome | null;
  referred_by: string;
  created_at: string;
  version: number;
  attendance: SocialPrescriptionView['attendance'] | null;
  events: SocialPrescriptionView['events'] | null;
}

const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

function viewOf(r: Row): SocialPrescriptionView {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    stateLabel: SOCIAL_PRESCRIPTION_STATE_LABELS[r.state],
    open: isOpen(r.state),
    words: describeSocialPrescription({ kind: r.kind, state: r.state, serviceName: r.service_name, outcome: r.outcome }),
    service: { id: r.service_id, name: r.service_name, organisation: r.organisation },
    whatMatters: r.what_matters,
    needs: r.needs.map((code) => ({ code, label: SOCIAL_PRESCRIBING_NEED_LABELS[code] })),
    supportOffered: r.support_offered,
    consent: { given: r.consent_given, how: r.consent_how },
    note: r.note,
    outcome: r.outcome,
    outcomeLabel: r.outcome ? SOCIAL_PRESCRIPTION_OUTCOME_LABELS[r.outcome] : null,
    referredBy: r.referred_by,
    createdAt: r.created_at,
    version: r.version,
    attendance: r.attendance ?? [],
    events: r.events ?? [],
  };
}

/** The person's social prescriptions (or one of them), newest first. */
export async function prescriptionsOf(db: Db, which: { personId: string; id?: string }): Promise<SocialPrescriptionView[]> {
  const one = which.id ? sql`AND sp.id = ${which.id}` : sql``;
  const rows = await rowsOf<Row>(
    db,
    sql`SELECT sp.id, sp.kind, sp.state, sp.service_id, s.name AS service_name, o.name AS organisation, sp.what_matters, sp.needs,
          sp.support_offered, sp.consent_given, sp.consent_how, sp.note, sp.outcome, st.name AS referred_by,
          ${iso('sp.created_at')} AS created_at, sp.version,
          (SELECT json_agg(json_build_object('on', a.on, 'attended', a.attended, 'note', a.note) ORDER BY a.on, a.recorded_at)
             FROM social_prescription_attendance a WHERE a.prescription_id = sp.id) AS attendance,
          (SELECT json_agg(json_build_object('from', e.from_state, 'to', e.to_state, 'at', ${iso('e.at')}, 'by', es.name, 'note', e.note) ORDER BY e.version)
             FROM social_prescription_event e JOIN staff es ON es.id = e.by WHERE e.prescription_id = sp.id) AS events
        FROM social_prescription sp
        JOIN directory_service s ON s.id = sp.service_id
        LEFT JOIN directory_organization o ON o.id = s.organization_id
        JOIN staff st ON st.id = sp.referred_by
        WHERE sp.person_id = ${which.personId} ${one}
        ORDER BY sp.created_at DESC, sp.id`,
  );
  return rows.map(viewOf);
}
