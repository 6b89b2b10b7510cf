import { PART_OF_DAY_LABELS, PARTS_OF_DAY, WEEKDAY_LABELS, WEEKDAYS } from '@kith/core';
import type { FormEvent } from 'react';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { Checkbox } from '../../components/Checkbox';
import { DEFAULT_RADIUS, RADIUS_CHOICES, searchFromParams, type DirectorySearch } from './search';
import { TypeFilter } from './TypeFilter';
import { radiusWords } from './words';

interface SearchFormProps {
  /** The search in the URL; the form is remounted when it changes, so it starts from it. */
  search: DirectorySearch;
  errors: FormError[];
  onSearch: (search: DirectorySearch) => void;
}

const DAY_OPTIONS = [{ value: '', text: 'Any day' }, ...WEEKDAYS.map((day) => ({ value: day, text: WEEKDAY_LABELS[day] }))];
const PART_OF_DAY_OPTIONS = [{ value: '', text: 'Any time' }, ...PARTS_OF_DAY.map((part) => ({ value: part, text: PART_OF_DAY_LABELS[part] }))];

/** The distances offered, with one from a shared link that is not among them. */
function radiusOptions(current: number | undefined) {
  const choices: number[] = [...RADIUS_CHOICES];
  if (current !== undefined && !choices.includes(current)) choices.push(current);
  return choices.sort((a, b) => a - b).map((metres) => ({ value: String(metres), text: radiusWords(metres) }));
}

/**
 * The search as a GET form: each field is named after the API's query parameter, so what it
 * sends is the page's own query string. The app sends it without a page load.
 */
export function SearchForm({ search, errors, onSearch }: SearchFormProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch({ ...searchFromParams(new FormData(event.currentTarget)), page: 1 });
  }
  return (
    <form method="get" action="/directory" onSubmit={submit} noValidate role="search" aria-label="Find community services and activities">
      <TextInput
        id="text"
        label="Words to search for"
        hint="For example, lunch club or walking group"
        autoComplete="off"
        defaultValue={search.text}
        error={errorFor(errors, 'text')}
      />
      <TypeFilter chosen={search.taxonomy} error={errorFor(errors, 'taxonomy')} />
      <Select id="day" label="Day of the week" options={DAY_OPTIONS} defaultValue={search.day ?? ''} error={errorFor(errors, 'day')} />
      <Radios
        id="partOfDay"
        legend="Part of the day"
        options={PART_OF_DAY_OPTIONS}
        defaultValue={search.partOfDay ?? ''}
        error={errorFor(errors, 'partOfDay')}
      />
      <TextInput
        id="postcode"
        label="Near postcode"
        hint="For example, CR0 1NX"
        width={10}
        autoComplete="off"
        spellCheck={false}
        defaultValue={search.postcode}
        error={errorFor(errors, 'postcode')}
      />
      <Select
        id="radius"
        label="Distance"
        options={radiusOptions(search.radius)}
        defaultValue={String(search.radius ?? DEFAULT_RADIUS)}
        error={errorFor(errors, 'radius')}
      />
      <Checkbox id="freeOnly" label="Free only" value="true" defaultChecked={search.freeOnly} error={errorFor(errors, 'freeOnly')} />
      <button className="nhsuk-button" type="submit">
        Search
      </button>
    </form>
  );
}
