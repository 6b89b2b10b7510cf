import { applyPlanEdit, planAsDraft, type MyLifePlanContent } from '@kith/core';
import { describe, expect, it } from 'vitest';
import { draftFromForm, draftProblems, inFormOrder, linkedField, planFieldId } from './plan-draft';
import { fullPlan, planView } from './plan-fixtures';
import { formFromPlan, newAction, newGoal, newStatement, type PlanForm } from './plan-form';

const read = (form: PlanForm, clinicalRole = false) => draftFromForm(form, clinicalRole, 'Mary Smith');

describe('field ids', () => {
  it('are made from the place in the form, in lower case with hyphens', () => {
    expect(planFieldId('goals', 1, 'inMyWords', 'text')).toBe('plan-goals-1-in-my-words-text');
    expect(planFieldId('aboutMe', 0, 'personsOwnWords')).toBe('plan-about-me-0-persons-own-words');
  });

  it('link a problem to its own input, or the nearest enclosing one, but never to a whole part', () => {
    const ids = { 'goals.0': 'domain', 'goals.0.inMyWords': 'words', 'aboutMe.2': 'text' };
    expect(linkedField('goals.0.inMyWords.text', ids)).toBe('words');
    expect(linkedField('aboutMe.2.newComments.0.text', ids)).toBe('text');
    expect(linkedField('goals.0.domain', ids)).toBe('domain');
    expect(linkedField('aboutMe', ids)).toBeUndefined();
    expect(linkedField('basedOnVersion', ids)).toBeUndefined();
  });

  it('put problems in the order the form shows their inputs, those with none first', () => {
    const errors = [{ fieldId: 'b', message: '2' }, { message: '0' }, { fieldId: 'a', message: '1' }];
    expect(inFormOrder(errors, ['a', 'b']).map((e) => e.message)).toEqual(['0', '1', '2']);
  });
});

describe('the draft a form gives', () => {
  it('is the plan as read when nothing was changed, so saving it changes nothing', () => {
    const view = fullPlan();
    const { draft, problems } = read(formFromPlan(view, false));
    expect(problems).toEqual([]);
    expect(draft).toEqual(planAsDraft(view.content as MyLifePlanContent, 3));
  });

  it('leaves out what was added and left empty, and links each kept item to its place in the form', () => {
    const form = formFromPlan(planView({}, 0), false);
    form.sections.aboutMe.push({ ...newStatement(), text: '  Born in Kingston  ', personsOwnWords: true });
    form.goals.push({ ...newGoal(), domain: 'home', words: { ...newStatement(), text: 'Stay in my own home', personsOwnWords: true } });
    form.reviewDate = { day: '1', month: '9', year: '2026' };
    const { draft, fields, problems } = read(form);
    expect(problems).toEqual([]);
    expect(draft.aboutMe).toEqual([{ text: 'Born in Kingston', personsOwnWords: true, newComments: [] }]);
    expect(draft.whatMattersToMe).toEqual([]);
    expect(draft.goals).toEqual([{ domain: 'home', inMyWords: { text: 'Stay in my own home', personsOwnWords: true, newComments: [] }, actions: [] }]);
    expect(draft.reviewDate).toBe('2026-09-01');
    expect(fields.ids['aboutMe.0']).toBe('plan-about-me-1-text');
    expect(fields.ids['aboutMe.0.personsOwnWords']).toBe('plan-about-me-1-persons-own-words');
    expect(linkedField('goals.0.inMyWords.text', fields.ids)).toBe('plan-goals-1-in-my-words-text');
    expect(fields.ids.reviewDate).toBe('plan-review-date-day');
  });

  it('sends words the editor may not change as saved, with their comment, whose field takes the problems', () => {
    const form = formFromPlan(fullPlan(), false);
    const [own] = form.sections.aboutMe;
    own!.text = 'Changed behind the form’s back';
    own!.comment = ' She means the Royal Marsden ';
    form.sections.healthAndCare[0]!.comment = 'Checked with the GP';
    const { draft, fields } = read(form);
    expect(draft.aboutMe[0]).toEqual({ id: 's-own', text: 'I was a nurse for forty years', personsOwnWords: true, newComments: [{ text: 'She means the Royal Marsden' }] });
    expect(draft.healthAndCare[0]!.newComments).toEqual([{ text: 'Checked with the GP' }]);
    expect(fields.ids['aboutMe.0']).toBe('plan-about-me-0-comment');
    expect(fields.ids['healthAndCare.0']).toBe('plan-health-and-care-0-comment');
    expect(fields.ids['goals.0.inMyWords']).toBe('plan-goals-0-in-my-words-comment');
  });

  it('lets a clinician change a clinical statement', () => {
    const form = formFromPlan(fullPlan(), true);
    form.sections.healthAndCare[0]!.text = 'Rescue pack in the fridge';
    const { draft, fields } = read(form, true);
    expect(draft.healthAndCare[0]!.text).toBe('Rescue pack in the fridge');
    expect(fields.ids['healthAndCare.0']).toBe('plan-health-and-care-0-text');
  });

  it('names the person as the doer of their own action, and keeps a staff link only while the doer is the same', () => {
    const form = formFromPlan(fullPlan(), false);
    const [goal] = form.goals;
    goal!.actions.push({ ...newAction(), description: 'Walk to the corner shop', whoKind: 'me', byWhen: { day: '2', month: '5', year: '2026' } });
    const { draft } = read(form);
    const actions = draft.goals[0]!.actions!;
    expect(actions[1]!.who).toEqual({ kind: 'professional', name: 'Sam Patel', staffId: '11111111-1111-4111-8111-111111111111' });
    expect(actions[2]).toEqual({ description: 'Walk to the corner shop', who: { kind: 'me', name: 'Mary Smith' }, byWhen: '2026-05-02' });
    goal!.actions[1]!.whoName = 'Priya Shah';
    expect(read(form).draft.goals[0]!.actions![1]!.who).toEqual({ kind: 'professional', name: 'Priya Shah' });
  });

  it('gives a draft the server takes, from which it keeps who wrote what', () => {
    const view = fullPlan();
    const form = formFromPlan(view, false);
    form.sections.strengths[0]!.text = 'Very determined';
    const { draft } = read(form);
    const editor = { staffId: '11111111-1111-4111-8111-111111111111', name: 'Sam Patel', roles: ['coordinator' as const] };
    let n = 0;
    const next = applyPlanEdit({ previous: view.content as MyLifePlanContent, draft, editor, now: new Date('2026-03-04T10:00:00Z'), newId: () => `new-${++n}` });
    expect(next.strengths.map((s) => s.text)).toEqual(['Very determined']);
    expect(next.aboutMe).toEqual(view.content.aboutMe);
  });
});

