import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { classes } from '../../components/classes';
import { describedBy, FormGroup } from '../../components/FormGroup';
import { TextInput } from '../../components/TextInput';
import { useStaffSearch } from '../care-team/api';
import { ownerValue, TEAM_OPTIONS } from './labels';

/** A member of staff who can be chosen as the owner; `note` says who they are ("you", "chair"). */
export interface StaffChoice {
  staffId: string;
  name: string;
  note?: string;
}

interface OwnerSelectProps {
  id: string;
  label?: string;
  hint?: string;
  error?: string;
  staff: StaffChoice[];
  defaultValue: string;
}

/**
 * Who owns an action: a member of staff, or a team (a role in the network). One select, the two
 * kinds in their own groups, so a keyboard user chooses with the arrow keys or by typing.
 */
export function OwnerSelect({ id, label = 'Owner', hint, error, staff, defaultValue }: OwnerSelectProps) {
  const people = uniqueStaff(staff);
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={id}
        className={classes('nhsuk-select', error && 'nhsuk-select--error')}
        defaultValue={defaultValue}
        aria-describedby={describedBy({ id, label, hint, error })}
      >
        <optgroup label="A member of staff">
          {people.map((person) => (
            <option key={person.staffId} value={ownerValue({ kind: 'staff', staffId: person.staffId })}>
              {person.note ? `${person.name} (${person.note})` : person.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="A team in the network">
          {TEAM_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.text}
            </option>
          ))}
        </optgroup>
      </select>
    </FormGroup>
  );
}

/** Each member of staff once, keeping the first note given for them. */
export function uniqueStaff(staff: StaffChoice[]): StaffChoice[] {
  const seen = new Set<string>();
  return staff.filter((person) => {
    if (seen.has(person.staffId)) return false;
    seen.add(person.staffId);
    return true;
  });
}

/** Staff found by name, to add to the owner choices; searched for when the user asks (WCAG 3.2.2). */
export function useStaffFinder() {
  const [name, setName] = useState('');
  const found = useStaffSearch(name);
  const choices: StaffChoice[] = (found.data?.staff ?? []).filter((account) => !account.disabled).map((account) => ({ staffId: account.id, name: account.name }));
  return { name, setName, found, choices };
}

interface OwnerFinderProps {
  id: string;
  finder: ReturnType<typeof useStaffFinder>;
  error?: string;
  onMissingName: () => void;
}

/**
 * A small search form beside the task form (forms cannot nest): it adds the staff it finds to
 * the owner choices, and says so in a status message.
 */
export function OwnerFinder({ id, finder, error, onMissingName }: OwnerFinderProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get(id) ?? '').trim();
    if (!name) return onMissingName();
    finder.setName(name);
  }
  return (
    <form onSubmit={submit} noValidate role="search" aria-label="Find a member of staff to own the task">
      <TextInput
        id={id}
        label="Find another member of staff to own it (optional)"
        hint="All or part of their name; those found are added to the owner choices below"
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
        {statusOf(finder)}
      </p>
    </form>
  );
}

function statusOf({ name, found, choices }: ReturnType<typeof useStaffFinder>): string {
  if (!name) return '';
  if (!found.data) {
    if (found.error) return isApiError(found.error, 403) ? (found.error.problem.detail ?? found.error.problem.title) : SERVICE_PROBLEM;
    return found.isPending ? `Finding staff called “${name}”…` : '';
  }
  if (choices.length === 0) return `No one matches “${name}”.`;
  const names = choices.length === 1 ? '1 person' : `${choices.length} people`;
  return `${names} called “${name}” added to the owner choices.${found.data.more ? ' Enter more of the name to find others.' : ''}`;
}
