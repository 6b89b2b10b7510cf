import { classes } from '../../components/classes';
import { ErrorMessage } from '../../components/ErrorSummary';

/**
 * Checkboxes the shared components do not have: a group answering one question, and a single
 * box that starts ticked from the URL. Both post their own value, as a GET form would send it.
 */

export interface CheckboxOption {
  value: string;
  text: string;
  hint?: string;
}

interface CheckboxGroupProps {
  /** The first checkbox gets this id, so an error summary can link to the question. */
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly CheckboxOption[];
  defaultValues: readonly string[];
}

export function CheckboxGroup({ id, name, legend, hint, error, options, defaultValues }: CheckboxGroupProps) {
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
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          {options.map((option, index) => (
            <div className="nhsuk-checkboxes__item" key={option.value}>
              <input
                className="nhsuk-checkboxes__input"
                id={itemId(index)}
                name={name}
                type="checkbox"
                value={option.value}
                defaultChecked={defaultValues.includes(option.value)}
                aria-describedby={option.hint ? `${itemId(index)}-item-hint` : undefined}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={itemId(index)}>
                {option.text}
              </label>
              {option.hint && (
                <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${itemId(index)}-item-hint`}>
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

interface SingleCheckboxProps {
  id: string;
  label: string;
  value: string;
  defaultChecked: boolean;
  error?: string;
}

/** One yes-or-no box with no question above it; its id is also its name. */
export function SingleCheckbox({ id, label, value, defaultChecked, error }: SingleCheckboxProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      {errorId && error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            name={id}
            type="checkbox"
            value={value}
            defaultChecked={defaultChecked}
            aria-describedby={errorId}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}
