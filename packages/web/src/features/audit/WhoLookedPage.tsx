import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatNhsNumber } from '../../format';
import { usePrintWhoLooked, useWhoLooked, type WhoLooked } from './api';
import { LooksList } from './LooksList';

/**
 * "Who has looked at this record", in plain words, for the privacy officer and for a person's
 * subject access request. Printing is recorded first, then the browser's print dialog opens;
 * the print style sheet leaves out the header, navigation and buttons.
 */
export function WhoLookedPage() {
  const { id = '' } = useParams();
  const looked = useWhoLooked(id);
  const [errors, setErrors] = useState<FormError[]>([]);
  const notFound = isApiError(looked.error, 404) || isApiError(looked.error, 400);
  const title = looked.data
    ? `Who has looked at ${looked.data.person.name}’s record`
    : notFound
      ? 'Record not found'
      : 'Who has looked at this record';
  usePageTitle(title, errors.length > 0);

  return (
    <>
      <BackLink to="/emergency-access-reviews">Back to emergency access reviews</BackLink>
      <ErrorSummary errors={errors} />
      {looked.isPending && <Loading what="who has looked at this record" />}
      {notFound && (
        <>
          <h1>Record not found</h1>
          <p>There is no one with this record id in Kith.</p>
        </>
      )}
      {looked.isError && !notFound && <ServiceProblem />}
      {looked.data && <Looks personId={id} looked={looked.data} title={title} onFailed={setErrors} />}
    </>
  );
}

interface LooksProps {
  personId: string;
  looked: WhoLooked;
  title: string;
  onFailed: (errors: FormError[]) => void;
}

function Looks({ personId, looked, title, onFailed }: LooksProps) {
  const print = usePrintWhoLooked(personId);
  const emergencies = looked.looks.filter((look) => look.breakGlass).length;
  const printList = () => {
    if (print.isPending) return;
    onFailed([]);
    print.mutate(undefined, {
      onSuccess: () => window.print(),
      onError: (error) => onFailed(formErrors(error)),
    });
  };
  return (
    <>
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: 'NHS number', value: formatNhsNumber(looked.person.nhsNumber) },
          { key: 'Date of birth', value: formatDate(looked.person.dateOfBirth) },
        ]}
      />
      {emergencies > 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {emergencies === 1 ? '1 entry below is' : `${emergencies} entries below are`} emergency access, marked
            &ldquo;Emergency access&rdquo;.
          </p>
        </div>
      )}
      {looked.looks.length > 0 ? <LooksList looks={looked.looks} /> : <p>No one has looked at this record yet.</p>}
      <button className="nhsuk-button nhsuk-button--secondary kith-no-print" type="button" onClick={printList}>
        Print this list
      </button>
    </>
  );
}
