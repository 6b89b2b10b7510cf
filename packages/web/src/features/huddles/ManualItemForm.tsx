import { SBAR_LABELS, SBAR_MAX_LENGTH, type Sbar } from '@kith/core';
import { useState, type FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from '../../components/useFeedback';
import { usePersonSearch } from '../people/api';
import { fullName } from '../people/labels';
import type { PersonSearchCriteria } from '../people/search-criteria';
import { useAddManualItem } from './api';
import { criteriaOf, personHint, personSearchStatus } from '../people/person-finder';

const FIND_ID = 'manual-find';
const PERSON_ID = 'manual-person';
const PARTS = Object.keys(SBAR_LABELS) as Array<keyof Sbar>;
const sbarId = (part: keyof Sbar) => `sbar-${part}`;
const FIELDS: Record<string, string> = { personId: PERSON_ID, sbar: sbarId('situation'), ...Object.fromEntries(PARTS.map((part) => [`sbar.${part}`, sbarId(part)])) };

const QUESTIONS: Record<keyof Sbar, { label: string; hint: string; missing: string }> = {
  situation: { label: 'Situation', hint: 'What is happening now, in a sentence or two', missing: 'Say what is happening now (situation)' },
  background: { label: 'Background', hint: 'What led to this: conditions, recent events, who is involved', missing: 'Give the background' },
  assessment: { label: 'Assessment', hint: 'What you think is going on', missing: 'Give your assessment' },
  recommendation: { label: 'Recommendation', hint: 'What you recommend, or ask of the team', missing: 'Say what you recommend or ask of the team' },
};

interface ManualItemProps extends Feedback {
  seriesId: string;
  date: string;
  errors: FormError[];
}

/**
 * A member adds a person to the agenda by hand, saying why with an SBAR. The person is found
 * first, by NHS number or name, in a search beside the form (forms cannot nest).
 */
export function ManualItemForm({ seriesId, date, errors, succeeded, failed }: ManualItemProps) {
  const add = useAddManualItem(seriesId, date);
  const [criteria, setCriteria] = useState<PersonSearchCriteria>({});
  const searched = Boolean(criteria.name || criteria.nhsNumber);
  const found = usePersonSearch({ criteria, page: 1 }, searched);
  const people = found.data?.items ?? [];

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { criteria: next, problem } = criteriaOf(String(new FormData(event.currentTarget).get(FIND_ID) ?? ''));
    if (problem || !next) return failed([{ fieldId: FIND_ID, message: problem ?? 'Enter the NHS number or name of the person' }]);
    failed([]);
    setCriteria(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const personId = String(data.get(PERSON_ID) ?? '');
    const problems: FormError[] = [];
    if (!personId) problems.push(people.length > 0 ? { fieldId: PERSON_ID, message: 'Choose the person to add' } : { fieldId: FIND_ID, message: 'Find the person to add, by NHS number or name' });
    const sbar = Object.fromEntries(PARTS.map((part) => [part, String(data.get(sbarId(part)) ?? '').trim()])) as Sbar;
    for (const part of PARTS) if (!sbar[part]) problems.push({ fieldId: sbarId(part), message: QUESTIONS[part].missing });
    if (problems.length > 0) return failed(problems);
    const person = people.find((p) => p.id === personId);
    add.mutate(
      { personId, sbar },
      {
        onSuccess: () => {
          form.reset();
          setCriteria({});
          succeeded(`${person ? fullName(person) : 'The person'} is added to the agenda, with your SBAR.`);
        },
        onError: (error) => failed(formErrors(error, FIELDS)),
      },
    );
  }

  return (
    <section aria-labelledby="manual-heading">
      <h2 id="manual-heading">Add a person to the agenda</h2>
      <p>Raise someone the sources have not found, and say why with an SBAR, so the team knows what is asked of it before the meeting.</p>
      <form onSubmit={find} noValidate role="search" aria-label="Find the person to add">
        <TextInput id={FIND_ID} label="NHS number or name" hint="For example, 943 476 5919 or Edna Walsh" width={20} maxLength={100} autoComplete="off" spellCheck={false} error={errorFor(errors, FIND_ID)} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Find the person
        </button>
        <p className="nhsuk-body" role="status">
          {personSearchStatus(searched, found)}
        </p>
      </form>
      <form onSubmit={submit} noValidate>
        {people.length > 0 && (
          <Radios
            key={JSON.stringify(criteria)}
            id={PERSON_ID}
            legend="Who do you want to add?"
            options={people.map((person) => ({ value: person.id, text: fullName(person), hint: personHint(person) }))}
            defaultValue={people.length === 1 ? people[0]!.id : undefined}
            error={errorFor(errors, PERSON_ID)}
          />
        )}
        {PARTS.map((part) => (
          <Textarea key={part} id={sbarId(part)} label={QUESTIONS[part].label} hint={QUESTIONS[part].hint} rows={2} maxLength={SBAR_MAX_LENGTH} error={errorFor(errors, sbarId(part))} />
        ))}
        <button className="nhsuk-button" type="submit">
          Add to the agenda
        </button>
      </form>
    </section>
  );
}
