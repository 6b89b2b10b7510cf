import type { ReactNode } from 'react';

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
