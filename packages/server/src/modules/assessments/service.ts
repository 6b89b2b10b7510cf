/**
 * The one trusted assessment through the gate. Every organisation with access to the person
 * reads the same assessment; each save of a section is a new version based on the one the saver
 * opened, and a save based on an older version is refused (409) with what changed since.
 */
import {
  type AssessmentContent,
  type AssessmentSectionSave,
  DomainError,
  type Recorder,
  applySectionSave,
  englandDate,
  sectionProgress,
} from '@kith/core';
import { type AccessContext, type GateDecision, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import * as q from './queries.js';

const ASSESSMENT = { kind: 'assessment' } as const;
const DAY_MS = 24 * 3_600_000;

export function readAssessment(db: Db, context: AccessContext, personId: string) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', ASSESSMENT);
    const [current, held] = await Promise.all([q.currentVersion(tx, personId), heldFacts(tx, personId, gate.now)]);
    return present(personId, current, held);
  });
}

/** What the record holds as of `now`: hospital stays over the last year, medicines current today in England. */
function heldFacts(tx: Db, personId: string, now: Date) {
  const since = new Date(now.getTime() - 365 * DAY_MS).toISOString().slice(0, 10);
  return q.heldFacts(tx, personId, since, englandDate(now));
}

function present(personId: string, current: q.VersionRow | undefined, held: Awaited<ReturnType<typeof q.heldFacts>>) {
  const content: AssessmentContent = current?.content ?? {};
  return {
    personId,
    version: current?.version ?? 0,
    lastSaved: current ? { by: current.recordedByName, organisationName: current.organisationName, at: current.recordedAt } : null,
    content,
    progress: sectionProgress(content),
    held,
  };
}

/** Who is recording, in the role and organisation the gate decided on. */
export function recorderOf(decision: GateDecision, actor: { staffId: string; name: string }): Recorder {
  return {
    staffId: actor.staffId,
    name: actor.name,
    role: decision.grant?.role ?? 'unknown',
    organisationName: decision.grant?.organisationName ?? null,
  };
}

/** Saves one section as a new version; unchanged answers keep their author; nothing changed, nothing written. */
export function saveSection(db: Db, context: AccessContext, personId: string, sectionId: string, save: AssessmentSectionSave) {
  return withAccess(db, context, async (gate, tx) => {
    const decision = await gate.require(personId, 'write', ASSESSMENT);
    const current = await q.currentVersion(tx, personId);
    const currentVersion = current?.version ?? 0;
    if (save.basedOnVersion !== currentVersion) await refuseStale(tx, personId, save.basedOnVersion, currentVersion);
    const recorder = recorderOf(decision, gate.actor);
    const content = applySectionSave(current?.content ?? {}, sectionId, save.answers, recorder, gate.now);
    if (content) await insertNext(tx, personId, currentVersion, content, sectionId, decision, gate.actor.staffId, gate.now);
    return present(personId, await q.currentVersion(tx, personId), await heldFacts(tx, personId, gate.now));
  });
}

async function insertNext(
  tx: Db,
  personId: string,
  currentVersion: number,
  content: AssessmentContent,
  sectionId: string,
  decision: GateDecision,
  staffId: string,
  now: Date,
) {
  try {
    await q.insertVersion(tx, {
      personId,
      version: currentVersion + 1,
      content,
      sectionsChanged: [sectionId],
      recordedBy: staffId,
      organisationId: decision.grant?.organisationId ?? null,
      recordedAt: now,
    });
  } catch (error) {
    // Two saves based on the same version: the second meets the key (person, version).
    if (isUniqueViolation(error, 'assessment_version_person_id_version_pk')) {
      throw staleError(currentVersion, currentVersion + 1, []);
    }
    throw error;
  }
}

async function refuseStale(tx: Db, personId: string, basedOn: number, current: number): Promise<never> {
  if (basedOn > current) throw DomainError.field('basedOnVersion', `There is no version ${basedOn}; the assessment is at version ${current}`);
  throw staleError(basedOn, current, await q.versionsAfter(tx, personId, basedOn));
}

function staleError(basedOn: number, current: number, since: Omit<q.VersionRow, 'content'>[]) {
  return new DomainError(
    'conflict',
    `The assessment was saved by someone else after you opened it (you had version ${basedOn}, it is now version ${current}). Your answers have not been saved: reload, check what changed and save again.`,
    [{ field: 'basedOnVersion', reason: `Stale: the assessment is at version ${current}` }],
    {
      currentVersion: current,
      changedSince: since.map((v) => ({ version: v.version, sections: v.sectionsChanged, by: v.recordedByName, organisationName: v.organisationName, at: v.recordedAt })),
    },
  );
}

export function assessmentHistory(db: Db, context: AccessContext, personId: string) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', ASSESSMENT);
    return { versions: await q.versionHistory(tx, personId) };
  });
}

export function readAssessmentVersion(db: Db, context: AccessContext, personId: string, version: number) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', ASSESSMENT, `version/${version}`);
    const row = await q.currentVersion(tx, personId, version);
    if (!row) throw new DomainError('not_found', `The assessment has no version ${version}`);
    return row;
  });
}
