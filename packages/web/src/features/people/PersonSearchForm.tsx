import { normaliseNhsNumber } from '@kith/core';
import type { FormEvent } from 'react';
import { DateInput, type DatePart } from '../../components/DateInput';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { TextInput } from '../../components/TextInput';
import { todayIso } from '../../format';
import { dateOfBirthFromParts, hasCriteria, partsOfDate, type PersonSearchCriteria } from './search-criteria';

/** A form error that may mark some of the date of birth inputs as the ones to correct. */
export interface SearchError extends FormError {
  dateParts?: DatePart[];
}

/** Where each API field's error links to in this form. */
export const SEARCH_FIELD_IDS: Record<string, string> = {
  name: 'name',
  nhsNumber: 'nhsNumber',
  dateOfBirth: 'dateOfBirth-day',
  postcode: 'postcode',
};

export const NO_CRITERIA = 'Enter a name, NHS number, date of birth or postcode';

interface PersonSearchFormProps {
  /** The search in the URL; the form is remounted when it changes, so it starts from these. */
  initial: PersonSearchCriteria;
  errors: SearchError[];
  onSearch: (criteria: PersonSearchCriteria) => void;
  onInvalid: (errors: SearchError[]) => void;
}

export function PersonSearchForm({ initial, errors, onSearch, onInvalid }: PersonSearchFormProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { criteria, errors: problems } = criteriaOf(new FormData(event.currentTarget));
    if (problems.length > 0) onInvalid(problems);
    else onSearch(criteria);
  }
  const dateError = errors.find((error) => error.fieldId?.startsWith('dateOfBirth-'));
  return (
    <form onSubmit={submit} noValidate role="search" aria-label="Find a person">
      <TextInput
        id="name"
        label="Name"
        hint="For example, Mary Smith"
        width={20}
        autoComplete="off"
        spellCheck={false}
        defaultValue={initial.name}
        error={errorFor(errors, 'name')}
      />
      <TextInput
        id="nhsNumber"
        label="NHS number"
        hint="10 digits, for example 485 777 3456"
        width={10}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={initial.nhsNumber}
        error={errorFor(errors, 'nhsNumber')}
      />
      <DateInput
        id="dateOfBirth"
        legend="Date of birth"
        hint="For example, 15 3 1984"
        defaultValue={partsOfDate(initial.dateOfBirth)}
        error={dateError?.message}
        errorParts={dateError?.dateParts}
      />
      <TextInput
        id="postcode"
        label="Postcode"
        hint="The full postcode or its start, for example CR0 or CR0 1AB"
        width={10}
        autoComplete="off"
        defaultValue={initial.postcode}
        error={errorFor(errors, 'postcode')}
      />
      <button className="nhsuk-button" type="submit">
        Search
      </button>
    </form>
  );
}

function criteriaOf(form: FormData): { criteria: PersonSearchCriteria; errors: SearchError[] } {
  const text = (key: string) => String(form.get(key) ?? '').trim();
  const { date, problem } = dateOfBirthFromParts(
    { day: text('dateOfBirth-day'), month: text('dateOfBirth-month'), year: text('dateOfBirth-year') },
    todayIso(),
  );
  if (problem) {
    const first = problem.parts[0] ?? 'day';
    const error = { fieldId: `dateOfBirth-${first}`, message: problem.message, dateParts: problem.parts };
    return { criteria: {}, errors: [error] };
  }
  const criteria: PersonSearchCriteria = {
    name: text('name') || undefined,
    // People type NHS numbers with spaces ("485 777 3456"); the API matches the ten digits.
    nhsNumber: normaliseNhsNumber(text('nhsNumber')) || undefined,
    dateOfBirth: date,
    postcode: text('postcode') || undefined,
  };
  if (!hasCriteria(criteria)) return { criteria, errors: [{ fieldId: 'name', message: NO_CRITERIA }] };
  return { criteria, errors: [] };
}
