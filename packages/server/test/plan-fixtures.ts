/**
 * Plans as an editor sends them, for the plan tests: a first plan written with Ada at a home
 * visit (her words recorded by her coordinator, two goals with actions), and the requests
 * that read and save it.
 */
import { type MyLifePlanContent, type MyLifePlanDraftInput, PLAN_SECTIONS, planAsDraft } from '@kith/core';
import { sql } from 'drizzle-orm';
import { sessionFor, type StaffSession } from './access-fixtures.js';
import type { TestApp } from './build-test-app.js';
import type { CareScene } from './care-fixtures.js';
import { rowsOf } from '../src/platform/db/client.js';

type Who = StaffSession;

const emptySections = () => Object.fromEntries(PLAN_SECTIONS.map((section) => [section, []]));

/** The first plan: Ada's own words in "what matters to me" and two goals, each with actions. */
export function firstDraft(reviewDate = '2026-12-01'): MyLifePlanDraftInput {
  return {
    ...emptySections(),
    basedOnVersion: 0,
    reviewDate,
    aboutMe: [{ text: 'Retired maths teacher, widowed, lives alone with her cat.', personsOwnWords: false }],
    whatMattersToMe: [{ text: 'Seeing my grandchildren every Sunday', personsOwnWords: true }],
    goals: [
      {
        domain: 'community_and_social_life',
        inMyWords: { text: 'I want to get back to the chess club on Thursdays', personsOwnWords: true },
        actions: [
          { description: 'Find out about community transport', who: { kind: 'community_service', name: 'Dial-a-Ride' }, byWhen: '2026-07-01' },
          { description: 'Go to the club once with my daughter', who: { kind: 'family', name: 'Grace' } },
        ],
      },
      {
        domain: 'health',
        inMyWords: { text: 'Walk to the corner shop without stopping', personsOwnWords: true },
        actions: [{ description: 'Strength and balance exercises twice a day', who: { kind: 'me', name: 'Ada' }, byWhen: '2026-09-01' }],
      },
    ],
  } as MyLifePlanDraftInput;
}

/** The plan as an editor opens it: the stored content as a draft, based on its version. */
export function draftOf(view: { version: number; content: MyLifePlanContent }): MyLifePlanDraftInput {
  return planAsDraft(view.content, view.version);
}

export function planRequests(t: TestApp, scene: CareScene) {
  const url = `/api/v1/people/${scene.personId}/plan`;
  return {
    url,
    read: (who: Who) => t.app.inject({ method: 'GET', url, headers: who.auth }),
    save: (who: Who, draft: object) => t.app.inject({ method: 'PUT', url, headers: who.auth, payload: draft }),
    get: (who: Who, path: string) => t.app.inject({ method: 'GET', url: `${url}${path}`, headers: who.auth }),
    post: (who: Who, path: string, payload: object) => t.app.inject({ method: 'POST', url: `${url}${path}`, headers: who.auth, payload }),
    versionCount: async () =>
      (await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM my_life_plan_version WHERE person_id = ${scene.personId}`))[0]!.n,
    auditCount: async (where: { staffId: string; action: string; outcome: 'allowed' | 'denied' }) =>
      (
        await rowsOf<{ n: number }>(
          t.database.db,
          sql`SELECT count(*)::int AS n FROM audit_event WHERE actor_staff_id = ${where.staffId} AND subject_person_id = ${scene.personId}
                AND resource_type = 'plan' AND action = ${where.action} AND outcome = ${where.outcome}`,
        )
      )[0]!.n,
  };
}

/** Moves the clock, signing the scene's staff in again: a session does not last days. */
export async function moveClock(t: TestApp, scene: CareScene, now: Date): Promise<void> {
  t.setNow(now);
  for (const who of [scene.coordinator, scene.nurse, scene.stranger]) who.auth = await sessionFor(t.database.db, who.staffId, now);
}
