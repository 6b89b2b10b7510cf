import { describe, expect, it } from 'vitest';
import { fullPlan, planView } from './plan-fixtures';
import { formFromPlan, mayAddTo, newGoal, newStatement, statementMode, withAction, withGoal, withStatement } from './plan-form';

describe('the plan editor’s form', () => {
  it('starts a new plan with one empty statement in each section the editor may write in, and one empty goal', () => {
    const form = formFromPlan(planView({}, 0), false);
    expect(form.basedOnVersion).toBe(0);
    expect(form.sections.aboutMe).toHaveLength(1);
    expect(form.sections.aboutMe[0]).toMatchObject({ text: '', personsOwnWords: false, comment: '' });
    expect(form.sections.healthAndCare).toEqual([]);
    expect(form.goals).toHaveLength(1);
    expect(form.goals[0]!.actions).toHaveLength(1);
  });

  it('gives a clinician somewhere to start in the clinical sections too', () => {
    const form = formFromPlan(planView({}, 0), true);
    expect(form.sections.healthAndCare).toHaveLength(1);
    expect(form.sections.endOfLife).toHaveLength(1);
  });

  it('holds the plan as read: statements, goals with their actions, and the review date as typed', () => {
    const form = formFromPlan(fullPlan(), false);
    expect(form.basedOnVersion).toBe(3);
    expect(form.sections.aboutMe.map((s) => s.text)).toEqual(['I was a nurse for forty years', 'Lives alone since 2019']);
    expect(form.sections.whatMattersToMe).toHaveLength(1);
    const [goal] = form.goals;
    expect(goal).toMatchObject({ id: 'g-1', domain: 'community_and_social_life', words: { text: 'Get back to the lunch club' } });
    expect(goal!.actions[0]).toMatchObject({ whoKind: 'family', whoName: 'Jane Okafor', byWhen: { day: '1', month: '4', year: '2026' } });
    expect(goal!.actions[1]!.byWhen).toEqual({ day: '', month: '', year: '' });
    expect(form.reviewDate).toEqual({ day: '1', month: '9', year: '2026' });
  });

  it('gives each new entry its own key', () => {
    const form = formFromPlan(planView({}, 0), false);
    const keys = Object.values(form.sections).flatMap((entries) => entries.map((e) => e.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('what the editor may change', () => {
  const form = formFromPlan(fullPlan(), false);
  const [own, staff] = form.sections.aboutMe;
  const [clinical] = form.sections.healthAndCare;

  it('never lets staff change the person’s own words, nor a goal’s', () => {
    expect(statementMode('aboutMe', own!, true)).toBe('ownWords');
    expect(statementMode('goals', form.goals[0]!.words, true)).toBe('ownWords');
  });

  it('lets staff change what staff wrote, and anything new', () => {
    expect(statementMode('aboutMe', staff!, false)).toBe('editable');
    expect(statementMode('aboutMe', form.sections.whatMattersToMe[0]!, false)).toBe('editable');
  });

  it('keeps the clinical sections to clinical roles', () => {
    expect(statementMode('healthAndCare', clinical!, false)).toBe('clinical');
    expect(statementMode('healthAndCare', clinical!, true)).toBe('editable');
    expect(mayAddTo('endOfLife', false)).toBe(false);
    expect(mayAddTo('endOfLife', true)).toBe(true);
    expect(mayAddTo('ifThingsGoWrong', false)).toBe(true);
  });
});

describe('changing the form', () => {
  it('adds, changes and removes statements, goals and actions without touching the rest', () => {
    const form = formFromPlan(fullPlan(), false);
    const added = withStatement(form, 'aboutMe', 2, { ...newStatement(), text: 'Keeps bees' });
    expect(added.sections.aboutMe.map((s) => s.text)).toEqual(['I was a nurse for forty years', 'Lives alone since 2019', 'Keeps bees']);
    expect(form.sections.aboutMe).toHaveLength(2);
    const removed = withStatement(added, 'aboutMe', 1, undefined);
    expect(removed.sections.aboutMe.map((s) => s.text)).toEqual(['I was a nurse for forty years', 'Keeps bees']);
    const goal = withAction(form.goals[0]!, 0, undefined);
    expect(withGoal(form, 0, goal).goals[0]!.actions.map((a) => a.description)).toEqual(['Ask about a taxi voucher']);
    expect(withGoal(form, 1, newGoal()).goals).toHaveLength(2);
  });
});
