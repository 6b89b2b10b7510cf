import type { TextareaHTMLAttributes } from 'react';
import { classes } from './classes';
import { describedBy, type FieldText, FormGroup } from './FormGroup';

interface TextareaProps extends FieldText, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> {}

/** NHS textarea: label, optional hint and error message, all tied to the textarea for screen readers. */
export function Textarea({ id, label, hint, error, name, rows = 5, ...textarea }: TextareaProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <textarea
        {...textarea}
        id={id}
        name={name ?? id}
        rows={rows}
        className={classes('nhsuk-textarea', error && 'nhsuk-textarea--error')}
        aria-describedby={describedBy({ id, label, hint, error })}
      />
    </FormGroup>
  );
}
