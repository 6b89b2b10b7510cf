import type { ReactNode } from 'react';
import { classes } from './classes';
import { ErrorMessage } from './ErrorSummary';

export interface FieldText {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

/** The ids a control names in aria-describedby, so its hint and error are read with it. */
export function describedBy({ id, hint, error }: FieldText): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/** NHS form group: label, optional hint and error message around one control. */
export function FormGroup({ id, label, hint, error, children }: FieldText & { children: ReactNode }) {
  return (
    <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {children}
    </div>
  );
}
