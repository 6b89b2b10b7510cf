import { describe, expect, it } from 'vitest';
import type { Goal, MyLifePlanContent, PlanAuthor, Statement } from './content.js';
import { diffPlans, planChanged } from './diff.js';
import { checkPlanVersion, stalePlanError } from './versions.js';

const sam: PlanAuthor = { kind: 'staff', staffId: '7b5c3c1e-1f0a-4a57-9d7e-1b2c3d4e5f60', name: 'Sam Patel', role: 'coordinator' };
const at = '2026-03-03T10:00:00.000Z';

const said = (id: string, text: string, personsOwnWords = true): Statement => ({ id, text, personsOwnWords, writtenBy: sam, writtenAt: at, comments: [] });

const lunchClub: Goal = {
  id: 'g1',
  domain: 'community_and_social_life',
  inMyWords: { ...said('g1-words', 'I want to get back to the lunch club'), personsOwnWords: true },
  actions: [{ id: 'a1', description: 'Ring the lunch club about transport', who: { kind: 'professional', name: 'Sam Patel' }, byWhen: '2026-03-17' }],
};

const v1: MyLifePlanContent = {
  aboutMe: [said('s1', 'Mary lives alone', false)],
  whatMattersToMe: [said('s2', 'Seeing my grandchildren every Sunday')],
  strengths: [],
  supportNetwork: [said('s3', 'My son David, who visits on Sundays')],
  ifThingsGoWrong: [],
  healthAndCare: [],
  endOfLife: [],
  communicationNeeds: [],
  goals: [lunchClub],
  reviewDate: '2026-06-01',
};

const summaries = (older: MyLifePlanContent | null, newer: MyLifePlanContent) => diffPlans(older, newer).map((c) => c.summary);

describe('what changed between versions', () => {
  it('is nothing between a version and itself', () => {
    expect(diffPlans(v1, structuredClone(v1))).toEqual([]);
    expect(planChanged(v1, structuredClone(v1))).toBe(false);
  });

  it('says what was added, changed and removed in a section', () => {
    const v2 = {
      ...v1,
      aboutMe: [{ ...v1.aboutMe[0]!, text: 'Mary lives alone with her cat, Pip' }],
      strengths: [said('s4', 'I never give up')],
      supportNetwork: [],
    };
    expect(summaries(v1, v2)).toEqual([
      'Changed in “About me”: “Mary lives alone” now reads “Mary lives alone with her cat, Pip”.',
      'Added to “My strengths”: “I never give up”, in the person’s own words.',
      'Removed from “My support network”: “My son David, who visits on Sundays”.',
    ]);
    expect(diffPlans(v1, v2)[0]).toMatchObject({ part: 'aboutMe', kind: 'changed', subject: 'statement', id: 's1', before: 'Mary lives alone', after: 'Mary lives alone with her cat, Pip' });
  });

  it('says when only whose words a statement is has changed', () => {
    const v2 = { ...v1, aboutMe: [{ ...v1.aboutMe[0]!, personsOwnWords: true }] };
    expect(summaries(v1, v2)).toEqual(['Changed in “About me”: “Mary lives alone” is now marked as the person’s own words.']);
  });

  it('names a new comment, who made it and what it answers', () => {
    const comment = { id: 'c1', text: 'David drives her over', by: sam, at };
    const v2 = { ...v1, whatMattersToMe: [{ ...v1.whatMattersToMe[0]!, comments: [comment] }] };
    expect(diffPlans(v1, v2)).toEqual([
      {
        part: 'whatMattersToMe',
        kind: 'added',
        subject: 'comment',
        id: 'c1',
        after: 'David drives her over',
        summary: 'Comment in “What matters to me” on “Seeing my grandchildren every Sunday” from Sam Patel (Personal independence coordinator): “David drives her over”.',
      },
    ]);
  });

  it('follows goals, their words, their part of life, their actions and comments on them', () => {
    const words = { ...lunchClub.inMyWords, text: 'I want to go to the lunch club on Tuesdays', comments: [{ id: 'c2', text: 'Great idea', by: { kind: 'person' as const }, at }] };
    const actions = [
      { ...lunchClub.actions[0]!, who: { kind: 'family' as const, name: 'David' }, byWhen: undefined },
      { id: 'a2', description: 'Try the Tuesday session', who: { kind: 'me' as const, name: 'Mary' } },
    ];
    const v2 = { ...v1, goals: [{ ...lunchClub, domain: 'relationships' as const, inMyWords: words, actions }] };
    expect(summaries(v1, v2)).toEqual([
      'Goal “I want to go to the lunch club on Tuesdays” moved from Community and social life to Relationships.',
      'Changed a goal: “I want to get back to the lunch club” now reads “I want to go to the lunch club on Tuesdays”, in the person’s own words.',
      'Comment on the goal “I want to get back to the lunch club” from the person: “Great idea”.',
      'New action for the goal “I want to get back to the lunch club”: “Try the Tuesday session”, done by Mary.',
      'Action “Ring the lunch club about transport” for the goal “I want to get back to the lunch club”: now done by David (family); no longer has a date.',
    ]);
    expect(diffPlans(v1, v2).every((c) => c.part === 'goals' && c.goalId === 'g1')).toBe(true);
  });

  it('names goals added and removed, with their part of life', () => {
    const home: Goal = { ...lunchClub, id: 'g2', domain: 'home', inMyWords: { ...said('g2-words', 'Get upstairs again'), personsOwnWords: true }, actions: [] };
    expect(summaries(v1, { ...v1, goals: [home] })).toEqual(['New goal (My home) “Get upstairs again”.', 'Goal removed (Community and social life) “I want to get back to the lunch club”.']);
  });

  it('gives the review date in words', () => {
    expect(summaries(v1, { ...v1, reviewDate: '2026-09-01' })).toEqual(['Review date moved from 1 June 2026 to 1 September 2026.']);
  });

  it('reads a first version as everything added, in the plan’s order', () => {
    const changes = diffPlans(null, v1);
    expect(changes.map((c) => [c.part, c.kind, c.subject])).toEqual([
      ['aboutMe', 'added', 'statement'],
      ['whatMattersToMe', 'added', 'statement'],
      ['goals', 'added', 'goal'],
      ['goals', 'added', 'action'],
      ['supportNetwork', 'added', 'statement'],
      ['reviewDate', 'added', 'review_date'],
    ]);
    expect(changes.at(-1)!.summary).toBe('Review date set for 1 June 2026.');
  });

  it('cuts a long statement at a word when quoting it', () => {
    const long = 'I would like to be able to walk to the shops at the end of my road without needing to stop and rest on the way';
    const [change] = diffPlans(v1, { ...v1, strengths: [said('s9', long)] });
    expect(change!.summary).toBe('Added to “My strengths”: “I would like to be able to walk to the shops at the end of my road without…”, in the person’s own words.');
    expect(change!.after).toBe(long);
  });

  it('is not moved by reordering', () => {
    const twoStrengths = { ...v1, strengths: [said('a', 'Patient'), said('b', 'Funny')] };
    expect(diffPlans(twoStrengths, { ...twoStrengths, strengths: [...twoStrengths.strengths].reverse() })).toEqual([]);
  });
});

