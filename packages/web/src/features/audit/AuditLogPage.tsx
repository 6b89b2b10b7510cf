import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { useStaffAccounts } from '../accounts/api';
import { useAuditEvents } from './api';
import { AuditEventsTable } from './AuditEventsTable';
import { AuditFilters } from './AuditFilters';
import { auditSearchFromParams, auditSearchParams, type AuditSearch } from './audit-search';

export function AuditLogPage() {
  const [params] = useSearchParams();
  const urlSearch = auditSearchParams(auditSearchFromParams(params));
  const search = useMemo(() => auditSearchFromParams(new URLSearchParams(urlSearch)), [urlSearch]);
  const events = useAuditEvents(search, true);
  // Only for the "Member of staff" filter: each event carries its own names.
  const staff = useStaffAccounts();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormError[]>([]);
  usePageTitle('Audit log', errors.length > 0);

  const runSearch = (next: AuditSearch) => {
    setErrors([]);
    navigate({ search: auditSearchParams(next) });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <ErrorSummary errors={errors} />
        <h1>Audit log</h1>
        <p>Every time someone reads, searches, changes, exports or prints a person&rsquo;s record, it is recorded here. Newest first.</p>
        {staff.isPending ? (
          <Loading what="staff" />
        ) : (
          <AuditFilters
            key={urlSearch}
            search={search}
            staff={staff.data ?? []}
            errors={errors}
            onSearch={runSearch}
            onInvalid={setErrors}
          />
        )}
        <h2 id="audit-results">Events</h2>
        {events.isPending && <Loading what="audit events" />}
        {events.isError && <ServiceProblem />}
        {events.data && (
          <>
            <p className="nhsuk-body" role="status">
              {countInWords(events.data.events.length, search.before !== undefined)}
            </p>
            {events.data.events.length > 0 && <AuditEventsTable events={events.data.events} />}
            <p>
              {search.before !== undefined && (
                <Link to={{ search: auditSearchParams({ ...search, before: undefined }) }}>Back to the newest events</Link>
              )}
              {search.before !== undefined && events.data.nextBefore !== null && ' · '}
              {events.data.nextBefore !== null && (
                <Link to={{ search: auditSearchParams({ ...search, before: events.data.nextBefore }) }}>Show older events</Link>
              )}
            </p>
          </>
        )}
      </div>
    </div>
  );
}

function countInWords(count: number, older: boolean): string {
  if (count === 0) return older ? 'No older events' : 'No events match the search';
  return `Showing ${count === 1 ? '1 event' : `${count} events`}${older ? ', older ones' : ''}`;
}
