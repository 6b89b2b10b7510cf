import type { SelectHTMLAttributes } from 'react';
import { classes } from './classes';
import { ErrorMessage } from './ErrorSummary';

export interface SelectOption {
  value: string;
  text: string;
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: SelectOption[];
}

/** NHS select: label, optional hint and error message, all tied to the select for screen readers. */
export function Select({ id, label, hint, error, options, name, ...select }: SelectProps) {
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
      <select
        {...select}
        id={id}
        name={name ?? id}
        className={classes('nhsuk-select', error && 'nhsuk-select--error')}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
