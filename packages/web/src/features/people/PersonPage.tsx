import { useState } from 'react';
import { Outlet, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { EmergencyAccessBanner } from '../break-glass/EmergencyAccessBanner';
import { REFUSED_TITLE } from '../break-glass/access';
import { RecordRefused } from '../break-glass/RecordRefused';
import { useRecordOpening } from './api';
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
  const opening = useRecordOpening(id);
  const person = opening.data?.person;
  const { state, pathname } = useLocation();
  const [justGranted, setJustGranted] = useState(false);
  // An id that is not even well formed (400) cannot name anyone either.
  const notFound = isApiError(opening.error, 404) || isApiError(opening.error, 400);
  const refused = isApiError(opening.error, 403) ? opening.error : undefined;
  const section = sectionPathOf(pathname, id);
  usePageTitle(
    person
      ? sectionTitle(section, fullName(person))
      : notFound
        ? 'Person not found'
        : refused
          ? REFUSED_TITLE
          : opening.isError
            ? PROBLEM
            : 'Person',
  );

  return (
    <>
      <BackLink to={`/people${searchOf(state)}`}>Back to search</BackLink>
      {opening.isPending && <Loading what="person" />}
      {notFound && <PersonNotFound />}
      {refused && <RecordRefused personId={id} refusal={refused} onGranted={() => setJustGranted(true)} />}
      {opening.isError && !notFound && !refused && <ServiceProblem />}
      {person && opening.data && (
        <>
          {person.access.breakGlass && (
            <EmergencyAccessBanner grant={person.access.breakGlass} announce={justGranted} />
          )}
          <h1 className="nhsuk-u-margin-bottom-2">{fullName(person)}</h1>
          {person.preferredName && <p className="nhsuk-body-l">Known as {person.preferredName}</p>}
          <PersonIdentity person={person} />
          <NamedCoordinator person={person} />
          <RecordSectionsNav id={id} current={section} state={state} />
          <Outlet context={{ person, opening: opening.data } satisfies PersonOutlet} />
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
