import { Fragment, type ReactNode } from 'react';
import { classes } from './classes';
import { ErrorMessage } from './ErrorSummary';

export interface Choice {
  value: string;
  text: string;
  /** Read with the choice (aria-describedby); each line its own. */
  hint?: string | readonly string[];
  /** Shown but not choosable; its hint should say why. */
  disabled?: boolean;
}

interface ChoiceGroupProps {
  /** The first input gets this id, so an error summary can link to the question; later ones `${id}-2`, `${id}-3`… */
  id: string;
  /** The name the inputs post under; the id unless given. */
  name?: string;
  legend: string;
  hint?: string;
  error?: string;
  choices: readonly Choice[];
  /** Radios for one answer, checkboxes for several. */
  type?: 'radio' | 'checkbox';
  /**
   * The values chosen, when the page holds them. With `onChange` the inputs are controlled;
   * without it they keep their own state, starting from `defaultChosen`.
   */
  chosen?: readonly string[];
  onChange?: (value: string, checked: boolean) => void;
  /** The values ticked at first, when the inputs keep their own state. */
  defaultChosen?: readonly string[];
  /**
   * More to ask after a choice, shown under it as the NHS conditional reveal. It is drawn only
   * while chosen (so only when the page holds the choice), so it comes next in reading and tab
   * order and no hidden copy shares its ids.
   */
  revealFor?: (value: string) => ReactNode;
  inline?: boolean;
  small?: boolean;
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

/** NHS radios or checkboxes: one question in a fieldset whose legend asks it. */
export function ChoiceGroup({
  id,
  name,
  legend,
  hint,
  error,
  choices,
  type = 'radio',
  chosen,
  onChange,
  defaultChosen,
  revealFor,
  inline,
  small,
}: ChoiceGroupProps) {
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
        <div className={classes(`nhsuk-${kind}`, inline && `nhsuk-${kind}--inline`, small && `nhsuk-${kind}--small`)}>
          {choices.map((choice, index) => {
            const inputId = itemId(id, index);
            const choiceHintId = choice.hint ? `${inputId}-item-hint` : undefined;
            const checked = chosen?.includes(choice.value) ?? false;
            const revealed = checked ? revealFor?.(choice.value) : undefined;
            return (
              <Fragment key={choice.value}>
                <div className={`nhsuk-${kind}__item`}>
                  <input
                    className={`nhsuk-${kind}__input`}
                    id={inputId}
                    name={name ?? id}
                    type={type}
                    value={choice.value}
                    disabled={choice.disabled}
                    aria-describedby={choiceHintId}
                    checked={onChange ? checked : undefined}
                    defaultChecked={onChange ? undefined : defaultChosen?.includes(choice.value)}
                    onChange={onChange && ((event) => onChange(choice.value, event.target.checked))}
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
