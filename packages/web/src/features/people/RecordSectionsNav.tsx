import { Link } from 'react-router';
import { RECORD_SECTIONS, type RecordSectionPath } from './record';

/**
 * The pages of a person's record as an NHS contents list: the current page is marked in text
 * and for screen readers (aria-current), never by colour alone.
 */
interface RecordSectionsNavProps {
  id: string;
  current: RecordSectionPath;
  /** Passed on from page to page, so "Back to search" still returns to the same results. */
  state: unknown;
}

export function RecordSectionsNav({ id, current, state }: RecordSectionsNavProps) {
  const base = `/people/${encodeURIComponent(id)}`;
  return (
    <nav className="nhsuk-contents-list" role="navigation" aria-label="Parts of this record">
      <h2 className="nhsuk-u-visually-hidden">Parts of this record</h2>
      <ol className="nhsuk-contents-list__list">
        {RECORD_SECTIONS.map((section) =>
          section.path === current ? (
            <li className="nhsuk-contents-list__item" aria-current="page" key={section.path}>
              <span className="nhsuk-contents-list__current">{section.title}</span>
            </li>
          ) : (
            <li className="nhsuk-contents-list__item" key={section.path}>
              <Link className="nhsuk-contents-list__link" to={section.path ? `${base}/${section.path}` : base}
                state={state}
              >
                {section.title}
              </Link>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
