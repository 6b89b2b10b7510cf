import type { InputHTMLAttributes } from 'react';
import { classes } from './classes';
import { describedBy, type FieldText, FormGroup } from './FormGroup';

type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

interface TextInputProps extends FieldText, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  width?: InputWidth;
}

/** NHS text input: label, optional hint and error message, all tied to the input for screen readers. */
export function TextInput({ id, label, hint, error, width, name, type = 'text', ...input }: TextInputProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        {...input}
        id={id}
        name={name ?? id}
        type={type}
        className={classes('nhsuk-input', width && `nhsuk-input--width-${width}`, error && 'nhsuk-input--error')}
        aria-describedby={describedBy({ id, label, hint, error })}
      />
    </FormGroup>
  );
}
