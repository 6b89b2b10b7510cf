import type { DatePart, DateParts } from '../../components/DateInput';
import { ErrorMessage } from '../../components/ErrorSummary';
import { classes } from '../../components/classes';

interface PlanDateInputProps {
  /** Inputs get the ids `${id}-day`, `${id}-month` and `${id}-year`. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  errorParts?: DatePart[];
  value: DateParts;
  onChange: (value: DateParts) => void;
}

const PARTS: Array<{ part: DatePart; label: string; width: 2 | 4 }> = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
];

/**
 * The NHS date input, held in the plan editor's state: the editor keeps everything typed when
 * a save is refused, and removing an action must not leave its date behind in another.
 */
export function PlanDateInput({ id, legend, hint, error, errorParts, value, onChange }: PlanDateInputProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const wrong = (part: DatePart) => Boolean(error) && (!errorParts?.length || errorParts.includes(part));
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
        <div className="nhsuk-date-input" id={id}>
          {PARTS.map(({ part, label, width }) => (
            <div className="nhsuk-date-input__item" key={part}>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {label}
                </label>
                <input
                  className={classes('nhsuk-input nhsuk-date-input__input', `nhsuk-input--width-${width}`, wrong(part) && 'nhsuk-input--error')}
                  id={`${id}-${part}`}
                  name={`${id}-${part}`}
                  type="text"
                  inputMode="numeric"
                  value={value[part]}
                  onChange={(event) => onChange({ ...value, [part]: event.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

interface CheckboxProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** One NHS checkbox whose state the editor holds. */
export function PlanCheckbox({ id, label, hint, error, checked, onChange }: CheckboxProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            name={id}
            type="checkbox"
            checked={checked}
            onChange={(event) => onChange(event.target.checked)}
            aria-describedby={describedBy}
          />
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