describe('problems found before saving', () => {
  it('names an empty or unreadable review date in the date input’s words, once', () => {
    const form = formFromPlan(planView({}, 0), false);
    expect(draftProblems(read(form))).toEqual([{ fieldId: 'plan-review-date-day', message: 'Enter the date the plan will be looked at again with the person' }]);
    form.reviewDate = { day: '31', month: '2', year: '2026' };
    expect(draftProblems(read(form))).toEqual([{ fieldId: 'plan-review-date-day', message: 'The review date must be a real date', dateParts: [] }]);
    form.reviewDate = { day: '3', month: '', year: '2026' };
    expect(draftProblems(read(form))[0]).toMatchObject({ fieldId: 'plan-review-date-month', dateParts: ['month'] });
  });

  it('applies the plan’s own rules, each problem linked to its input in the form’s order', () => {
    const form = formFromPlan(fullPlan(), false);
    form.sections.aboutMe[1]!.text = ' ';
    form.goals.push({ ...newGoal(), actions: [{ ...newAction(), description: 'Phone the club' }] });
    const problems = draftProblems(read(form));
    expect(problems).toEqual([
      { fieldId: 'plan-about-me-1-text', message: 'Write the statement, or remove it' },
      { fieldId: 'plan-goals-1-domain', message: 'Choose the part of life the goal is about' },
      { fieldId: 'plan-goals-1-in-my-words-text', message: 'Write the goal in the person’s own words' },
      { fieldId: 'plan-goals-1-actions-0-who-kind', message: 'Choose who does it: me, my family, a professional or a community service' },
      { fieldId: 'plan-goals-1-actions-0-who-name', message: 'Name who does it' },
    ]);
  });

  it('names a “by when” date that cannot be read', () => {
    const form = formFromPlan(fullPlan(), false);
    form.goals[0]!.actions[0]!.byWhen = { day: '1', month: '13', year: '2026' };
    expect(draftProblems(read(form))).toEqual([{ fieldId: 'plan-goals-0-actions-0-by-when-day', message: 'The “by when” date must be a real date', dateParts: [] }]);
  });
});
