import { BREAK_GLASS_REVIEW_OUTCOME_LABELS, BREAK_GLASS_REVIEW_OUTCOMES, STAFF_ROLE_LABELS, type BreakGlassGrantView, type BreakGlassReview, type StaffRole } from '@kith/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { Textarea } from '../../components/Textarea';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatNhsNumber } from '../../format';
import { useRecordReview, useReview } from './api';
import { grantInWords, outcomeLabel } from './labels';
import type { ReviewNotice } from './ReviewsPage';

const FIELDS = { outcome: 'review-outcome', note: 'review-note' };
const OUTCOME_OPTIONS = BREAK_GLASS_REVIEW_OUTCOMES.map((value) => ({ value, text: BREAK_GLASS_REVIEW_OUTCOME_LABELS[value] }));

/** One use of emergency access, and the privacy officer's outcome for it. */
export function ReviewPage() {
  const { grantId = '' } = useParams();
  const review = useReview(grantId);
  const grant = review.data;
  const [errors, setErrors] = useState<FormError[]>([]);
  // An id that is not a grant's id at all (400) is as missing as one that is not there (404).
  const missing = isApiError(review.error, 404) || isApiError(review.error, 400);
  usePageTitle(missing ? 'Emergency access not found' : 'Review emergency access', errors.length > 0);

  return (
    <>
      <BackLink to="/emergency-access-reviews">Back to emergency access reviews</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          {review.isPending && <Loading what="emergency access" />}
          {review.isError && !missing && <ServiceProblem />}
          {missing && (
            <>
              <h1>Emergency access not found</h1>
              <p>There is no use of emergency access with this address. Go back to the list to find it.</p>
            </>
          )}
          {grant && <GrantReview grant={grant} errors={errors} onErrors={setErrors} />}
        </div>
      </div>
    </>
  );
}

interface GrantReviewProps {
  grant: BreakGlassGrantView;
  errors: FormError[];
  onErrors: (errors: FormError[]) => void;
}

function GrantReview({ grant, errors, onErrors }: GrantReviewProps) {
  const record = useRecordReview(grant.id);
  const navigate = useNavigate();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const form = new FormData(event.currentTarget);
    const outcome = String(form.get('outcome') ?? '') as BreakGlassReview['outcome'];
    const note = String(form.get('note') ?? '').trim();
    if (!outcome) return onErrors([{ fieldId: FIELDS.outcome, message: 'Choose whether the emergency access was appropriate' }]);
    onErrors([]);
    record.mutate(
      { outcome, note: note || undefined },
      {
        onSuccess: () => {
          const notice: ReviewNotice = {
            notice: `Outcome recorded for ${grantInWords(grant)}: ${BREAK_GLASS_REVIEW_OUTCOME_LABELS[outcome]}.`,
          };
          navigate('/emergency-access-reviews', { state: notice });
        },
        onError: (error) => onErrors(formErrors(error, FIELDS)),
      },
    );
  }

  return (
    <>
      <h1>Review emergency access</h1>
      <SummaryList
        rows={[
          {
            key: 'Person',
            value: (
              <>
                {grant.person.name}, NHS number {formatNhsNumber(grant.person.nhsNumber)}
                <br />
                <Link to={`/people/${encodeURIComponent(grant.person.id)}/who-looked`}>Who has looked at their record</Link>
              </>
            ),
          },
          { key: 'Member of staff', value: `${grant.staff.name} (${grant.staff.email})` },
          { key: 'Role', value: `${STAFF_ROLE_LABELS[grant.role as StaffRole] ?? grant.role}, ${grant.organisationName}` },
          { key: 'Reason they gave', value: grant.reason },
          { key: 'From', value: formatDateTime(grant.grantedAt) },
          { key: 'Until', value: formatDateTime(grant.expiresAt) },
          { key: 'Parts of the record opened', value: String(grant.uses) },
        ]}
      />
      {grant.review ? (
        <>
          <h2>Outcome</h2>
          <SummaryList
            rows={[
              { key: 'Outcome', value: outcomeLabel(grant) },
              { key: 'Note', value: grant.review.note },
              { key: 'Reviewed by', value: `${grant.review.reviewedBy}, ${formatDateTime(grant.review.reviewedAt)}` },
            ]}
          />
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Radios
            id={FIELDS.outcome}
            name="outcome"
            legend="Was this emergency access appropriate?"
            options={OUTCOME_OPTIONS}
            error={errorFor(errors, FIELDS.outcome)}
          />
          <Textarea
            id={FIELDS.note}
            name="note"
            label="Note (optional)"
            hint="What you found, or what happens next"
            rows={4}
            error={errorFor(errors, FIELDS.note)}
          />
          <button className="nhsuk-button" type="submit">
            Record outcome
          </button>
        </form>
      )}
    </>
  );
}
