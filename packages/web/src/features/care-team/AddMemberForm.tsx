import type { CareTeamMember } from '@kith/core';
import { useState, type FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { Checkbox } from '../../components/Checkbox';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from '../../components/useFeedback';
import { withPrompt } from '../accounts/labels';
import { useAddMember, useStaffSearch } from './api';
import { STAFF_NAME_ID, StaffFinder, type StaffSearchState } from './StaffFinder';
import { choiceOf, staffOptions } from './staff-options';

const STAFF_ID = 'care-team-staff';
const RESPONSIBILITY_ID = 'responsibility';
const COORDINATOR_ID = 'named-coordinator';
const FIELDS = { staffId: STAFF_ID, organisationId: STAFF_ID, responsibility: RESPONSIBILITY_ID, isNamedCoordinator: COORDINATOR_ID };

interface AddMemberFormProps extends Feedback {
  personId: string;
  members: CareTeamMember[];
  errors: FormError[];
}

/** Find a member of staff by name, then choose them (for one of their roles) and add them to the team. */
export function AddMemberForm({ personId, members, errors, succeeded, failed }: AddMemberFormProps) {
  const add = useAddMember(personId);
  const [name, setName] = useState('');
  const found = useStaffSearch(name);
  const options = found.data ? staffOptions(found.data.staff, members) : [];
  const search: StaffSearchState = { name, isPending: found.isPending, error: found.error, data: found.data, choices: options.length };

  function find(next: string) {
    if (!next) return failed([{ fieldId: STAFF_NAME_ID, message: 'Enter all or part of the name of the member of staff' }]);
    if (errors.length > 0) failed([]);
    setName(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const choice = choiceOf(String(data.get(STAFF_ID) ?? ''));
    if (!choice) {
      return failed([
        name
          ? { fieldId: STAFF_ID, message: 'Choose a member of staff to add' }
          : { fieldId: STAFF_NAME_ID, message: 'Find the member of staff to add by their name' },
      ]);
    }
    const responsibility = String(data.get(RESPONSIBILITY_ID) ?? '').trim();
    const chosen = found.data?.staff.find((account) => account.id === choice.staffId)?.name ?? 'They';
    add.mutate(
      { ...choice, responsibility: responsibility || undefined, isNamedCoordinator: data.get(COORDINATOR_ID) === 'yes' },
      {
        onSuccess: () => {
          form.reset();
          succeeded(`${chosen} has been added to the care team.`);
        },
        onError: (error) => failed(formErrors(error, FIELDS)),
      },
    );
  }

  return (
    <section aria-labelledby="add-member">
      <h3 id="add-member">Add someone to the care team</h3>
      <StaffFinder
        search={search}
        error={errorFor(errors, STAFF_NAME_ID)}
        onFind={find}
      />
      <form onSubmit={submit} noValidate>
        <Select
          key={name}
          id={STAFF_ID}
          label="Member of staff"
          hint="Find them by name above, then choose them here"
          options={withPrompt(promptFor(search), options)}
          defaultValue=""
          error={errorFor(errors, STAFF_ID)}
        />
        <TextInput
          id={RESPONSIBILITY_ID}
          label="Responsibility (optional)"
          hint="What they do for this person, for example wound care or a medicines review"
          width={30}
          autoComplete="off"
          error={errorFor(errors, RESPONSIBILITY_ID)}
        />
        <Checkbox
          id={COORDINATOR_ID}
          label="Make them the named coordinator"
          hint="The one person this person talks to. This replaces the current named coordinator."
        />
        <button className="nhsuk-button" type="submit">
          Add to the care team
        </button>
      </form>
    </section>
  );
}

/** The select's first line, which is never a choice: what to do next. */
function promptFor({ name, isPending, data, choices }: StaffSearchState): string {
  if (!name) return 'Find a member of staff first';
  if (!data) return isPending ? 'Finding staff…' : 'Staff could not be found';
  return choices > 0 ? 'Choose a member of staff' : 'No one matches';
}
