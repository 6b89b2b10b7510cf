import type { FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { TextInput } from '../../components/TextInput';
import type { useStaffFinder } from './OwnerField';

interface StaffFinderFormProps {
  id: string;
  finder: ReturnType<typeof useStaffFinder>;
  error?: string;
  onMissingName: () => void;
  /** The search's name for assistive technology: "Find a member of staff to own the task". */
  purpose: string;
  label: string;
  /** Where those found go, in the hint and the status message: "the owner choices". */
  addedTo: string;
}

/**
 * A small search form beside another form (forms cannot nest): the staff it finds are added to
 * that form's choices when the user asks (WCAG 3.2.2), and a status message says so (4.1.3).
 */
export function StaffFinderForm({ id, finder, error, onMissingName, purpose, label, addedTo }: StaffFinderFormProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get(id) ?? '').trim();
    if (!name) return onMissingName();
    finder.setName(name);
  }
  return (
    <form onSubmit={submit} noValidate role="search" aria-label={purpose}>
      <TextInput
        id={id}
        label={label}
        hint={`All or part of their name; those found are added to ${addedTo} below`}
        width={20}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        error={error}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Find staff
      </button>
      <p className="nhsuk-body" role="status">
        {statusOf(finder, addedTo)}
      </p>
    </form>
  );
}

function statusOf({ name, found, choices }: ReturnType<typeof useStaffFinder>, addedTo: string): string {
  if (!name) return '';
  if (!found.data) {
    if (found.error) return isApiError(found.error, 403) ? (found.error.problem.detail ?? found.error.problem.title) : SERVICE_PROBLEM;
    return found.isPending ? `Finding staff called “${name}”…` : '';
  }
  if (choices.length === 0) return `No one matches “${name}”.`;
  const names = choices.length === 1 ? '1 person' : `${choices.length} people`;
  return `${names} called “${name}” added to ${addedTo}.${found.data.more ? ' Enter more of the name to find others.' : ''}`;
}
