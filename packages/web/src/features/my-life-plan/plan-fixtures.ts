/** Plans for the unit tests: a coordinator's statements, the person's own words and a goal. */
import { PLAN_SECTIONS, type MyLifePlanContent, type PlanSection, type Statement } from '@kith/core';
import type { PlanView } from './types';

export const COORDINATOR = { kind: 'staff', staffId: '11111111-1111-4111-8111-111111111111', name: 'Sam Patel', role: 'coordinator' } as const;
export const NURSE = { kind: 'staff', staffId: '22222222-2222-4222-8222-222222222222', name: 'Ade Bello', role: 'nurse' } as const;

export function statement(id: string, text: string, extra: Partial<Statement> = {}): Statement {
  return { id, text, personsOwnWords: false, writtenBy: COORDINATOR, writtenAt: '2026-03-03T12:00:00.000Z', comments: [], ...extra };
}

const emptySections = () => Object.fromEntries(PLAN_SECTIONS.map((s) => [s, []])) as unknown as Record<PlanSection, Statement[]>;

/** A plan at `version`; version 0 is the empty plan before the first save, with no review date. */
export function planView(content: Partial<MyLifePlanContent> = {}, version = 3): PlanView {
  const reviewDate = content.reviewDate ?? (version === 0 ? null : '2026-09-01');
  return {
    personId: '33333333-3333-4333-8333-333333333333',
    version,
    content: { ...emptySections(), goals: [], ...content, reviewDate },
    reviewDate,
    reviewState: reviewDate ? 'not_due' : null,
    lastSaved: { by: { kind: 'staff', staffId: COORDINATOR.staffId, name: COORDINATOR.name }, organisationName: 'Riverside Surgery', at: '2026-03-03T12:00:00.000Z' },
    agreement: null,
    goalProgress: [],
  };
}

/** The plan with something in it: the person's words, a coordinator's, a nurse's and one goal. */
export function fullPlan(): PlanView {
  return planView({
    aboutMe: [statement('s-own', 'I was a nurse for forty years', { personsOwnWords: true }), statement('s-staff', 'Lives alone since 2019')],
    healthAndCare: [statement('s-clinical', 'Rescue pack in the kitchen drawer', { writtenBy: NURSE })],
    goals: [
      {
        id: 'g-1',
        domain: 'community_and_social_life',
        inMyWords: { ...statement('g-1-words', 'Get back to the lunch club'), personsOwnWords: true },
        actions: [
          { id: 'a-1', description: 'Book the community bus', who: { kind: 'family', name: 'Jane Okafor' }, byWhen: '2026-04-01' },
          { id: 'a-2', description: 'Ask about a taxi voucher', who: { kind: 'professional', name: 'Sam Patel', staffId: COORDINATOR.staffId } },
        ],
      },
    ],
  });
}
