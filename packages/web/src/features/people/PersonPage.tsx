import { useState } from 'react';
import { Outlet, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { EmergencyAccessBanner } from '../break-glass/EmergencyAccessBanner';
import { REFUSED_TITLE } from '../break-glass/access';
import { RecordRefused } from '../break-glass/RecordRefused';
import { usePerson, useRecordOpening } from './api';
import { fullName } from './labels';
import type { FromSearch } from './PersonResults';
import { NamedCoordinator } from './NamedCoordinator';
import { PersonIdentity } from './PersonSections';
import { sectionPathOf, sectionTitle, type PersonOutlet } from './record';
import { RecordSectionsNav } from './RecordSectionsNav';

const PROBLEM = 'Sorry, there is a problem with the service';

/**
 * A person's record: who they are, then the part of the record chosen in the contents list.
 * A refusal shows why in plain words and, for roles that may, the emergency access form.
 */
export function PersonPage() {
  const { id = '' } = useParams();
  const { state, pathname } = useLocation();
  const section = sectionPathOf(pathname, id);
  // The front page shows the plan and the latest on the timeline: it opens in one request.
  const onFrontPage = section === '';
  const opening = useRecordOpening(id, onFrontPage);
  const alone = usePerson(id, !onFrontPage);
  const record = onFrontPage ? opening : alone;
  const person = onFrontPage ? opening.data?.person : alone.data;
  const [justGranted, setJustGranted] = useState(false);
  // An id that is not even well formed (400) cannot name anyone either.
  const notFound = isApiError(record.error, 404) || isApiError(record.error, 400);
  const refused = isApiError(record.error, 403) ? record.error : undefined;
  usePageTitle(
    person
      ? sectionTitle(section, fullName(person))
      : notFound
        ? 'Person not found'
        : refused
          ? REFUSED_TITLE
          : record.isError
            ? PROBLEM
            : 'Person',
  );

  return (
    <>
      <BackLink to={`/people${searchOf(state)}`}>Back to search</BackLink>
      {record.isPending && <Loading what="person" />}
      {notFound && <PersonNotFound />}
      {refused && <RecordRefused personId={id} refusal={refused} onGranted={() => setJustGranted(true)} />}
      {record.isError && !notFound && !refused && <ServiceProblem />}
      {person && (
        <>
          {person.access.breakGlass && (
            <EmergencyAccessBanner grant={person.access.breakGlass} announce={justGranted} />
          )}
          <h1 className="nhsuk-u-margin-bottom-2">{fullName(person)}</h1>
          {person.preferredName && <p className="nhsuk-body-l">Known as {person.preferredName}</p>}
          <PersonIdentity person={person} />
          <NamedCoordinator person={person} />
          <RecordSectionsNav id={id} current={section} state={state} />
          <Outlet context={{ person, opening: opening.data ?? null } satisfies PersonOutlet} />
        </>
      )}
    </>
  );
}

function PersonNotFound() {
  return (
    <>
      <h1>Person not found</h1>
      <p>There is no one with this record in Kith, or it has been removed. Search again to find the person.</p>
    </>
  );
}

/** The search the user came from, when they came from one, so "Back" returns to the same results. */
function searchOf(state: unknown): string {
  const search = (state as Partial<FromSearch> | null)?.search;
  return typeof search === 'string' && search.startsWith('?') ? search : '';
}
