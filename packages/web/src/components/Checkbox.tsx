/** One NHS checkbox on its own, for a yes-or-no choice that needs no question above it. */
export function Checkbox({ id, label, hint }: { id: string; label: string; hint?: string }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="nhsuk-form-group">
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id={id} name={id} type="checkbox" value="yes" aria-describedby={hintId} />
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
