/**
 * A save that waits for another save's lock on the plan's head (PostgreSQL only: it needs a
 * second connection holding the lock). Whatever the other save does, the waiting one must not
 * lose it: stale (409, with what changed) when it committed, saved on top when it rolled back.
 */
import type { MyLifePlanContent } from '@kith/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type Db } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';
import { draftOf, firstDraft, planRequests } from '../../../test/plan-fixtures.js';
import * as q from './queries.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp(NOW);
});
afterAll(() => t.close());

/** Waits until some other connection is waiting for a lock. */
async function someoneWaitsForALock(db: Db) {
  for (let i = 0; i < 200; i++) {
    const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
    if (row!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no save waited for the lock');
}

/** Holds the head's lock, starts a save of `draft` by the nurse, and while it waits, writes version 2 as another editor would, then commits or rolls back. */
async function saveWhileAnotherHoldsTheLock(scene: CareScene, draft: object, other: 'commits' | 'rolls back') {
  const plan = planRequests(t, scene);
  let waiting: ReturnType<typeof plan.save> | undefined;
  const rolledBack = new Error('the other save rolled back');
  await t.database.db
    .transaction(async (tx) => {
      const current = await q.lockCurrent(tx, scene.personId);
      waiting = plan.save(scene.nurse, draft);
      await someoneWaitsForALock(t.database.db);
      const content = { ...current.content!, aboutMe: [] } satisfies MyLifePlanContent;
      const moved = await q.insertVersionAndMoveHead(tx, {
        personId: scene.personId,
        version: current.version + 1,
        basedOn: current.version,
        content,
        savedBy: scene.coordinator.staffId,
        organisationId: scene.coordinator.organisationId,
        savedAt: NOW,
      });
      expect(moved).toBe(true);
      if (other === 'rolls back') throw rolledBack;
    })
    .catch((error: unknown) => {
      if (error !== rolledBack) throw error;
    });
  return waiting!;
}

describe('a save that waits for another save of the same plan', () => {
  it('is stale, with what changed, when the other save committed', async () => {
    const scene = await careScene(t.database.db, NOW, 'Ada Waiting');
    const plan = planRequests(t, scene);
    const first = await plan.save(scene.coordinator, firstDraft());
    expect(first.statusCode).toBe(200);
    const draft = { ...draftOf(first.json()), communicationNeeds: [{ text: 'Large print, please', personsOwnWords: true }] };
    const res = await saveWhileAnotherHoldsTheLock(scene, draft, 'commits');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ status: 409 });
    expect(await plan.versionCount()).toBe(2);
  });

  it('saves on top of the plan as it stands when the other save rolled back', async () => {
    const scene = await careScene(t.database.db, NOW, 'Ada Rolled');
    const plan = planRequests(t, scene);
    const first = await plan.save(scene.coordinator, firstDraft());
    const draft = { ...draftOf(first.json()), communicationNeeds: [{ text: 'Large print, please', personsOwnWords: true }] };
    const res = await saveWhileAnotherHoldsTheLock(scene, draft, 'rolls back');
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(saved.version).toBe(2);
    // Nothing of version 1 is lost: what matters and the goals are still there beside the change.
    expect(saved.content.whatMattersToMe).toEqual(first.json().content.whatMattersToMe);
    expect(saved.content.goals).toEqual(first.json().content.goals);
    expect(saved.content.communicationNeeds.map((s: { text: string }) => s.text)).toEqual(['Large print, please']);
  });
});
