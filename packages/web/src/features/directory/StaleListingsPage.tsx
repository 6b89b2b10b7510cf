import { LISTING_STALE_AFTER_MONTHS } from '@kith/core';
import { Link, useSearchParams } from 'react-router';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { Pagination } from '../../components/Pagination';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { DIRECTORY_REVIEWS_PATH, STALE_LISTINGS_PATH } from './access';
import { servicePath, useStaleListings } from './api';
import { pageOf, staleCountWords } from './stale-words';
import type { StaleListing } from './types';
import { rangeWords } from './words';

const TITLE = 'Listings to check';
const COLUMNS = ['Name', 'Organisation', 'Feed', 'Last checked'] as const;

/** Listings nobody has checked with their service for a long time, or ever, oldest first, a page at a time. */
export function StaleListingsPage() {
  const [params] = useSearchParams();
  const page = pageOf(params.get('page'));
  const stale = useStaleListings(page);
  usePageTitle(page > 1 ? `${TITLE} (page ${page})` : TITLE);
  const answer = stale.isPlaceholderData ? undefined : stale.data;
  const items = answer?.items ?? [];
  const pageLink = (to: number) => (to > 1 ? `${STALE_LISTINGS_PATH}?page=${to}` : STALE_LISTINGS_PATH);
  const range = answer && rangeWords(answer.page, answer.perPage, items.length, answer.total);

  return (
    <>
      <h1>{TITLE}</h1>
      <p>
        These listings have not been checked with their service for {LISTING_STALE_AFTER_MONTHS} months or more, or have never been checked. Phone
        the service, then update the listing and say you have checked it.
      </p>
      <p>
        <Link to={DIRECTORY_REVIEWS_PATH}>Listing changes to review</Link>
      </p>
      {/* Always present, so screen readers hear when a new page of listings has arrived. */}
      <p className="nhsuk-body" role="status">
        {stale.isError ? SERVICE_PROBLEM : answer ? staleCountWords(answer.total) : ''}
      </p>
      {!answer && !stale.isError && <Loading what="listings" />}
      {answer && items.length === 0 && answer.total > 0 && (
        <p>
          There are no more listings. <Link to={STALE_LISTINGS_PATH}>Go to the first page</Link>
        </p>
      )}
      {items.length > 0 && (
        <>
          {range && <p className="nhsuk-body-s">{range}</p>}
          <ResponsiveTable caption={TITLE} columns={COLUMNS}>
            {items.map((listing) => (
              <StaleRow key={listing.id} listing={listing} />
            ))}
          </ResponsiveTable>
          <Pagination
            previous={page > 1 ? pageLink(page - 1) : undefined}
            next={answer && answer.page * answer.perPage < answer.total ? pageLink(page + 1) : undefined}
          />
        </>
      )}
    </>
  );
}

function StaleRow({ listing }: { listing: StaleListing }) {
  return (
    <TableRow>
      <TableCell column="Name">
        <Link to={servicePath(listing.id)}>{listing.name}</Link>
      </TableCell>
      <TableCell column="Organisation">{listing.organisation ?? <span className="nhsuk-u-secondary-text-colour">Not stated</span>}</TableCell>
      <TableCell column="Feed">{listing.feedId}</TableCell>
      <TableCell column="Last checked">{listing.words}</TableCell>
    </TableRow>
  );
}
