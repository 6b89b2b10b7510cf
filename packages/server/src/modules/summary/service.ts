/**
 * The person's summary: their long-term conditions, hospital activity in the last twelve months
 * and who cares for them. Reading it and exporting it are separate actions in the access policy
 * (emergency access may read, never export), each with its own audit event.
 */
import type { AccessAction } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { membersOf } from '../care-team/service.js';

export interface PersonSummaryView {
  personId: string;
  conditions: { codeSystem: string; code: string; display: string | null; onsetDate: string | null }[];
  hospitalActivity: { class: string; emergency: boolean; startDate: string; endDate: string | null }[];
  careTeam: Awaited<ReturnType<typeof membersOf>>;
}

export function readSummary(db: Db, context: AccessContext, personId: string, action: Extract<AccessAction, 'read' | 'export' | 'print'>) {
  return withAccess(db, context, async (gate, tx): Promise<PersonSummaryView> => {
    await gate.require(personId, action, { kind: 'summary' });
    const yearAgo = new Date(gate.now.getTime() - 365 * 24 * 3_600_000).toISOString().slice(0, 10);
    const [conditions, hospitalActivity, careTeam] = await Promise.all([
      rowsOf<PersonSummaryView['conditions'][number]>(
        tx,
        sql`SELECT code_system AS "codeSystem", code, display, onset_date::text AS "onsetDate"
            FROM condition WHERE person_id = ${personId} ORDER BY onset_date NULLS LAST, code`,
      ),
      rowsOf<PersonSummaryView['hospitalActivity'][number]>(
        tx,
        sql`SELECT class, coalesce(admission_method LIKE '2%', false) AS emergency, start_date::text AS "startDate", end_date::text AS "endDate"
            FROM encounter WHERE person_id = ${personId} AND start_date >= ${yearAgo} ORDER BY start_date DESC`,
      ),
      membersOf(tx, personId),
    ]);
    return { personId, conditions, hospitalActivity, careTeam };
  });
}
