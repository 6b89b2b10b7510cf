import type { ApiScope } from '@kith/core';
import { ErrorMessage } from '../../components/ErrorSummary';
import { classes } from '../../components/classes';
import { isApiScope, SCOPE_LABELS, SCOPES } from './labels';

interface ScopeCheckboxesProps {
  /** The first checkbox has this id (the error summary links to it); the rest add "-2", "-3"… */
  id: string;
  legend: string;
  hint?: string;
  defaultValue?: readonly ApiScope[];
  error?: string;
}

/** NHS checkboxes in a fieldset: one per API scope, each with what it allows in plain words. */
export function ScopeCheckboxes({ id, legend, hint, defaultValue = [], error }: ScopeCheckboxesProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        )}
        {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        <div className="nhsuk-checkboxes">
          {SCOPES.map((scope, index) => {
            const itemId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="nhsuk-checkboxes__item" key={scope}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={itemId}
                  name={id}
                  type="checkbox"
                  value={scope}
                  defaultChecked={defaultValue.includes(scope)}
                  aria-describedby={`${itemId}-item-hint`}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={itemId}>
                  {SCOPE_LABELS[scope].text}
                </label>
                <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${itemId}-item-hint`}>
                  {SCOPE_LABELS[scope].hint} (<code>{scope}</code>)
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** The scopes ticked in a form, in the order they are listed. */
export function scopesOf(form: FormData, id: string): ApiScope[] {
  return form.getAll(id).map(String).filter(isApiScope);
}
