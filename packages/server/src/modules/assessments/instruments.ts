/**
 * Standard instruments completed with the person (SWEMWBS, UCLA-3, Barthel…), scored by core as
 * they are recorded and kept with the answers that gave the score. Results are append-only; one
 * measured at the start or end of a support episode says so, which is how an episode's
 * wellbeing change is found.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, INSTRUMENTS, type InstrumentRecord, type InstrumentResultView, scoreInstrument } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { instrumentResult } from '../../platform/db/care-schema.js';
import { type Db, rowsOf } from '../../platform/db/client.js';

const ASSESSMENT = { kind: 'assessment' } as const;

const RESULT_COLUMNS = sql`r.id, r.instrument, r.answers, r.result, r.score, r.episode_id AS "episodeId", r.moment,
  s.name AS "recordedByName", o.name AS "organisationName",
  to_char(r.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"`;
const RESULT_FROM = sql`FROM instrument_result r JOIN staff s ON s.id = r.recorded_by LEFT JOIN organisation o ON o.id = r.organisation_id`;

type ResultRow = Omit<InstrumentResultView, 'title'>;
const titled = (row: ResultRow): InstrumentResultView => ({ ...row, title: INSTRUMENTS[row.instrument as keyof typeof INSTRUMENTS]?.title ?? row.instrument });

async function checkEpisode(tx: Db, personId: string, record: InstrumentRecord) {
  if (record.moment && !record.episodeId) throw DomainError.field('episodeId', 'Name the support episode this measures the start or end of');
  if (!record.episodeId) return;
  const [episode] = await rowsOf<{ id: string }>(tx, sql`SELECT id FROM support_episode WHERE id = ${record.episodeId} AND person_id = ${personId}`);
  if (!episode) throw DomainError.field('episodeId', "Not one of this person's support episodes");
}

export function recordInstrument(db: Db, context: AccessContext, personId: string, record: InstrumentRecord) {
  return withAccess(db, context, async (gate, tx) => {
    const decision = await gate.require(personId, 'write', ASSESSMENT);
    await checkEpisode(tx, personId, record);
    const result = scoreInstrument(record.instrument, record.answers);
    const id = randomUUID();
    await tx.insert(instrumentResult).values({
      id,
      personId,
      instrument: record.instrument,
      answers: record.answers ?? null,
      result,
      // The headline figure (the SWEMWBS metric score, the UCLA-3 total) comes first.
      score: result.scores[0]?.value ?? null,
      episodeId: record.episodeId ?? null,
      moment: record.moment ?? null,
      recordedBy: gate.actor.staffId,
      organisationId: decision.grant?.organisationId ?? null,
      recordedAt: gate.now,
    });
    const [row] = await rowsOf<ResultRow>(tx, sql`SELECT ${RESULT_COLUMNS} ${RESULT_FROM} WHERE r.id = ${id}`);
    return titled(row!);
  });
}

export function listInstruments(db: Db, context: AccessContext, personId: string, instrument?: string) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', ASSESSMENT, 'instruments');
    const which = instrument ? sql`AND r.instrument = ${instrument}` : sql``;
    const rows = await rowsOf<ResultRow>(tx, sql`SELECT ${RESULT_COLUMNS} ${RESULT_FROM} WHERE r.person_id = ${personId} ${which} ORDER BY r.recorded_at DESC, r.id`);
    return { results: rows.map(titled) };
  });
}
