import type { ReactNode } from 'react';
import { classes } from './classes';
import { ErrorMessage } from './ErrorSummary';

interface CheckboxProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** What a form posts when ticked; "yes" unless the page says otherwise. */
  value?: string;
  /** Held by the page: the box shows `checked` and reports each change. */
  checked?: boolean;
  onChange?: (checked: boolean) => void;
  /** Left to the browser: ticked at first, as a GET form read back from the address would be. */
  defaultChecked?: boolean;
  /** More to ask while it is ticked, under it (the NHS conditional reveal); only for a box the page holds. */
  children?: ReactNode;
}

/**
 * One NHS checkbox on its own, for a yes-or-no choice that needs no question above it; its id is
 * also its name, and its problem stands above it when there is one.
 */
export function Checkbox({ id, label, hint, error, value = 'yes', checked, onChange, defaultChecked, children }: CheckboxProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const held = onChange !== undefined;
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
            value={value}
            {...(held ? { checked: Boolean(checked), onChange: (event) => onChange(event.target.checked) } : { defaultChecked })}
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
        {held && checked && children && <div className="nhsuk-checkboxes__conditional">{children}</div>}
      </div>
    </div>
  );
}
