/** Every version of the plan, one version as it was saved, and what changed between two. */
import { DomainError, type FieldProblem, diffPlans } from '@kith/core';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { agreementView, recorderOf, savedOf } from './present.js';
import * as q from './queries.js';
import { PLAN } from './service.js';

export function planHistory(db: Db, context: AccessContext, personId: string) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', PLAN);
    const rows = await q.versionHistory(tx, personId);
    return {
      versions: rows.map((row) => ({
        version: row.version,
        basedOn: row.basedOn,
        savedBy: recorderOf(row.savedById, row.savedByName),
        organisationName: row.organisationName,
        savedAt: row.savedAt,
        reviewDate: row.reviewOn,
        agreed: row.agreed,
      })),
    };
  });
}

export function readPlanVersion(db: Db, context: AccessContext, personId: string, version: number) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', PLAN, `version/${version}`);
    const row = await q.versionOf(tx, personId, version);
    if (!row) throw new DomainError('not_found', `The plan has no version ${version}`);
    const agreement = await q.agreementTo(tx, personId, version);
    return {
      personId,
      version: row.version,
      basedOn: row.basedOn,
      saved: savedOf(row),
      content: row.content,
      agreement: agreement ? agreementView(agreement) : null,
    };
  });
}

/** What changed from version `from` to the later version `to`, in plain English. */
export function planDiff(db: Db, context: AccessContext, personId: string, from: number, to: number) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', PLAN, `diff/${from}..${to}`);
    const [older, newer] = await Promise.all([q.contentOf(tx, personId, from), q.contentOf(tx, personId, to)]);
    const problems: FieldProblem[] = [];
    if (!older) problems.push({ field: 'from', reason: `The plan has no version ${from}` });
    if (!newer) problems.push({ field: 'to', reason: `The plan has no version ${to}` });
    if (from >= to) problems.push({ field: 'to', reason: 'Choose a version later than the one compared from' });
    if (problems.length > 0 || !older || !newer) {
      throw new DomainError('invalid', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), problems);
    }
    return { from, to, changes: diffPlans(older, newer) };
  });
}
