import { Fragment, type ReactNode } from 'react';
import { classes } from '../../components/classes';
import { ErrorMessage } from '../../components/ErrorSummary';

export interface Choice {
  value: string;
  text: string;
  /** Read with the choice (aria-describedby); each line its own. */
  hint?: string | readonly string[];
}

interface ChoiceGroupProps {
  /** The first input gets this id, so an error summary can link to the question. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  choices: readonly Choice[];
  /** Radios for one answer, checkboxes for several. */
  type: 'radio' | 'checkbox';
  /** The values chosen; the page holds them. */
  chosen: readonly string[];
  onChange: (value: string, checked: boolean) => void;
  /**
   * More to ask after a choice, shown under it as the NHS conditional reveal. It is drawn only
   * while chosen, so it comes next in reading and tab order and no hidden copy shares its ids.
   */
  revealFor?: (value: string) => ReactNode;
  inline?: boolean;
}

const itemId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

function hintLines(hint: string | readonly string[]): ReactNode {
  return [hint].flat().map((line, index) => (
    <Fragment key={index}>
      {index > 0 && <br />}
      {line}
    </Fragment>
  ));
}

/** NHS radios or checkboxes: one question in a fieldset whose legend asks it, the answer held by the page. */
export function ChoiceGroup({ id, legend, hint, error, choices, type, chosen, onChange, revealFor, inline }: ChoiceGroupProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const kind = type === 'radio' ? 'radios' : 'checkboxes';
  return (
    <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {errorId && error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={classes(`nhsuk-${kind}`, inline && `nhsuk-${kind}--inline`)}>
          {choices.map((choice, index) => {
            const inputId = itemId(id, index);
            const choiceHintId = choice.hint ? `${inputId}-item-hint` : undefined;
            const checked = chosen.includes(choice.value);
            const revealed = checked ? revealFor?.(choice.value) : undefined;
            return (
              <Fragment key={choice.value}>
                <div className={`nhsuk-${kind}__item`}>
                  <input
                    className={`nhsuk-${kind}__input`}
                    id={inputId}
                    name={id}
                    type={type}
                    value={choice.value}
                    checked={checked}
                    onChange={(event) => onChange(choice.value, event.target.checked)}
                    aria-describedby={choiceHintId}
                  />
                  <label className={`nhsuk-label nhsuk-${kind}__label`} htmlFor={inputId}>
                    {choice.text}
                  </label>
                  {choice.hint && (
                    <div className={`nhsuk-hint nhsuk-${kind}__hint`} id={choiceHintId}>
                      {hintLines(choice.hint)}
                    </div>
                  )}
                </div>
                {revealed && <div className={`nhsuk-${kind}__conditional`}>{revealed}</div>}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

interface RevealCheckboxProps {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown under the box while it is ticked. */
  children: ReactNode;
}

/** One yes-or-no box that, ticked, reveals what to ask next (the NHS conditional reveal). */
export function RevealCheckbox({ id, label, hint, checked, onChange, children }: RevealCheckboxProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="nhsuk-form-group">
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            name={id}
            type="checkbox"
            value="yes"
            checked={checked}
            onChange={(event) => onChange(event.target.checked)}
            aria-describedby={hintId}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={hintId}>
              {hint}
            </div>
          )}
        </div>
        {checked && <div className="nhsuk-checkboxes__conditional">{children}</div>}
      </div>
    </div>
  );
}
