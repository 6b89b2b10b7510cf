import { useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { usePerson } from './api';
import { fullName } from './labels';
import type { FromSearch } from './PersonResults';
import { Contacts, GpPractice, PersonalDetails, PersonIdentity } from './PersonSections';

const PROBLEM = 'Sorry, there is a problem with the service';

export function PersonPage() {
  const { id = '' } = useParams();
  const person = usePerson(id);
  const { state } = useLocation();
  // An id that is not even well formed (400) cannot name anyone either.
  const notFound = isApiError(person.error, 404) || isApiError(person.error, 400);
  usePageTitle(
    person.data ? fullName(person.data) : notFound ? 'Person not found' : person.isError ? PROBLEM : 'Person',
  );

  return (
    <>
      <BackLink to={`/people${searchOf(state)}`}>Back to search</BackLink>
      {person.isPending && <Loading what="person" />}
      {notFound && <PersonNotFound />}
      {person.isError && !notFound && <ServiceProblem />}
      {person.data && (
        <>
          <h1 className="nhsuk-u-margin-bottom-2">{fullName(person.data)}</h1>
          {person.data.preferredName && (
            <p className="nhsuk-body-l">Known as {person.data.preferredName}</p>
          )}
          <PersonIdentity person={person.data} />
          <PersonalDetails person={person.data} />
          <GpPractice practice={person.data.practice} />
          <Contacts contacts={person.data.contacts} />
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
