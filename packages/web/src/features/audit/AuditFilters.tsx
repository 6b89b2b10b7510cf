import type { FormEvent } from 'react';
import { DateInput } from '../../components/DateInput';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import type { StaffAccount } from '../accounts/api';
import { withPrompt } from '../accounts/labels';
import { partsOfDate } from '../people/search-criteria';
import { dayFromParts, type AuditSearch } from './audit-search';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AuditFiltersProps {
  /** The search in the URL; the form is remounted when it changes, so it starts from it. */
  search: AuditSearch;
  staff: StaffAccount[];
  errors: FormError[];
  onSearch: (search: AuditSearch) => void;
  onInvalid: (errors: FormError[]) => void;
}

export function AuditFilters({ search, staff, errors, onSearch, onInvalid }: AuditFiltersProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { next, problems } = searchOf(new FormData(event.currentTarget));
    if (problems.length > 0) onInvalid(problems);
    else onSearch(next);
  }
  const staffOptions = [...staff]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((account) => ({ value: account.id, text: `${account.name} (${account.email})` }));
  return (
    <form onSubmit={submit} noValidate role="search" aria-label="Search the audit log">
      <Select
        id="audit-staff"
        label="Member of staff"
        options={withPrompt('Anyone', staffOptions)}
        defaultValue={search.staffId ?? ''}
      />
      <TextInput
        id="audit-person"
        label="Record id"
        hint="The id of a person's record, as in the address of their record page. For example, 0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f"
        width={30}
        autoComplete="off"
        spellCheck={false}
        defaultValue={search.personId}
        error={errorFor(errors, 'audit-person')}
      />
      <DateInput
        id="audit-from"
        legend="From"
        hint="For example, 1 6 2026"
        defaultValue={partsOfDate(search.from)}
        error={errorFor(errors, 'audit-from-day')}
      />
      <DateInput
        id="audit-to"
        legend="To"
        hint="Events on this day are included"
        defaultValue={partsOfDate(search.to)}
        error={errorFor(errors, 'audit-to-day')}
      />
      <button className="nhsuk-button" type="submit">
        Search the audit log
      </button>
    </form>
  );
}

function searchOf(form: FormData): { next: AuditSearch; problems: FormError[] } {
  const text = (key: string) => String(form.get(key) ?? '').trim();
  const parts = (id: string) => ({ day: text(`${id}-day`), month: text(`${id}-month`), year: text(`${id}-year`) });
  const problems: FormError[] = [];
  const personId = text('audit-person');
  if (personId && !UUID.test(personId)) {
    problems.push({ fieldId: 'audit-person', message: 'Enter the record id as it is shown, for example 0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f' });
  }
  const from = dayFromParts(parts('audit-from'), 'From');
  if (from.problem) problems.push({ fieldId: 'audit-from-day', message: from.problem.message });
  const to = dayFromParts(parts('audit-to'), 'To');
  if (to.problem) problems.push({ fieldId: 'audit-to-day', message: to.problem.message });
  if (from.date && to.date && from.date > to.date) {
    problems.push({ fieldId: 'audit-to-day', message: 'To must be the same as or after From' });
  }
  const next: AuditSearch = {
    staffId: text('audit-staff') || undefined,
    personId: personId.toLowerCase() || undefined,
    from: from.date,
    to: to.date,
  };
  return { next, problems };
}
