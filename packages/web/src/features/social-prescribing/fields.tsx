import { classes } from '../../components/classes';
import { ErrorMessage } from '../../components/ErrorSummary';

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
