import { usePersonOutlet } from './record';
import { Contacts, GpPractice, PersonalDetails } from './PersonSections';

/** The first page of a record: who the person is, their practice and their contacts. */
export function PersonDetailsPage() {
  const { person } = usePersonOutlet();
  return (
    <>
      <PersonalDetails person={person} />
      <GpPractice practice={person.practice} />
      <Contacts contacts={person.contacts} />
    </>
  );
}
