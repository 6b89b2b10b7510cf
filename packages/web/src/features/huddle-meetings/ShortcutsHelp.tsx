import { SHORTCUT_KEYS } from './shortcuts';

/** The keys, in words, and the switch that turns the single-key shortcuts off (WCAG 2.1.4). */
export function ShortcutsHelp({ enabled, onChange }: { enabled: boolean; onChange: (on: boolean) => void }) {
  return (
    <details className="nhsuk-details kith-no-print">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Keyboard shortcuts</span>
      </summary>
      <div className="nhsuk-details__text">
        <p>When you are not typing in a form, these keys work anywhere on this page:</p>
        <dl className="nhsuk-summary-list">
          {SHORTCUT_KEYS.map(({ keys, does }) => (
            <div className="nhsuk-summary-list__row" key={does}>
              <dt className="nhsuk-summary-list__key">
                {keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' or '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd className="nhsuk-summary-list__value">{does}</dd>
            </div>
          ))}
        </dl>
        <p>Press Tab to leave a form field first. Moving to another person takes you to their name.</p>
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="use-shortcuts"
              type="checkbox"
              checked={enabled}
              onChange={(event) => onChange(event.currentTarget.checked)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="use-shortcuts">
              Use these keyboard shortcuts
            </label>
          </div>
        </div>
      </div>
    </details>
  );
}
