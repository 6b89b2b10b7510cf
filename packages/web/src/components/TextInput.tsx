import type { InputHTMLAttributes } from 'react';
import { classes } from './classes';
import { ErrorMessage } from './ErrorSummary';

type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  width?: InputWidth;
}

/** NHS text input: label, optional hint and error message, all tied to the input for screen readers. */
export function TextInput({ id, label, hint, error, width, name, type = 'text', ...input }: TextInputProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {errorId && error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <input
        {...input}
        id={id}
        name={name ?? id}
        type={type}
        className={classes('nhsuk-input', width && `nhsuk-input--width-${width}`, error && 'nhsuk-input--error')}
        aria-describedby={describedBy}
      />
    </div>
  );
}
