import type { PersonRecord } from './types';

/**
 * The person's single point of contact, on every page of their record, with how to reach them.
 * Without one, it says so: someone open to the network should have one, and its absence is a
 * gap to close, not a blank.
 */
export function NamedCoordinator({ person }: { person: PersonRecord }) {
  const coordinator = person.namedCoordinator;
  if (!coordinator) {
    return (
      <p className="nhsuk-body-s kith-named-coordinator">
        <strong>Named coordinator:</strong> none yet. Set one on the care team page.
      </p>
    );
  }
  return (
    <p className="nhsuk-body-s kith-named-coordinator">
      <strong>Named coordinator:</strong> {coordinator.name}, {coordinator.organisationName}
      {coordinator.phone && (
        <>
          {' '}
          · <a href={`tel:${coordinator.phone.replace(/\s/g, '')}`}>{coordinator.phone}</a>
        </>
      )}{' '}
      · <a href={`mailto:${coordinator.email}`}>{coordinator.email}</a>
    </p>
  );
}
