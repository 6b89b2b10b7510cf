import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import type { MyLifePlanContent } from './content.js';
import { planAsDraft, type MyLifePlanDraftInput } from './draft.js';
import { applyPlanEdit } from './edit.js';
import type { PlanEditor } from './locks.js';

const SAM = '7b5c3c1e-1f0a-4a57-9d7e-1b2c3d4e5f60';
const ADA = '0c9a4f7e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
const coordinator: PlanEditor = { staffId: SAM, name: 'Sam Patel', roles: ['coordinator'] };
const nurse: PlanEditor = { staffId: ADA, name: 'Ada Okafor', roles: ['nurse'] };
const person: PlanEditor = { kind: 'person' };
const march3 = new Date('2026-03-03T10:00:00.000Z');
const march10 = new Date('2026-03-10T11:30:00.000Z');

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

const blank: MyLifePlanDraftInput = {
  basedOnVersion: 0,
  reviewDate: '2026-06-01',
  aboutMe: [],
  whatMattersToMe: [],
  strengths: [],
  supportNetwork: [],
  ifThingsGoWrong: [],
  healthAndCare: [],
  endOfLife: [],
  communicationNeeds: [],
  goals: [],
};

/** Version 1, written with Mary at a home visit by her coordinator. */
function firstVersion(): MyLifePlanContent {
  const draft: MyLifePlanDraftInput = {
    ...blank,
    aboutMe: [{ text: 'Mary lives alone in a ground-floor flat', personsOwnWords: false }],
    whatMattersToMe: [{ text: '  Seeing my grandchildren every Sunday ', personsOwnWords: true }],
    goals: [
      {
        domain: 'community_and_social_life',
        inMyWords: { text: 'I want to get back to the lunch club', personsOwnWords: true },
        actions: [{ description: 'Ring the lunch club about transport', who: { kind: 'professional', name: 'Sam Patel' }, byWhen: '2026-03-17' }],
      },
    ],
  };
  return applyPlanEdit({ previous: null, draft, editor: coordinator, now: march3, newId: counter('v1') });
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('a first save', () => {
  it('stamps each statement with who wrote it, when, and whether it is the person’s own words', () => {
    const plan = firstVersion();
    expect(plan.aboutMe).toEqual([
      {
        id: 'v1-1',
        text: 'Mary lives alone in a ground-floor flat',
        personsOwnWords: false,
        writtenBy: { kind: 'staff', staffId: SAM, name: 'Sam Patel', role: 'coordinator' },
        writtenAt: '2026-03-03T10:00:00.000Z',
        comments: [],
      },
    ]);
    expect(plan.whatMattersToMe[0]).toMatchObject({ text: 'Seeing my grandchildren every Sunday', personsOwnWords: true, writtenBy: { kind: 'staff', name: 'Sam Patel' } });
    expect(plan.goals[0]).toMatchObject({
      domain: 'community_and_social_life',
      inMyWords: { text: 'I want to get back to the lunch club', personsOwnWords: true },
      actions: [{ description: 'Ring the lunch club about transport', who: { kind: 'professional', name: 'Sam Patel' }, byWhen: '2026-03-17' }],
    });
    expect(plan.reviewDate).toBe('2026-06-01');
    expect(plan.endOfLife).toEqual([]);
  });

  it('writes under a clinical role when the editor holds one', () => {
    const draft = { ...blank, healthAndCare: [{ text: 'Rescue pack in the kitchen drawer', personsOwnWords: false }] };
    const lead: PlanEditor = { staffId: ADA, name: 'Ada Okafor', roles: ['coordinator', 'network_lead'] };
    const plan = applyPlanEdit({ previous: null, draft, editor: lead, now: march3, newId: counter('a') });
    expect(plan.healthAndCare[0]!.writtenBy).toMatchObject({ role: 'network_lead' });
  });
});

describe('attribution across saves', () => {
  it('keeps who wrote an unchanged statement and stamps a changed one with the new editor', () => {
    const v1 = firstVersion();
    const draft = planAsDraft(v1, 1);
    draft.aboutMe[0]!.text = 'Mary lives alone in a ground-floor flat with her cat';
    draft.strengths.push({ text: 'Very good at crosswords', personsOwnWords: false, newComments: [] });
    const v2 = applyPlanEdit({ previous: v1, draft, editor: nurse, now: march10, newId: counter('v2') });

    expect(v2.whatMattersToMe).toEqual(v1.whatMattersToMe);
    expect(v2.goals).toEqual(v1.goals);
    expect(v2.aboutMe[0]).toMatchObject({ id: v1.aboutMe[0]!.id, writtenBy: { name: 'Ada Okafor', role: 'nurse' }, writtenAt: '2026-03-10T11:30:00.000Z' });
    expect(v2.strengths[0]).toMatchObject({ id: 'v2-1', writtenBy: { name: 'Ada Okafor' } });
  });

  it('leaves the previous content untouched', () => {
    const v1 = firstVersion();
    const before = structuredClone(v1);
    const draft = planAsDraft(v1, 1);
    draft.aboutMe[0]!.text = 'Changed';
    draft.aboutMe[0]!.newComments.push({ text: 'A comment' });
    applyPlanEdit({ previous: v1, draft, editor: nurse, now: march10, newId: counter('v2') });
    expect(v1).toEqual(before);
  });
});

describe('the person’s own words', () => {
  it('cannot be changed by staff, naming the statement', () => {
    const v1 = firstVersion();
    const draft = planAsDraft(v1, 1);
    draft.whatMattersToMe[0]!.text = 'Seeing my family';
    const error = refusal(() => applyPlanEdit({ previous: v1, draft, editor: coordinator, now: march10, newId: counter('v2') }));
    expect(error.code).toBe('forbidden');
    expect(error.problems).toEqual([{ field: 'whatMattersToMe.0', reason: 'These are the person’s own words: staff cannot change them. You can add a comment' }]);
  });

  it('cannot be unmarked as the person’s own words by staff', () => {
    const v1 = firstVersion();
    const draft = planAsDraft(v1, 1);
    draft.whatMattersToMe[0]!.personsOwnWords = false;
    expect(refusal(() => applyPlanEdit({ previous: v1, draft, editor: nurse, now: march10, newId: counter('v2') })).problems[0]!.field).toBe('whatMattersToMe.0');
  });

  it('cannot be removed by staff, even a clinician', () => {
    const v1 = firstVersion();
    const draft = { ...planAsDraft(v1, 1), whatMattersToMe: [] };
    const error = refusal(() => applyPlanEdit({ previous: v1, draft, editor: nurse, now: march10, newId: counter('v2') }));
    expect(error.code).toBe('forbidden');
    expect(error.problems).toEqual([{ field: 'whatMattersToMe', reason: 'These are the person’s own words: staff cannot remove them. You can add a comment' }]);
  });

  it('can be answered by staff with a comment, keeping the statement as it was', () => {
    const v1 = firstVersion();
    const draft = planAsDraft(v1, 1);
    draft.whatMattersToMe[0]!.newComments.push({ text: 'Her son drives her over; worth noting for transport' });
    const v2 = applyPlanEdit({ previous: v1, draft, editor: coordinator, now: march10, newId: counter('v2') });
    const { comments, ...statement } = v2.whatMattersToMe[0]!;
    const { comments: _, ...was } = v1.whatMattersToMe[0]!;
    expect(statement).toEqual(was);
    expect(comments).toEqual([
      { id: 'v2-1', text: 'Her son drives her over; worth noting for transport', by: { kind: 'staff', staffId: SAM, name: 'Sam Patel', role: 'coordinator' }, at: '2026-03-10T11:30:00.000Z' },
    ]);
  });

  it('can be changed by the person, and what the person writes is always their own words', () => {
    const v1 = firstVersion();
    const draft = planAsDraft(v1, 1);
    draft.whatMattersToMe[0]!.text = 'Seeing my grandchildren, and my sister';
    draft.aboutMe[0]!.text = 'I live on my own, with my cat Pip';
    draft.aboutMe[0]!.personsOwnWords = false;
    draft.strengths.push({ text: 'I never give up', personsOwnWords: false, newComments: [] });
    const v2 = applyPlanEdit({ previous: v1, draft, editor: person, now: march10, newId: counter('v2') });
    for (const s of [v2.whatMattersToMe[0]!, v2.aboutMe[0]!, v2.strengths[0]!]) {
      expect(s).toMatchObject({ personsOwnWords: true, writtenBy: { kind: 'person' }, writtenAt: '2026-03-10T11:30:00.000Z' });
    }
  });
});

describe('clinical sections', () => {
  const withClinical = () =>
    applyPlanEdit({
      previous: null,
      draft: { ...blank, healthAndCare: [{ text: 'If breathless, use the rescue pack and ring the community matron', personsOwnWords: false }] },
      editor: nurse,
      now: march3,
      newId: counter('v1'),
    });

  it('are refused to a coordinator, to add, change or remove', () => {
    const v1 = withClinical();
    const add = { ...planAsDraft(v1, 1), endOfLife: [{ text: 'Would like to stay at home', personsOwnWords: true }] };
    const change = planAsDraft(v1, 1);
    change.healthAndCare[0]!.text = 'Ring 999';
    const remove = { ...planAsDraft(v1, 1), healthAndCare: [] };
    const problems = [add, change, remove].map((draft) => {
      const error = refusal(() => applyPlanEdit({ previous: v1, draft, editor: coordinator, now: march10, newId: counter('v2') }));
      expect(error.code).toBe('forbidden');
      return error.problems.map((p) => p.field);
    });
    expect(problems).toEqual([['endOfLife.0'], ['healthAndCare.0'], ['healthAndCare']]);
  });

  it('are open to a nurse', () => {
    const v1 = withClinical();
    const draft = { ...planAsDraft(v1, 1), endOfLife: [{ text: 'I would like to stay at home, with my family', personsOwnWords: true }] };
    draft.healthAndCare[0]!.text = 'If breathless, use the rescue pack, then ring the community matron';
    const v2 = applyPlanEdit({ previous: v1, draft, editor: nurse, now: march10, newId: counter('v2') });
    expect(v2.healthAndCare[0]!.text).toBe('If breathless, use the rescue pack, then ring the community matron');
    expect(v2.endOfLife[0]).toMatchObject({ personsOwnWords: true, writtenBy: { role: 'nurse' } });
  });

  it('take a coordinator’s comment', () => {
    const v1 = withClinical();
    const draft = planAsDraft(v1, 1);
    draft.healthAndCare[0]!.newComments.push({ text: 'Mary says the rescue pack is out of date' });
    const v2 = applyPlanEdit({ previous: v1, draft, editor: coordinator, now: march10, newId: counter('v2') });
    expect(v2.healthAndCare[0]!.comments).toHaveLength(1);
  });

  it('take the person’s own words, but not their changes to what a clinician wrote', () => {
    const v1 = withClinical();
    const add = { ...planAsDraft(v1, 1), endOfLife: [{ text: 'I don’t want to go back into hospital', personsOwnWords: true }] };
    expect(applyPlanEdit({ previous: v1, draft: add, editor: person, now: march10, newId: counter('v2') }).endOfLife).toHaveLength(1);
    const change = planAsDraft(v1, 1);
    change.healthAndCare[0]!.text = 'No rescue pack';
    const error = refusal(() => applyPlanEdit({ previous: v1, draft: change, editor: person, now: march10, newId: counter('v2') }));
    expect(error.problems).toEqual([{ field: 'healthAndCare.0', reason: 'Only clinical staff can change what they wrote in “My health and care”. You can add a comment' }]);
  });
});

describe('goals', () => {
  const save = (draft: unknown) => refusal(() => applyPlanEdit({ previous: null, draft: draft as MyLifePlanDraftInput, editor: coordinator, now: march3, newId: counter('x') }));
  const goal = { domain: 'home', inMyWords: { text: 'Get upstairs to my bedroom again', personsOwnWords: true }, actions: [] };

  it('are refused without the person’s words, naming the field; nothing is returned', () => {
    const cases: [unknown, string][] = [
      [{ ...goal, inMyWords: undefined }, 'goals.1.inMyWords'],
      [{ ...goal, inMyWords: { text: '   ', personsOwnWords: true } }, 'goals.1.inMyWords.text'],
      [{ ...goal, inMyWords: { personsOwnWords: true } }, 'goals.1.inMyWords.text'],
      [{ ...goal, inMyWords: { text: 'Physio to assess stairs', personsOwnWords: false } }, 'goals.1.inMyWords.personsOwnWords'],
    ];
    for (const [bad, field] of cases) {
      const error = save({ ...blank, goals: [goal, bad] });
      expect(error.code, field).toBe('invalid');
      expect(error.problems.map((p) => p.field)).toEqual([field]);
      expect(error.message.startsWith(`${field}: `)).toBe(true);
    }
  });

  it('refuse an action date that is not a real date, naming it', () => {
    const action = { description: 'Stair rail fitted', who: { kind: 'community_service', name: 'Handyperson service' }, byWhen: '2026-02-30' };
    expect(save({ ...blank, goals: [{ ...goal, actions: [action] }] }).problems).toEqual([
      { field: 'goals.0.actions.0.byWhen', reason: 'Give a real date, written as YYYY-MM-DD' },
    ]);
  });

  it('cannot be removed by staff, but their domain and actions can change', () => {
    const v1 = firstVersion();
    expect(refusal(() => applyPlanEdit({ previous: v1, draft: { ...planAsDraft(v1, 1), goals: [] }, editor: nurse, now: march10, newId: counter('v2') })).problems[0]!.field).toBe('goals');
    const draft = planAsDraft(v1, 1);
    draft.goals[0]!.domain = 'relationships';
    draft.goals[0]!.actions = [{ description: 'Ask her son about Sunday lifts', who: { kind: 'family', name: 'David (son)' } }];
    const v2 = applyPlanEdit({ previous: v1, draft, editor: coordinator, now: march10, newId: counter('v2') });
    expect(v2.goals[0]).toMatchObject({ id: v1.goals[0]!.id, domain: 'relationships', inMyWords: v1.goals[0]!.inMyWords, actions: [{ id: 'v2-1', who: { kind: 'family' } }] });
  });

  it('can be removed by the person', () => {
    const v1 = firstVersion();
    expect(applyPlanEdit({ previous: v1, draft: { ...planAsDraft(v1, 1), goals: [] }, editor: person, now: march10, newId: counter('v2') }).goals).toEqual([]);
  });
});

describe('bad drafts', () => {
  it('refuses an id that is not in that part of the plan, so nothing moves between sections', () => {
    const v1 = firstVersion();
    const draft = { ...planAsDraft(v1, 1), aboutMe: [], strengths: [{ id: v1.aboutMe[0]!.id, text: 'Moved', personsOwnWords: false }] };
    const error = refusal(() => applyPlanEdit({ previous: v1, draft, editor: nurse, now: march10, newId: counter('v2') }));
    expect(error.code).toBe('invalid');
    expect(error.problems).toEqual([{ field: 'strengths.0.id', reason: 'No such statement in this part of the plan' }]);
  });

  it('refuses the same statement listed twice, and a section left out', () => {
    const v1 = firstVersion();
    const twice = planAsDraft(v1, 1);
    twice.strengths.push({ ...twice.aboutMe[0]! });
    expect(refusal(() => applyPlanEdit({ previous: v1, draft: twice, editor: nurse, now: march10, newId: counter('v2') })).problems).toEqual([
      { field: 'strengths.0.id', reason: 'This statement is listed twice' },
    ]);
    const { endOfLife: _, ...without } = planAsDraft(v1, 1);
    const error = refusal(() => applyPlanEdit({ previous: v1, draft: without as MyLifePlanDraftInput, editor: nurse, now: march10, newId: counter('v2') }));
    expect(error.problems.map((p) => p.field)).toEqual(['endOfLife']);
  });

  it('names every refusal at once', () => {
    const v1 = firstVersion();
    const draft = { ...planAsDraft(v1, 1), whatMattersToMe: [], healthAndCare: [{ text: 'Insulin at 8am', personsOwnWords: false }] };
    expect(refusal(() => applyPlanEdit({ previous: v1, draft, editor: coordinator, now: march10, newId: counter('v2') })).problems.map((p) => p.field)).toEqual([
      'whatMattersToMe',
      'healthAndCare.0',
    ]);
  });

  it('refuses a member of staff with no role', () => {
    const error = refusal(() => applyPlanEdit({ previous: null, draft: blank, editor: { staffId: 'x', name: 'No One', roles: [] }, now: march3, newId: counter('x') }));
    expect(error.code).toBe('forbidden');
  });
});
