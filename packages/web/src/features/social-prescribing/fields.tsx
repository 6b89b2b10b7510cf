import { Fragment, type ReactNode } from 'react';
import { classes } from '../../components/classes';
import { ErrorMessage } from '../../components/ErrorSummary';

export interface Choice {
  value: string;
  text: string;
  /** Read with the choice (aria-describedby); each line its own. */
  hint?: string | string[];
  disabled?: boolean;
}

interface ChoicesProps {
  /** The first input gets this id, so an error summary can link to the question. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  choices: readonly Choice[];
  /** Checkboxes let several be chosen; radios one. */
  type?: 'radio' | 'checkbox';
  /** Radios whose choice the page holds, to show what follows from it. */
  value?: string;
  onChange?: (value: string) => void;
  /**
   * More to ask after the choice made, shown under it as the NHS conditional reveal. It is drawn
   * only while chosen, so it comes next in reading and tab order and no hidden copy shares its ids.
   */
  revealFor?: (value: string) => ReactNode;
  small?: boolean;
}

const itemId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

function hintLines(hint: string | string[]): ReactNode {
  const lines = [hint].flat();
  return lines.map((line, index) => (
    <Fragment key={index}>
      {index > 0 && <br />}
      {line}
    </Fragment>
  ));
}

/**
 * NHS radios or checkboxes, one question in a fieldset whose legend asks it. Unlike the shared
 * radios, a choice may be disabled (its hint says why) and the page may hold the choice.
 */
export function Choices({ id, legend, hint, error, choices, type = 'radio', value, onChange, revealFor, small }: ChoicesProps) {
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
        <div className={classes(`nhsuk-${kind}`, small && `nhsuk-${kind}--small`)}>
          {choices.map((choice, index) => {
            const inputId = itemId(id, index);
            const choiceHintId = choice.hint ? `${inputId}-item-hint` : undefined;
            const revealed = value === choice.value ? revealFor?.(choice.value) : undefined;
            return (
              <Fragment key={choice.value}>
                <div className={`nhsuk-${kind}__item`}>
                  <input
                    className={`nhsuk-${kind}__input`}
                    id={inputId}
                    name={id}
                    type={type}
                    value={choice.value}
                    disabled={choice.disabled}
                    aria-describedby={choiceHintId}
                    {...(onChange ? { checked: value === choice.value, onChange: () => onChange(choice.value) } : {})}
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

/** One NHS checkbox for a yes-or-no answer, with its error beside it. */
export function YesCheckbox({ id, label, hint, error }: { id: string; label: string; hint?: string; error?: string }) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id={id} name={id} type="checkbox" value="yes" aria-describedby={describedBy} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
