import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { formErrors } from '../../api/form-errors';
import { isApiError } from '../../api/client';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { WarningCallout } from '../../components/WarningCallout';
import { servicePath, useListing, useReloadListing } from './api';
import { ListingEditForm, RELOAD_ID } from './ListingEditForm';
import type { StaleEdit } from './listing-edit';
import { fromSearchOf, type ServicePageState } from './page-state';
import type { Listing } from './types';

export const LISTING_UPDATED = 'The listing has been updated';

/**
 * "Update this listing". The form starts from the listing as it is when the page opens and keeps
 * what was typed through any refusal; only the user's own choice to reload replaces it.
 */
export function ListingEditPage() {
  const { id = '' } = useParams();
  const listing = useListing(id);
  const reload = useReloadListing(id);
  const navigate = useNavigate();
  const fromSearch = fromSearchOf(useLocation().state);
  const [opened, setOpened] = useState<{ listing: Listing; times: number }>();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [stale, setStale] = useState<StaleEdit>();
  const [sentForReview, setSentForReview] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Not from a cache the service page left: the form waits for the listing as it is now.
  if (!opened && listing.data && !listing.isFetching) setOpened({ listing: listing.data, times: 1 });
  const notFound = !opened && (isApiError(listing.error, 404) || isApiError(listing.error, 400));
  const name = opened?.listing.name;
  usePageTitle(
    sentForReview ? SENT_FOR_REVIEW : notFound ? 'Service not found' : `Update this listing${name ? ` – ${name}` : ''}`,
    errors.length > 0,
  );
  useEffect(() => {
    if ((opened?.times ?? 0) > 1) heading.current?.focus();
  }, [opened?.times]);

  const onRefused = (found: FormError[], staleEdit?: StaleEdit) => {
    setErrors(found);
    setStale(staleEdit);
  };
  const onReload = async () => {
    try {
      const latest = await reload();
      setOpened((was) => ({ listing: latest, times: (was?.times ?? 0) + 1 }));
      onRefused([]);
    } catch (error) {
      onRefused(formErrors(error), stale);
    }
  };
  const backState: ServicePageState = fromSearch;
  const onApplied = () => navigate(servicePath(id), { state: { ...fromSearch, updated: LISTING_UPDATED } satisfies ServicePageState });

  if (sentForReview && opened) return <SentForReview listing={opened.listing} state={backState} />;
  return (
    <>
      <Link className="nhsuk-back-link" to={servicePath(id)} state={backState}>
        Back to the service
      </Link>
      <ErrorSummary errors={errors} />
      {stale && <StaleNotice onReload={onReload} />}
      {!opened && !listing.isError && <Loading what="listing" />}
      {notFound && (
        <>
          <h1>Service not found</h1>
          <p>The directory has no service at this address. It may have closed or been removed from the directory.</p>
        </>
      )}
      {!opened && listing.isError && !notFound && <ServiceProblem />}
      {opened && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h1 ref={heading} tabIndex={-1} className="kith-focus-target">
              <span className="nhsuk-caption-l">
                {opened.listing.name}
                <span className="nhsuk-u-visually-hidden"> – </span>
              </span>
              Update this listing
            </h1>
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                {opened.listing.editsDirectly
                  ? 'Your changes will show at once.'
                  : 'Your changes will be checked by the directory team before they show.'}
                {opened.times > 1 && ' This is the latest version of the listing.'}
              </p>
            </div>
            <ListingEditForm
              key={opened.times}
              listing={opened.listing}
              errors={errors}
              onRefused={onRefused}
              onApplied={onApplied}
              onSentForReview={() => setSentForReview(true)}
            />
          </div>
        </div>
      )}
    </>
  );
}

const SENT_FOR_REVIEW = 'Your changes have been sent for review';

/** Someone else saved first: the choice to start again from their version. */
function StaleNotice({ onReload }: { onReload: () => void }) {
  return (
    <WarningCallout heading="This listing has changed since you opened it">
      <p>Reloading shows the latest version and discards what you have typed here. Copy anything you want to keep first, then add it again after reloading.</p>
      <button id={RELOAD_ID} className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onReload}>
        Reload the listing
      </button>
    </WarningCallout>
  );
}

/** The confirmation panel for a change that waits for review; it takes focus, as the form it replaces has gone. */
function SentForReview({ listing, state }: { listing: Listing; state: ServicePageState }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__heading kith-focus-target" ref={heading} tabIndex={-1}>
            {SENT_FOR_REVIEW}
          </h1>
          <div className="nhsuk-panel__body">The directory team will check them before they show on the listing for {listing.name}.</div>
        </div>
        <p>Until then, the listing shows the details as they were.</p>
        <p>
          <Link to={servicePath(listing.id)} state={state}>
            Back to {listing.name}
          </Link>
        </p>
      </div>
    </div>
  );
}
