import { Link } from 'react-router';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { STALE_LISTINGS_PATH } from './access';
import { useDecideEdit, usePendingEdits } from './api';
import { PendingEditCard, type Decision } from './PendingEditCard';
import { decisionErrors } from './review-words';
import type { PendingEdit } from './types';

const TITLE = 'Listing changes to review';

/** Changes proposed by staff whose edits do not show at once, oldest first, each approved or rejected here. */
export function ListingReviewsPage() {
  const pending = usePendingEdits();
  const decide = useDecideEdit();
  const { notice, errors, succeeded, failed } = useFeedback();
  usePageTitle(TITLE, errors.length > 0);

  // The page, not the card, sends the decision: the card leaves the list as soon as it is decided.
  const onDecide = (edit: PendingEdit, decision: Decision, note: string) => {
    decide.mutate(
      { editId: edit.id, serviceId: edit.serviceId, decision, note: note || undefined },
      {
        onSuccess: () => succeeded(`The change to ${edit.serviceName} has been ${decision === 'approve' ? 'approved' : 'rejected'}`),
        onError: (error) => failed(decisionErrors(error, edit)),
      },
    );
  };

  const edits = pending.data?.edits ?? [];
  return (
    <>
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      <h1>{TITLE}</h1>
      <p>
        Changes from staff outside the organisation that runs a service wait here. Approving a change shows it on the listing as it was proposed.
      </p>
      <p>
        <Link to={STALE_LISTINGS_PATH}>Listings to check</Link>
      </p>
      {pending.isPending && <Loading what="changes to review" />}
      {pending.isError && <p>{SERVICE_PROBLEM}</p>}
      {pending.data && (
        <p className="nhsuk-body" role="status">
          {countWords(edits.length)}
        </p>
      )}
      {edits.map((edit) => (
        <PendingEditCard key={edit.id} edit={edit} deciding={decide.isPending} onDecide={onDecide} />
      ))}
    </>
  );
}

function countWords(count: number): string {
  if (count === 0) return 'There are no changes waiting for review.';
  return count === 1 ? '1 change is waiting for review.' : `${count} changes are waiting for review.`;
}
