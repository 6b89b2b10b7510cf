/**
 * The plan leaving Kith: printed for the person (a PDF, audited as a print) or exported as JSON
 * for another system (audited as an export). Emergency access can do neither; the policy
 * refuses, and the refusal is recorded like any other.
 */
import { DomainError } from '@kith/core';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import type { PrintedPlan } from './plan-pdf.js';
import { planView } from './present.js';
import * as q from './queries.js';
import { PLAN, todayOf } from './service.js';

const NO_PLAN = 'This person has no plan yet';

/** What the printed plan shows: the current version, its agreement, and where each goal has got to. */
export function planForPrinting(db: Db, context: AccessContext, personId: string): Promise<PrintedPlan> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'print', PLAN);
    const view = await planView(tx, personId, todayOf(gate));
    if (view.version === 0 || !view.lastSaved || view.content.reviewDate === null) throw new DomainError('not_found', NO_PLAN);
    return {
      personName: await q.personName(tx, personId),
      version: view.version,
      savedAt: view.lastSaved.at,
      content: { ...view.content, reviewDate: view.content.reviewDate },
      agreement: view.agreement,
      goalStatuses: Object.fromEntries(view.goalProgress.map((series) => [series.goalId, series.current])),
      printedAt: gate.now.toISOString(),
      printedBy: gate.actor.name,
    };
  });
}

/** The current plan as one JSON document for another system. */
export function exportPlan(db: Db, context: AccessContext, personId: string) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'export', PLAN);
    const view = await planView(tx, personId, todayOf(gate));
    const { reviewDate } = view.content;
    if (view.version === 0 || reviewDate === null) throw new DomainError('not_found', NO_PLAN);
    return { ...view, content: { ...view.content, reviewDate }, exportedAt: gate.now.toISOString() };
  });
}

/** The file name of a printed or exported plan: the version only, so no name is written into it. */
export function planFileName(version: number, extension: 'pdf' | 'json'): string {
  return `my-life-plan-version-${version}.${extension}`;
}
