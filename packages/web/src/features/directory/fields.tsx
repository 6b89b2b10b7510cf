import { classes } from '../../components/classes';
import { ErrorMessage } from '../../components/ErrorSummary';

/**
 * A checkbox the shared components do not have: a single box that starts ticked from the URL and
 * posts its own value, as a GET form would send it.
 */

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
