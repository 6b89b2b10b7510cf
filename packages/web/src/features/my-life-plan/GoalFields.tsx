import { ACTION_DOERS, GOAL_DOMAIN_LABELS, GOAL_DOMAINS, type ActionDoer, type GoalDomain } from '@kith/core';
import { errorFor } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { dateError, type PlanEditing } from './editing';
import { DateInput } from '../../components/DateInput';
import { planFieldId } from './plan-draft';
import { newAction, newGoal, withAction, withGoal, type ActionEntry, type GoalEntry } from './plan-form';
import { FixedStatement } from './SectionFields';

const DOMAIN_OPTIONS = [{ value: '', text: 'Choose a part of life' }, ...GOAL_DOMAINS.map((d) => ({ value: d, text: GOAL_DOMAIN_LABELS[d] }))];

/** Who does an action, as the member of staff writing the plan says it. */
const DOER_OPTION_TEXT: Readonly<Record<ActionDoer, string>> = {
  me: 'The person themselves',
  family: 'Their family',
  professional: 'A professional',
  community_service: 'A community service',
};
const WHO_OPTIONS = [{ value: '', text: 'Choose who' }, ...ACTION_DOERS.map((d) => ({ value: d, text: DOER_OPTION_TEXT[d] }))];

/** The goals, each in the person's words with its actions; a goal once saved stays (it is closed as "changed"). */
export function GoalFields({ editing }: { editing: PlanEditing }) {
  const { form, update, focus } = editing;
  const add = () => {
    update((f) => withGoal(f, f.goals.length, newGoal()));
    focus(planFieldId('goals', form.goals.length, 'domain'));
  };
  return (
    <fieldset className="nhsuk-fieldset kith-plan-edit__part" aria-describedby="plan-goals-hint">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        <h3 className="nhsuk-fieldset__heading">My goals</h3>
      </legend>
      <div className="nhsuk-hint" id="plan-goals-hint">
        What they want to achieve, in their own words, and what will be done to get there. A goal stays in the plan once saved: when one no longer
        fits, record its progress as “Changed” on the plan page and write a new goal.
      </div>
      {form.goals.map((goal, index) => (
        <GoalField key={goal.key} index={index} goal={goal} editing={editing} />
      ))}
      <button id="plan-add-goal" type="button" className="nhsuk-button nhsuk-button--secondary" onClick={add}>
        Add another goal
      </button>
    </fieldset>
  );
}

function GoalField({ index, goal, editing }: { index: number; goal: GoalEntry; editing: PlanEditing }) {
  const { update, errors, focus } = editing;
  const id = (...place: Array<string | number>) => planFieldId('goals', index, ...place);
  const patch = (change: (goal: GoalEntry) => GoalEntry) => update((f) => withGoal(f, index, change(f.goals[index]!)));
  const words = (change: Partial<GoalEntry['words']>) => patch((g) => ({ ...g, words: { ...g.words, ...change } }));
  const addAction = () => {
    patch((g) => withAction(g, g.actions.length, newAction()));
    focus(id('actions', goal.actions.length, 'description'));
  };
  const removeGoal = () => {
    update((f) => withGoal(f, index, undefined));
    focus('plan-add-goal');
  };
  return (
    <fieldset className="nhsuk-fieldset kith-plan-edit__goal">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
        <h4 className="nhsuk-fieldset__heading">Goal {index + 1}</h4>
      </legend>
      <Select
        id={id('domain')}
        label="Which part of life is it about?"
        options={DOMAIN_OPTIONS}
        value={goal.domain}
        onChange={(event) => patch((g) => ({ ...g, domain: event.target.value as GoalDomain | '' }))}
        error={errorFor(errors, id('domain'))}
      />
      {goal.words.saved ? (
        <FixedStatement
          statement={goal.words.saved}
          mode="ownWords"
          commentId={id('inMyWords', 'comment')}
          comment={goal.words.comment}
          onComment={(comment) => words({ comment })}
          error={errorFor(errors, id('inMyWords', 'comment'))}
        />
      ) : (
        <Textarea
          id={id('inMyWords', 'text')}
          label="The goal, in the person’s own words"
          hint="Write down what they said, word for word. For example, “I want to get back to the lunch club on Thursdays”."
          rows={2}
          maxLength={2000}
          value={goal.words.text}
          onChange={(event) => words({ text: event.target.value })}
          error={errorFor(errors, id('inMyWords', 'text'))}
        />
      )}
      {goal.actions.map((action, a) => (
        <ActionFields key={action.key} goalIndex={index} index={a} action={action} editing={editing} patchGoal={patch} />
      ))}
      <div className="kith-button-row">
        <button id={id('addAction')} type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={addAction}>
          {goal.actions.length === 0 ? 'Add an action' : 'Add another action'}
          <span className="nhsuk-u-visually-hidden"> to goal {index + 1}</span>
        </button>
        {!goal.id && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={removeGoal}>
            Remove goal {index + 1}
          </button>
        )}
      </div>
    </fieldset>
  );
}

interface ActionFieldsProps {
  goalIndex: number;
  index: number;
  action: ActionEntry;
  editing: PlanEditing;
  patchGoal: (change: (goal: GoalEntry) => GoalEntry) => void;
}

/** What will be done, who does it and by when; anyone writing the plan may change or remove an action. */
function ActionFields({ goalIndex, index, action, editing, patchGoal }: ActionFieldsProps) {
  const { errors, focus } = editing;
  const id = (field: string) => planFieldId('goals', goalIndex, 'actions', index, field);
  const patch = (change: Partial<ActionEntry>) => patchGoal((g) => withAction(g, index, { ...g.actions[index]!, ...change }));
  const remove = () => {
    patchGoal((g) => withAction(g, index, undefined));
    focus(planFieldId('goals', goalIndex, 'addAction'));
  };
  const byWhenError = dateError(errors, id('byWhen'));
  const name = `action ${index + 1} for goal ${goalIndex + 1}`;
  return (
    <fieldset className="nhsuk-fieldset kith-plan-edit__action">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Action {index + 1} for goal {goalIndex + 1}</legend>
      <Textarea id={id('description')} label="What will be done" rows={2} maxLength={500} value={action.description} onChange={(e) => patch({ description: e.target.value })} error={errorFor(errors, id('description'))} />
      <Select id={id('whoKind')} label="Who will do it" options={WHO_OPTIONS} value={action.whoKind} onChange={(e) => patch({ whoKind: e.target.value as ActionDoer | '' })} error={errorFor(errors, id('whoKind'))} />
      <TextInput
        id={id('whoName')}
        label="Their name"
        hint="For example, Jane Okafor or Riverside Lunch Club. Leave blank if the person will do it themselves."
        width={20}
        maxLength={200}
        autoComplete="off"
        value={action.whoName}
        onChange={(e) => patch({ whoName: e.target.value })}
        error={errorFor(errors, id('whoName'))}
      />
      <DateInput
        id={id('byWhen')}
        legend="By when (optional)"
        hint="For example, 15 4 2026"
        value={action.byWhen}
        onChange={(byWhen) => patch({ byWhen })}
        error={byWhenError?.message}
        errorParts={byWhenError?.dateParts}
      />
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={remove}>
        Remove this action<span className="nhsuk-u-visually-hidden">: {name}</span>
      </button>
    </fieldset>
  );
}
