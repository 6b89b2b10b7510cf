import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { problemErrors } from '../../api/problem-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Pagination } from '../../components/Pagination';
import { usePageTitle } from '../../components/usePageTitle';
import { isPrivacyOfficer, maySearchPeople } from '../audit/access';
import { useSession } from '../auth/session';
import { usePersonSearch } from './api';
import { PersonResultsTable, ResultsHeading } from './PersonResults';
import { PersonSearchForm, SEARCH_FIELD_IDS, type SearchError } from './PersonSearchForm';
import { hasCriteria, searchFromParams, searchParamsOf, type PersonSearch, type PersonSearchCriteria } from './search-criteria';

/**
 * A privacy officer's role cannot search for people, so their start page (where sign-in lands)
 * is the emergency access review list instead.
 */
export function PersonSearchPage() {
  const staff = useSession().data?.staff;
  if (isPrivacyOfficer(staff) && !maySearchPeople(staff)) return <Navigate to="/emergency-access-reviews" replace />;
  return <PersonSearch />;
}

function PersonSearch() {
  const [params] = useSearchParams();
  const urlSearch = searchParamsOf(searchFromParams(params));
  const search = useMemo(() => searchFromParams(new URLSearchParams(urlSearch)), [urlSearch]);
  const searched = hasCriteria(search.criteria);
  const results = usePersonSearch(search, searched);
  const navigate = useNavigate();

  // Errors found in the form belong to the search they were typed over; a new URL clears them.
  const [formErrors, setFormErrors] = useState<{ on: string; errors: SearchError[] }>();
  const apiErrors = useMemo(() => problemErrors(results.error, SEARCH_FIELD_IDS), [results.error]);
  const errors = formErrors?.on === urlSearch ? formErrors.errors : apiErrors;
  usePageTitle('Find a person', errors.length > 0);

  const resultsHeading = useRef<HTMLHeadingElement>(null);
  useFocusOnNewSearch(urlSearch, searched, resultsHeading);

  function runSearch(criteria: PersonSearchCriteria) {
    setFormErrors(undefined);
    navigate({ search: searchParamsOf({ criteria, page: 1 }) });
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <ErrorSummary errors={errors} />
        <h1>Find a person</h1>
        <PersonSearchForm
          key={urlSearch}
          initial={search.criteria}
          errors={errors}
          onSearch={runSearch}
          onInvalid={(found) => setFormErrors({ on: urlSearch, errors: found })}
        />
        {searched && <ResultsHeading ref={resultsHeading} />}
        <SearchResults search={search} searched={searched} results={results} />
      </div>
    </div>
  );
}

type Results = ReturnType<typeof usePersonSearch>;

function SearchResults({ search, searched, results }: { search: PersonSearch; searched: boolean; results: Results }) {
  const items = results.data?.items ?? [];
  const pageLink = (page: number) => searchParamsOf({ ...search, page });
  return (
    <>
      {/* Always present, so screen readers announce each change to what the search found. */}
      <p className="nhsuk-body" role="status">
        {searched ? statusOf(results, search) : ''}
      </p>
      {searched && items.length > 0 && (
        <>
          <PersonResultsTable people={items} />
          <Pagination
            previous={search.page > 1 ? pageLink(search.page - 1) : undefined}
            next={results.data?.hasMore ? pageLink(search.page + 1) : undefined}
          />
        </>
      )}
    </>
  );
}

function statusOf(results: Results, { page }: PersonSearch): string {
  if (results.isError) {
    return isApiError(results.error, 400) ? '' : 'Sorry, there is a problem with the service. Try again later.';
  }
  if (!results.data || results.isPlaceholderData) return 'Searching…';
  const { items, pageSize, hasMore } = results.data;
  if (items.length === 0) return page > 1 ? 'No more people found' : 'No people found';
  if (page === 1 && !hasMore) return items.length === 1 ? '1 person found' : `${items.length} people found`;
  const first = (page - 1) * pageSize + 1;
  return `Showing people ${first} to ${first + items.length - 1}${hasMore ? ', with more on the next page' : ''}`;
}

/**
 * After a search or a change of page, focus moves to the results heading: the form (or the
 * pagination link just used) may have been replaced, and this is where the user wants to be.
 * The first visit keeps the browser's own focus.
 */
function useFocusOnNewSearch(urlSearch: string, searched: boolean, heading: RefObject<HTMLHeadingElement | null>): void {
  const last = useRef(urlSearch);
  useEffect(() => {
    if (last.current === urlSearch) return;
    last.current = urlSearch;
    if (searched) heading.current?.focus();
  }, [urlSearch, searched, heading]);
}
