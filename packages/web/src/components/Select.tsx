import type { SelectHTMLAttributes } from 'react';
import { classes } from './classes';
import { describedBy, type FieldText, FormGroup } from './FormGroup';

export interface SelectOption {
  value: string;
  text: string;
}

interface SelectProps extends FieldText, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  options: SelectOption[];
}

/** NHS select: label, optional hint and error message, all tied to the select for screen readers. */
export function Select({ id, label, hint, error, options, name, ...select }: SelectProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <select
        {...select}
        id={id}
        name={name ?? id}
        className={classes('nhsuk-select', error && 'nhsuk-select--error')}
        aria-describedby={describedBy({ id, label, hint, error })}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
