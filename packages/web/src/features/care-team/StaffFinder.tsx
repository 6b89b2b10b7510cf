import type { FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { TextInput } from '../../components/TextInput';
import { STAFF_SEARCH_LIMIT, type StaffSearch } from './api';

export const STAFF_NAME_ID = 'staff-name';

/** How the search for staff stands, as the finder reports it. */
export interface StaffSearchState {
  /** The name searched for; empty before the first search. */
  name: string;
  /** Whether the results for this name are still awaited. */
  isPending: boolean;
  error: unknown;
  data: StaffSearch | undefined;
  /** How many choices the results leave, once those who cannot join the team are left out. */
  choices: number;
}

interface StaffFinderProps {
  search: StaffSearchState;
  error?: string;
  /** A name to search for, trimmed; empty when the user searched for nothing. */
  onFind: (name: string) => void;
}

/**
 * Finds staff by name on the server. It searches when the user asks (WCAG 3.2.2), and says
 * what it found in a status message, so the choice below is never changed without them knowing.
 */
export function StaffFinder({ search, error, onFind }: StaffFinderProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onFind(String(new FormData(event.currentTarget).get(STAFF_NAME_ID) ?? '').trim());
  }
  return (
    <>
      <form onSubmit={submit} noValidate role="search" aria-label="Find a member of staff">
        <TextInput
          id={STAFF_NAME_ID}
          label="Find a member of staff by name"
          hint="All or part of their name, for example patel"
          width={20}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          defaultValue={search.name}
          error={error}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Find staff
        </button>
      </form>
      <p className="nhsuk-body" role="status">
        {statusOf(search)}
      </p>
    </>
  );
}

function statusOf({ name, isPending, error, data, choices }: StaffSearchState): string {
  if (!name) return '';
  if (!data) {
    if (error) return isApiError(error, 403) ? (error.problem.detail ?? error.problem.title) : SERVICE_PROBLEM;
    return isPending ? `Finding staff called “${name}”…` : '';
  }
  const found =
    choices === 0
      ? `No one who can join this care team matches “${name}”.`
      : `${choices === 1 ? '1 choice' : `${choices} choices`} for “${name}”.`;
  return data.more
    ? `${found} Only the first ${STAFF_SEARCH_LIMIT} people whose name matches are listed: enter more of their name to find others.`
    : found;
}
