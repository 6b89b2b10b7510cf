import { CONDITION_KEYS, CONDITION_LABELS, type ConditionKey } from '@kith/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { ErrorMessage, errorFor, type FormError } from '../../components/ErrorSummary';
import { classes } from '../../components/classes';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import {
  ADD_CLAUSE_ID,
  blankClause,
  CLAUSE_KINDS,
  clauseFieldId,
  COMBINE_ID,
  NAME_ID,
  type ClauseDraft,
  type RuleDraft,
} from './draft';

interface RuleEditorProps {
  initial: RuleDraft;
  errors: FormError[];
  submitText: string;
  onSubmit: (draft: RuleDraft) => void;
  /** More questions after the name, such as the network a new rule is for. */
  extra?: ReactNode;
}

/**
 * A rule's name and its clauses, combined with "and" or "or". Each clause is a fieldset whose
 * legend numbers it; its kind decides which questions it asks. The server judges the values,
 * and its problems come back keyed by each clause's position, which the ids here follow.
 */
export function RuleEditor({ initial, errors, submitText, onSubmit, extra }: RuleEditorProps) {
  const [draft, setDraft] = useState(initial);
  const focusNext = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });

  const changeClause = (index: number, change: Partial<ClauseDraft>) =>
    setDraft((d) => ({ ...d, clauses: d.clauses.map((c, i) => (i === index ? { ...c, ...change } : c)) }));
  const addClause = () => {
    focusNext.current = clauseFieldId(draft.clauses.length, 'kind');
    setDraft((d) => ({ ...d, clauses: [...d.clauses, blankClause()] }));
  };
  const removeClause = (index: number) => {
    focusNext.current = ADD_CLAUSE_ID;
    setDraft((d) => ({ ...d, clauses: d.clauses.filter((_, i) => i !== index) }));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form onSubmit={submit} noValidate>
      <TextInput
        id={NAME_ID}
        label="Name"
        hint="What the rule finds, as people will know it, such as “Older people with heart failure”"
        autoComplete="off"
        value={draft.name}
        onChange={(event) => setDraft((d) => ({ ...d, name: event.target.value }))}
        error={errorFor(errors, NAME_ID)}
      />
      {extra}
      <ChoiceGroup
        id={COMBINE_ID}
        name="combine"
        legend="Combine clauses with"
        choices={[
          { value: 'and', text: 'All of the clauses (and)' },
          { value: 'or', text: 'Any of the clauses (or)' },
        ]}
        chosen={[draft.combine]}
        onChange={(value) => setDraft((d) => ({ ...d, combine: value as RuleDraft['combine'] }))}
        error={errorFor(errors, COMBINE_ID)}
        inline
      />
      {draft.clauses.map((clause, index) => (
        <ClauseFields
          key={clause.key}
          index={index}
          clause={clause}
          errors={errors}
          onChange={(change) => changeClause(index, change)}
          onRemove={() => removeClause(index)}
        />
      ))}
      <div className={classes('nhsuk-form-group', errorFor(errors, ADD_CLAUSE_ID) && 'nhsuk-form-group--error')}>
        {errorFor(errors, ADD_CLAUSE_ID) && <ErrorMessage id={`${ADD_CLAUSE_ID}-error`}>{errorFor(errors, ADD_CLAUSE_ID)!}</ErrorMessage>}
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          id={ADD_CLAUSE_ID}
          onClick={addClause}
          aria-describedby={errorFor(errors, ADD_CLAUSE_ID) ? `${ADD_CLAUSE_ID}-error` : undefined}
        >
          Add a clause
        </button>
      </div>
      <button className="nhsuk-button" type="submit">
        {submitText}
      </button>
    </form>
  );
}

interface ClauseFieldsProps {
  index: number;
  clause: ClauseDraft;
  errors: FormError[];
  onChange: (change: Partial<ClauseDraft>) => void;
  onRemove: () => void;
}

function ClauseFields({ index, clause, errors, onChange, onRemove }: ClauseFieldsProps) {
  const id = (field: Parameters<typeof clauseFieldId>[1]) => clauseFieldId(index, field);
  const number = (field: 'atLeast' | 'months' | 'from' | 'to', label: string, hint?: string) => (
    <TextInput
      id={id(field)}
      name={`clause-${clause.key}-${field}`}
      label={label}
      hint={hint}
      inputMode="numeric"
      width={3}
      autoComplete="off"
      value={clause[field]}
      onChange={(event) => onChange({ [field]: event.target.value })}
      error={errorFor(errors, id(field))}
    />
  );
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Clause {index + 1}</legend>
          <Select
            id={id('kind')}
            name={`clause-${clause.key}-kind`}
            label="Kind of clause"
            options={CLAUSE_KINDS}
            value={clause.kind}
            onChange={(event) => onChange({ kind: event.target.value as ClauseDraft['kind'] })}
            error={errorFor(errors, id('kind'))}
          />
          {clause.kind === 'long_term_conditions' && number('atLeast', 'At least how many long-term conditions')}
          {clause.kind === 'emergency_admissions' && (
            <>
              {number('atLeast', 'At least how many emergency admissions')}
              {number('months', 'In the last how many months')}
            </>
          )}
          {clause.kind === 'ae_attendances' && (
            <>
              {number('atLeast', 'At least how many A&E attendances')}
              {number('months', 'In the last how many months')}
            </>
          )}
          {clause.kind === 'age' && (
            <>
              {number('from', 'Youngest age, in years', 'Leave empty for no youngest age')}
              {number('to', 'Oldest age, in years', 'Leave empty for no oldest age')}
            </>
          )}
          {clause.kind === 'has_condition' && (
            <>
              <ChoiceGroup
                id={id('conditions')}
                type="checkbox"
                small
                legend="Conditions"
                choices={CONDITION_KEYS.map((key) => ({ value: key, text: conditionText(key) }))}
                chosen={clause.conditions}
                onChange={(key, ticked) => onChange({ conditions: withCondition(clause.conditions, key as ConditionKey, ticked) })}
                error={errorFor(errors, id('conditions'))}
              />
              <ChoiceGroup
                id={id('match')}
                name={`clause-${clause.key}-match`}
                legend="Has any or all of them"
                choices={[
                  { value: 'any', text: 'Any of them' },
                  { value: 'all', text: 'All of them' },
                ]}
                chosen={[clause.match]}
                onChange={(value) => onChange({ match: value as ClauseDraft['match'] })}
                error={errorFor(errors, id('match'))}
                inline
              />
            </>
          )}
          <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" onClick={onRemove}>
            Remove clause<span className="nhsuk-u-visually-hidden"> {index + 1}</span>
          </button>
        </fieldset>
      </div>
    </div>
  );
}

/** A condition's words with a capital, for a checkbox label: "Heart failure". */
function conditionText(key: ConditionKey): string {
  const label = CONDITION_LABELS[key];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Ticks or unticks one condition, keeping them in the order they are listed. */
function withCondition(conditions: readonly ConditionKey[], key: ConditionKey, ticked: boolean): ConditionKey[] {
  return ticked ? CONDITION_KEYS.filter((k) => k === key || conditions.includes(k)) : conditions.filter((k) => k !== key);
}
