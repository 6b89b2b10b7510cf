import {
  namedRolesInWords,
  RESTRICTED_CATEGORIES,
  RESTRICTED_CATEGORY_LABELS,
  type RecordEntryInput,
  type RestrictedCategory,
} from '@kith/core';
import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Select, type SelectOption } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from '../../components/useFeedback';
import { useWriteEntry } from './api';

const FIELDS = { title: 'entry-title', body: 'entry-body', restrictedCategory: 'entry-category' };

const CATEGORY_OPTIONS: SelectOption[] = [
  { value: '', text: 'Not restricted: everyone who may see the record' },
  ...RESTRICTED_CATEGORIES.map((category) => ({
    value: category,
    text: `${capitalise(RESTRICTED_CATEGORY_LABELS[category])}: only ${namedRolesInWords(category)}`,
  })),
];

interface WriteEntryFormProps extends Feedback {
  personId: string;
  errors: FormError[];
}

export function WriteEntryForm({ personId, errors, succeeded, failed }: WriteEntryFormProps) {
  const write = useWriteEntry(personId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (write.isPending) return;
    const form = event.currentTarget;
    const { entry, errors: missing } = entryOf(new FormData(form));
    if (!entry) return failed(missing);
    write.mutate(entry, {
      onSuccess: () => {
        form.reset();
        succeeded(`Entry “${entry.title}” saved.`);
      },
      onError: (error) => failed(formErrors(error, FIELDS)),
    });
  }

  return (
    <section aria-labelledby="write-entry">
      <h3 id="write-entry">Write an entry</h3>
      <form onSubmit={submit} noValidate>
        <TextInput id={FIELDS.title} label="Title" width={30} autoComplete="off" error={errorFor(errors, FIELDS.title)} />
        <Textarea id={FIELDS.body} label="Entry" rows={8} spellCheck error={errorFor(errors, FIELDS.body)} />
        <Select
          id={FIELDS.restrictedCategory}
          label="Restricted category"
          hint="An entry in a restricted category is shown only to the roles named on it, and to you. Others see that it exists."
          options={CATEGORY_OPTIONS}
          defaultValue=""
          error={errorFor(errors, FIELDS.restrictedCategory)}
        />
        <button className="nhsuk-button" type="submit">
          Save entry
        </button>
      </form>
    </section>
  );
}

function entryOf(form: FormData): { entry?: RecordEntryInput; errors: FormError[] } {
  const title = String(form.get(FIELDS.title) ?? '').trim();
  const body = String(form.get(FIELDS.body) ?? '').trim();
  const category = String(form.get(FIELDS.restrictedCategory) ?? '');
  const errors: FormError[] = [];
  if (!title) errors.push({ fieldId: FIELDS.title, message: 'Give the entry a title' });
  if (!body) errors.push({ fieldId: FIELDS.body, message: 'Write the entry' });
  if (errors.length > 0) return { errors };
  const restrictedCategory = (RESTRICTED_CATEGORIES as readonly string[]).includes(category)
    ? (category as RestrictedCategory)
    : null;
  return { entry: { title, body, restrictedCategory }, errors };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
