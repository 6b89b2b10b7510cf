import type { FormEvent } from 'react';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import type { Organisation } from './api';
import type { AccountFilter } from './filter';
import { organisationOptions, withPrompt } from './labels';

interface AccountFiltersProps {
  /** The filter in the URL; the inputs start again from it when it changes (back, forward). */
  filter: AccountFilter;
  filterKey: string;
  organisations: Organisation[];
  onFilter: (filter: AccountFilter) => void;
}

/**
 * Filters apply when the form is sent, never as a select changes (WCAG 3.2.2). Only the inputs
 * are remounted when the URL changes, so focus stays on the button the user pressed.
 */
export function AccountFilters({ filter, filterKey, organisations, onFilter }: AccountFiltersProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onFilter({ organisationId: String(form.get('organisation') ?? ''), text: String(form.get('name') ?? '') });
  }
  return (
    <form onSubmit={submit} noValidate role="search" aria-label="Filter staff accounts">
      <Select
        key={`organisation${filterKey}`}
        id="organisation"
        label="Organisation"
        options={withPrompt('All organisations', organisationOptions(organisations))}
        defaultValue={filter.organisationId}
      />
      <TextInput
        key={`name${filterKey}`}
        id="name"
        label="Name or email address"
        hint="All or part of it, for example smith"
        width={20}
        autoComplete="off"
        spellCheck={false}
        defaultValue={filter.text}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Filter accounts
      </button>
    </form>
  );
}
