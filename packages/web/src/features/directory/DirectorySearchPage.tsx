import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Pagination } from '../../components/Pagination';
import { usePageTitle } from '../../components/usePageTitle';
import { useDirectorySearch } from './api';
import { KeeperLinks } from './KeeperLinks';
import { ResultCard } from './ResultCard';
import { hasFilters, searchFromParams, searchParamsOf, type DirectorySearch } from './search';
import { searchErrors } from './search-errors';
import { SearchForm } from './SearchForm';
import { countWords, rangeWords } from './words';

export const DIRECTORY_TITLE = 'Find community services and activities';

/** The directory search: the form beside its results, all of it held in the URL. */
export function DirectorySearchPage() {
  const [params] = useSearchParams();
  const urlSearch = searchParamsOf(searchFromParams(params));
  const search = useMemo(() => searchFromParams(new URLSearchParams(urlSearch)), [urlSearch]);
  const results = useDirectorySearch(search);
  const navigate = useNavigate();
  const errors = useMemo(() => searchErrors(results.error), [results.error]);
  usePageTitle(DIRECTORY_TITLE, errors.length > 0);

  const resultsHeading = useRef<HTMLHeadingElement>(null);
  useFocusOnNewSearch(urlSearch, resultsHeading);

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{DIRECTORY_TITLE}</h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <SearchForm key={urlSearch} search={search} errors={errors} onSearch={(next) => navigate({ search: searchParamsOf(next) })} />
          <KeeperLinks />
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          <h2 className="kith-focus-target" id="directory-results" tabIndex={-1} ref={resultsHeading}>
            Services and activities
          </h2>
          <Results search={search} results={results} />
        </div>
      </div>
    </>
  );
}

type Results = ReturnType<typeof useDirectorySearch>;

function Results({ search, results }: { search: DirectorySearch; results: Results }) {
  const answer = results.isPlaceholderData ? undefined : results.data;
  const items = answer?.items ?? [];
  const pageLink = (page: number) => `/directory${searchParamsOf({ ...search, page })}`;
  const range = answer && rangeWords(answer.page, answer.perPage, items.length, answer.total);
  return (
    <>
      {/* Always present, so screen readers announce each change to what the search found. */}
      <p className="nhsuk-body" role="status">
        {statusOf(results, search)}
      </p>
      {answer && items.length === 0 && <EmptyState search={search} total={answer.total} />}
      {items.length > 0 && (
        <>
          {range && <p className="nhsuk-body-s">{range}</p>}
          <ul className="nhsuk-list" aria-labelledby="directory-results">
            {items.map((result) => (
              <li key={result.id}>
                <ResultCard result={result} />
              </li>
            ))}
          </ul>
          <Pagination
            previous={search.page > 1 ? pageLink(search.page - 1) : undefined}
            next={answer && answer.page * answer.perPage < answer.total ? pageLink(search.page + 1) : undefined}
          />
        </>
      )}
    </>
  );
}

function statusOf(results: Results, search: DirectorySearch): string {
  if (results.isError) return isApiError(results.error, 400) ? 'Change the search to see services' : SERVICE_PROBLEM;
  if (!results.data || results.isPlaceholderData) return 'Searching…';
  return countWords(results.data.total, results.data.near, hasFilters(search));
}

function EmptyState({ search, total }: { search: DirectorySearch; total: number }) {
  if (total > 0) {
    return (
      <p>
        There are no more results. <Link to={`/directory${searchParamsOf({ ...search, page: 1 })}`}>Go to the first page of results</Link>
      </p>
    );
  }
  if (!hasFilters(search)) return null;
  return (
    <>
      <p>Try:</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>fewer or different words</li>
        <li>another type, or any type</li>
        <li>any day, or any time of day</li>
        {search.postcode && <li>a greater distance</li>}
      </ul>
    </>
  );
}

/**
 * After a search or a change of page, focus moves to the results heading: the form (or the
 * pagination link just used) has been replaced, and the results are where the user wants to be.
 * The first visit keeps the browser's own focus.
 */
function useFocusOnNewSearch(urlSearch: string, heading: RefObject<HTMLHeadingElement | null>): void {
  const last = useRef(urlSearch);
  useEffect(() => {
    if (last.current === urlSearch) return;
    last.current = urlSearch;
    heading.current?.focus();
  }, [urlSearch, heading]);
}
