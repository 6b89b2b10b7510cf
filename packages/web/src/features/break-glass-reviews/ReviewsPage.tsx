import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Select } from '../../components/Select';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { REVIEW_STATUSES, useReviewList, type ReviewStatus } from './api';
import { statusOf, STATUS_LABELS } from './labels';
import { ReviewsTable } from './ReviewsTable';

/** What the review page tells this page when it sends the privacy officer back. */
export interface ReviewNotice {
  notice: string;
}

export function ReviewsPage() {
  const [params] = useSearchParams();
  const status = statusOf(params.get('status'));
  const reviews = useReviewList(status);
  const notice = usePassedNotice();
  const navigate = useNavigate();
  usePageTitle('Emergency access reviews');

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = statusOf(String(new FormData(event.currentTarget).get('status') ?? ''));
    navigate({ search: chosen === 'unreviewed' ? '' : `?status=${chosen}` });
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        {notice && <SuccessBanner message={notice} />}
        <h1>Emergency access reviews</h1>
        <p>
          Each time someone opens a record with emergency access, it is listed here with the reason they gave and how
          much they opened, until you record whether it was appropriate.
        </p>
        <form onSubmit={filter} noValidate role="search" aria-label="Filter emergency access">
          <Select
            key={status}
            id="status"
            label="Show"
            options={REVIEW_STATUSES.map((value: ReviewStatus) => ({ value, text: STATUS_LABELS[value] }))}
            defaultValue={status}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Show emergency access
          </button>
        </form>
        {reviews.isPending && <Loading what="emergency access" />}
        {reviews.isError && <ServiceProblem />}
        {reviews.data && (
          <>
            <p className="nhsuk-body" role="status">
              {countInWords(reviews.data.grants.length, status)}
            </p>
            {reviews.data.grants.length > 0 && <ReviewsTable grants={reviews.data.grants} />}
          </>
        )}
      </div>
    </div>
  );
}

function countInWords(count: number, status: ReviewStatus): string {
  if (count === 0) return status === 'unreviewed' ? 'There is no emergency access waiting for review' : 'No emergency access found';
  const uses = count === 1 ? '1 use of emergency access' : `${count} uses of emergency access`;
  return status === 'unreviewed' ? `${uses} waiting for review` : `Showing ${uses}`;
}

/** A notice passed by the review page, taken from the history entry so a reload does not repeat it. */
function usePassedNotice(): string | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const passed = (location.state as Partial<ReviewNotice> | null)?.notice;
  const [notice] = useState(passed);
  useEffect(() => {
    if (passed) navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [passed, location.pathname, location.search, navigate]);
  return notice;
}