describe('saving at the version read', () => {
  it('goes ahead at the current version and is stale behind it', () => {
    expect(checkPlanVersion(0, 0)).toBe('current');
    expect(checkPlanVersion(3, 3)).toBe('current');
    expect(checkPlanVersion(2, 3)).toBe('stale');
    expect(checkPlanVersion(0, 1)).toBe('stale');
  });

  it('refuses a version the plan has not reached, naming it', () => {
    expect(() => checkPlanVersion(4, 3)).toThrow(/^basedOnVersion: The plan has no version 4: the latest is 3$/);
    expect(() => checkPlanVersion(1, 0)).toThrow(/^basedOnVersion: This person has no plan yet: give 0$/);
  });

  it('answers a stale save with a 409 naming the version and saying what changed since', () => {
    const v2 = { ...v1, strengths: [said('s4', 'I never give up')] };
    const error = stalePlanError({ basedOnVersion: 1, basedOn: v1, currentVersion: 2, current: v2 });
    expect(error.code).toBe('conflict');
    expect(error.problems[0]!.field).toBe('basedOnVersion');
    expect(error.problems[0]!.reason).toMatch(/^Someone else saved this plan after version 1: it is now at version 2\. Nothing was saved/);
    expect(error.extra).toEqual({ currentVersion: 2, whatChanged: diffPlans(v1, v2) });
    expect((error.extra.whatChanged as unknown[]).length).toBe(1);
  });

  it('answers a first save that lost the race with everything in the plan', () => {
    const error = stalePlanError({ basedOnVersion: 0, basedOn: null, currentVersion: 1, current: v1 });
    expect(error.problems[0]!.reason).toMatch(/^Someone else started this plan while you were writing/);
    expect(error.extra.whatChanged).toEqual(diffPlans(null, v1));
  });
});
