import type { ReactNode } from 'react';

export interface SummaryRow {
  key: string;
  /** null, undefined or '' shows "Not recorded", so a gap in the record is never mistaken for "none". */
  value: ReactNode;
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="nhsuk-summary-list">
      {rows.map((row) => (
        <div className="nhsuk-summary-list__row" key={row.key}>
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">
            {row.value === null || row.value === undefined || row.value === '' ? <NotRecorded /> : row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function NotRecorded() {
  return <span className="nhsuk-u-secondary-text-colour">Not recorded</span>;
}
