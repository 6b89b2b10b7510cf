import { useState } from 'react';
import { classes } from '../../components/classes';
import { describedBy, FormGroup } from '../../components/FormGroup';
import { useStaffSearch } from '../care-team/api';
import { ownerValue, TEAM_OPTIONS } from './labels';
import { StaffFinderForm } from './StaffFinderForm';

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

/** The staff search beside the task form: those found join the owner choices. */
export function OwnerFinder(props: OwnerFinderProps) {
  return (
    <StaffFinderForm
      {...props}
      purpose="Find a member of staff to own the task"
      label="Find another member of staff to own it (optional)"
      addedTo="the owner choices"
    />
  );
}
