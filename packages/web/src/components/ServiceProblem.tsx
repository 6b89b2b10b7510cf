import { usePageTitle } from './usePageTitle';

/** The NHS "problem with the service" page, for failures the user cannot put right. */
export function ServiceProblem() {
  usePageTitle('Sorry, there is a problem with the service');
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p>Try again later.</p>
    </>
  );
}

/** Announced politely while data loads, so screen reader users know something is happening. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="nhsuk-body" role="status">
      Loading {what}…
    </p>
  );
}
