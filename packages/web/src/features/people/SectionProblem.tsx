import { isApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';

/**
 * A part of the record that could not be shown. A refusal (403) says why in plain words, for
 * example that emergency access does not cover it; anything else is a problem with the service.
 */
export function SectionProblem({ error }: { error: unknown }) {
  const refused = isApiError(error, 403);
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{refused ? (error.problem.detail ?? error.problem.title) : SERVICE_PROBLEM}</p>
    </div>
  );
}
