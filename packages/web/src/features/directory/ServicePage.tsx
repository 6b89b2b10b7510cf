import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { servicePath, useListing } from './api';
import { fromSearchOf, searchOf, updatedNoticeOf } from './page-state';
import { ServiceDetails } from './ServiceDetails';
import type { Listing } from './types';
import { checkedWords, freshnessWarning, referralWords } from './words';

/** A service's page: what it is, then everything the directory knows about it. */
export function ServicePage() {
  const { id = '' } = useParams();
  const listing = useListing(id);
  const { state } = useLocation();
  const updated = updatedNoticeOf(state);
  // An id that is not even well formed (400) cannot name a service either.
  const notFound = isApiError(listing.error, 404) || isApiError(listing.error, 400);
  usePageTitle(listing.data?.name ?? (notFound ? 'Service not found' : 'Service'));

  return (
    <>
      <BackLink to={`/directory${searchOf(state)}`}>Back to search results</BackLink>
      {updated && listing.data && <SuccessBanner message={updated} />}
      {listing.isPending && <Loading what="service" />}
      {notFound && <ServiceNotFound />}
      {listing.isError && !notFound && <ServiceProblem />}
      {listing.data && <ListingView listing={listing.data} state={state} />}
    </>
  );
}

function ListingView({ listing, state }: { listing: Listing; state: unknown }) {
  const warning = freshnessWarning(listing.freshness);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-u-margin-bottom-2">{listing.name}</h1>
        {listing.organisation && <p className="nhsuk-body-l">Run by {listing.organisation}</p>}
        {warning && (
          <p>
            <strong className="nhsuk-tag nhsuk-tag--yellow">{warning}</strong>
          </p>
        )}
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            <strong>{listing.capacity.words}</strong>
          </p>
          <p>{referralWords(listing.referral.mode)}</p>
          {listing.referral.how && <p>{listing.referral.how}</p>}
          <p>{checkedWords(listing.freshness)}</p>
        </div>
        <p>
          {/* The search is passed on, so the way back to the results survives the update. */}
          <Link to={servicePath(listing.id, '/edit')} state={fromSearchOf(state)}>
            Update this listing
          </Link>
        </p>
        {paragraphs(listing.description).map((text, index) => (
          <p key={index}>{text}</p>
        ))}
        <ServiceDetails listing={listing} />
      </div>
    </div>
  );
}

/** The feed's description, split where it leaves a blank line. */
function paragraphs(description: string | null): string[] {
  return (description ?? '')
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter(Boolean);
}

function ServiceNotFound() {
  return (
    <>
      <h1>Service not found</h1>
      <p>The directory has no service at this address. It may have closed or been removed from the directory. Search again to find it.</p>
    </>
  );
}
