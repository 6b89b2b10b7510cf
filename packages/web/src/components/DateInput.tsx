import { classes } from './classes';
import { ErrorMessage } from './ErrorSummary';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

interface DateInputProps {
  /** Inputs get the ids `${id}-day`, `${id}-month` and `${id}-year`. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  /** The parts to mark as wrong; all three when the error names none. */
  errorParts?: DatePart[];
  /** The starting value of a form read when sent; or, with onChange, the value a form holds in its own state. */
  defaultValue?: DateParts;
  value?: DateParts;
  onChange?: (value: DateParts) => void;
}

const PARTS: Array<{ part: DatePart; label: string; width: 2 | 4 }> = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
];

/** NHS date input: day, month and year in a fieldset whose legend asks the question. */
export function DateInput({ id, legend, hint, error, errorParts, defaultValue, value, onChange }: DateInputProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const wrong = (part: DatePart) => Boolean(error) && (!errorParts?.length || errorParts.includes(part));
  return (
    <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend">{legend}</legend>
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
                  className={classes(
                    'nhsuk-input nhsuk-date-input__input',
                    `nhsuk-input--width-${width}`,
                    wrong(part) && 'nhsuk-input--error',
                  )}
                  id={`${id}-${part}`}
                  name={`${id}-${part}`}
                  type="text"
                  inputMode="numeric"
                  {...(value && onChange
                    ? { value: value[part], onChange: (event) => onChange({ ...value, [part]: event.target.value }) }
                    : { defaultValue: defaultValue?.[part] ?? '' })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
