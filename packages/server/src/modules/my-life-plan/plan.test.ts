import type { MyLifePlanDraftInput } from '@kith/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';
import { draftOf, firstDraft, planRequests } from '../../../test/plan-fixtures.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let scene: CareScene;
let plan: ReturnType<typeof planRequests>;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
  plan = planRequests(t, scene);
});
afterAll(() => t.close());

/** The current plan as the nurse opens it, as a draft to edit. */
async function opened(who = scene.nurse): Promise<MyLifePlanDraftInput & Record<string, unknown>> {
  return draftOf((await plan.read(who)).json()) as MyLifePlanDraftInput & Record<string, unknown>;
}

describe('the My Life plan, written with the person', () => {
  it('is empty, at version 0, until the first save', async () => {
    const res = await plan.read(scene.coordinator);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 0, reviewDate: null, reviewState: null, lastSaved: null, agreement: null, goalProgress: [] });
    expect(res.json().content.goals).toEqual([]);
  });

  it('saves a first plan with two goals and their actions, which a nurse from another organisation reads the same', async () => {
    const res = await plan.save(scene.coordinator, firstDraft());
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(saved).toMatchObject({ version: 1, reviewDate: '2026-12-01', reviewState: 'not_due' });
    expect(saved.lastSaved).toMatchObject({ by: { kind: 'staff', name: 'Pat Coordinator' } });
    expect(saved.content.goals).toHaveLength(2);
    expect(saved.content.goals[0].actions.map((a: { who: { name: string } }) => a.who.name)).toEqual(['Dial-a-Ride', 'Grace']);
    expect(saved.content.whatMattersToMe[0]).toMatchObject({ personsOwnWords: true, writtenBy: { kind: 'staff', name: 'Pat Coordinator', role: 'coordinator' } });
    expect(saved.goalProgress.map((s: { current: string }) => s.current)).toEqual(['not_started', 'not_started']);

    const seenByNurse = (await plan.read(scene.nurse)).json();
    expect(seenByNurse.content).toEqual(saved.content);
    expect(seenByNurse.lastSaved.organisationName).toBe('Age Concern for Ada Lovelace');
  });

  it('refuses the second of two editors who opened the same version, with what changed, and loses no one’s words', async () => {
    const coordinatorDraft = await opened(scene.coordinator);
    const nurseDraft = await opened(scene.nurse);
    const first = await plan.save(scene.coordinator, { ...coordinatorDraft, strengths: [{ text: 'Still sharp at chess', personsOwnWords: true }] });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);

    const second = await plan.save(scene.nurse, { ...nurseDraft, aboutMe: [...(nurseDraft.aboutMe as object[]), { text: 'Takes warfarin', personsOwnWords: false }] });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ currentVersion: 2, errors: [{ field: 'basedOnVersion' }] });
    expect(second.json().whatChanged).toEqual([expect.objectContaining({ part: 'strengths', kind: 'added', after: 'Still sharp at chess' })]);

    const now = (await plan.read(scene.nurse)).json();
    expect(now.version).toBe(2);
    expect(now.content.strengths[0].text).toBe('Still sharp at chess');
    expect(now.content.aboutMe.map((s: { text: string }) => s.text)).not.toContain('Takes warfarin');
    expect(await plan.versionCount()).toBe(2);
  });

  it('lets only one of two saves racing from the same version land', async () => {
    const draft = await opened();
    const [a, b] = await Promise.all([
      plan.save(scene.coordinator, { ...draft, communicationNeeds: [{ text: 'Speak slowly, I wear a hearing aid', personsOwnWords: true }] }),
      plan.save(scene.nurse, { ...draft, communicationNeeds: [{ text: 'Hearing aid in the left ear', personsOwnWords: false }] }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const lost = a.statusCode === 409 ? a : b;
    expect(lost.json().whatChanged).toEqual([expect.objectContaining({ part: 'communicationNeeds', kind: 'added' })]);
    expect(await plan.versionCount()).toBe(3);
    expect((await plan.read(scene.nurse)).json().content.communicationNeeds).toHaveLength(1);
  });

  it('lets only one of several first saves racing for a new plan land, answering the others with what it wrote', async () => {
    const other = await careScene(t.database.db, NOW, 'Mary Seacole');
    const otherPlan = planRequests(t, other);
    const editors = [other.coordinator, other.nurse, other.coordinator, other.nurse];
    const answers = await Promise.all(editors.map((who) => otherPlan.save(who, firstDraft())));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409]);
    for (const lost of answers.filter((a) => a.statusCode === 409)) {
      expect(lost.json()).toMatchObject({ currentVersion: 1, errors: [{ field: 'basedOnVersion' }] });
      expect(lost.json().whatChanged).toContainEqual(expect.objectContaining({ part: 'reviewDate', kind: 'added' }));
    }
    expect(await otherPlan.versionCount()).toBe(1);
  });

  it('keeps the person’s own words from staff, naming each refusal, but takes a comment on them', async () => {
    const draft = await opened();
    const [words] = draft.whatMattersToMe as { text: string }[];
    const before = await plan.versionCount();

    const changed = await plan.save(scene.nurse, { ...draft, whatMattersToMe: [{ ...words, text: 'Seeing family' }] });
    expect(changed.statusCode).toBe(403);
    expect(changed.json().errors).toEqual([{ field: 'whatMattersToMe.0', reason: expect.stringMatching(/own words/) }]);

    const removed = await plan.save(scene.coordinator, { ...draft, whatMattersToMe: [], strengths: [] });
    expect(removed.statusCode).toBe(403);
    expect(removed.json().errors.map((e: { field: string }) => e.field)).toEqual(['whatMattersToMe', 'strengths']);
    expect(await plan.versionCount()).toBe(before);

    const commented = await plan.save(scene.nurse, { ...draft, whatMattersToMe: [{ ...words, newComments: [{ text: 'Her son drives her on Sundays' }] }] });
    expect(commented.statusCode).toBe(200);
    expect(commented.json().content.whatMattersToMe[0]).toMatchObject({
      text: 'Seeing my grandchildren every Sunday',
      comments: [{ text: 'Her son drives her on Sundays', by: { name: 'Nia Nurse', role: 'nurse' } }],
    });
  });

  it('lets a nurse, but not a coordinator, write in “My health and care”', async () => {
    const rescuePack = [{ text: 'Rescue pack in the kitchen drawer: start it if breathless and call the matron', personsOwnWords: false }];
    const refused = await plan.save(scene.coordinator, { ...(await opened()), healthAndCare: rescuePack });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors).toEqual([{ field: 'healthAndCare.0', reason: expect.stringMatching(/clinical roles/) }]);

    const written = await plan.save(scene.nurse, { ...(await opened()), healthAndCare: rescuePack });
    expect(written.statusCode).toBe(200);
    expect(written.json().content.healthAndCare[0].writtenBy).toMatchObject({ name: 'Nia Nurse', role: 'nurse' });
  });

  it('refuses a goal not in the person’s words, and a plan with a section left out, naming the field and writing nothing', async () => {
    const draft = await opened();
    const before = await plan.versionCount();
    const goal = { domain: 'home', inMyWords: { text: 'Ada should accept a key safe', personsOwnWords: false }, actions: [] };
    const notHers = await plan.save(scene.coordinator, { ...draft, goals: [...(draft.goals as object[]), goal] });
    expect(notHers.statusCode).toBe(400);
    expect(notHers.json().errors.map((e: { field: string }) => e.field)).toEqual(['goals.2.inMyWords.personsOwnWords']);

    const { endOfLife: _left, ...withoutEndOfLife } = draft;
    const missing = await plan.save(scene.coordinator, withoutEndOfLife);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['endOfLife']);
    expect(await plan.versionCount()).toBe(before);
  });

  it('writes no version for a save that changes nothing', async () => {
    const before = (await plan.read(scene.nurse)).json();
    const res = await plan.save(scene.coordinator, draftOf(before));
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(before.version);
    expect(res.json().content).toEqual(before.content);
    expect(await plan.versionCount()).toBe(before.version);
  });

  it('refuses a save based on a version the plan has not reached', async () => {
    const res = await plan.save(scene.nurse, { ...(await opened()), basedOnVersion: 99 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('basedOnVersion');
  });
});
