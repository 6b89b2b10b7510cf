import { classes } from './classes';
import { ErrorMessage } from './ErrorSummary';

export interface RadioOption {
  value: string;
  text: string;
  hint?: string;
}

interface RadiosProps {
  /** The first radio gets this id, so an error summary can link to the question. */
  id: string;
  name?: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly RadioOption[];
  defaultValue?: string;
  inline?: boolean;
}

/** NHS radios: one question in a fieldset whose legend asks it. */
export function Radios({ id, name, legend, hint, error, options, defaultValue, inline }: RadiosProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const itemId = (index: number) => (index === 0 ? id : `${id}-${index + 1}`);
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
        <div className={classes('nhsuk-radios', inline && 'nhsuk-radios--inline')}>
          {options.map((option, index) => (
            <div className="nhsuk-radios__item" key={option.value}>
              <input
                className="nhsuk-radios__input"
                id={itemId(index)}
                name={name ?? id}
                type="radio"
                value={option.value}
                defaultChecked={defaultValue === option.value}
                aria-describedby={option.hint ? `${itemId(index)}-item-hint` : undefined}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={itemId(index)}>
                {option.text}
              </label>
              {option.hint && (
                <div className="nhsuk-hint nhsuk-radios__hint" id={`${itemId(index)}-item-hint`}>
                  {option.hint}
                </div>
              )}
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
