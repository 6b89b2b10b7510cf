import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { lines } from './lines';
import type { ServicePageState } from './page-state';
import type { SearchResult } from './types';
import { costWords, distanceWords, freshnessWarning, referralWords } from './words';

/** One service found: enough to choose whether to open it, in an NHS card. */
export function ResultCard({ result }: { result: SearchResult }) {
  const { search } = useLocation();
  // What the service page needs to link back to these results.
  const fromSearch: ServicePageState = { search };
  const warning = freshnessWarning(result.freshness);
  const distance = distanceWords(result.distanceMetres);
  const place = result.place;
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s">
          <Link className="nhsuk-card__link" to={`/directory/services/${encodeURIComponent(result.id)}`} state={fromSearch}>
            {result.name}
          </Link>
        </h3>
        {result.organisation && <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{result.organisation}</p>}
        {warning && (
          <p className="nhsuk-u-margin-bottom-2">
            <strong className="nhsuk-tag nhsuk-tag--yellow">{warning}</strong>
          </p>
        )}
        <dl className="nhsuk-summary-list nhsuk-summary-list--no-border nhsuk-u-margin-bottom-0">
          {result.types.length > 0 && <Row term="Type">{result.types.join(', ')}</Row>}
          {result.when.length > 0 && <Row term="When">{lines(result.when)}</Row>}
          {(place || distance) && (
            <Row term="Where">
              {lines([[place?.name, place?.postcode].filter(Boolean).join(', '), distance])}
            </Row>
          )}
          <Row term="Cost">{costWords(result.cost)}</Row>
          <Row term="Capacity">{result.capacity.words}</Row>
          <Row term="Referral">{referralWords(result.referral.mode)}</Row>
        </dl>
      </div>
    </div>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{term}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}
