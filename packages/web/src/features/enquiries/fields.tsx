import type { ReactNode } from 'react';
import { classes } from '../../components/classes';
import { ErrorMessage } from '../../components/ErrorSummary';

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

interface YesCheckboxProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** One yes-or-no box on its own, with its problem above it when there is one. */
export function YesCheckbox({ id, label, hint, error, checked, onChange }: YesCheckboxProps) {
  const hintId = hint ? `${id}-hint` : undefined;
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
            value="yes"
            checked={checked}
            onChange={(event) => onChange(event.target.checked)}
            aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
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
      </div>
    </div>
  );
}
