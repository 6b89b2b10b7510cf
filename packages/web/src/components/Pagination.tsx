import { Link } from 'react-router';
import { Icon } from './Icon';

interface PaginationProps {
  /** Where each link goes; undefined when there is no such page. */
  previous?: string;
  next?: string;
}

/** NHS pagination with previous and next links only: the API says whether more follow, not how many. */
export function Pagination({ previous, next }: PaginationProps) {
  if (!previous && !next) return null;
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label="Pagination">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {previous && (
          <li className="nhsuk-pagination-item--previous">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" to={previous} rel="prev">
              <span className="nhsuk-pagination__title">
                Previous<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <Icon name="arrow-left" />
            </Link>
          </li>
        )}
        {next && (
          <li className="nhsuk-pagination-item--next">
            <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" to={next} rel="next">
              <span className="nhsuk-pagination__title">
                Next<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <Icon name="arrow-right" />
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
