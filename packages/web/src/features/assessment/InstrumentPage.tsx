import { INSTRUMENTS, isInstrumentCode, type InstrumentDefinition, type InstrumentResultView } from '@kith/core';
import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { formErrors } from '../../api/form-errors';
import { BackLink } from '../../components/BackLink';
import { SuccessBanner } from '../../components/NotificationBanner';
import { ErrorMessage, ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { fullName } from '../people/labels';
import { usePersonId, usePersonOutlet } from '../people/record';
import { useRecordInstrument } from './instrument-api';
import { CHECKLIST_NAME, entryFieldId, episodeMomentOf, instrumentFieldIds, questionFieldId, readInstrumentForm, type EpisodeMoment } from './instrument-answers';
import { InstrumentResultPanel } from './instrument-result';

/**
 * One standard instrument completed with the person, drawn from core's catalogue so the form
 * offers only answers the scorer accepts; measuring a support episode's start or end when the
 * page is opened from that episode. Once saved, the score and anything it means must happen.
 */
export function InstrumentPage() {
  const personId = usePersonId();
  const { person } = usePersonOutlet();
  const code = useParams().code ?? '';
  const measures = episodeMomentOf(useSearchParams()[0]);
  const definition = isInstrumentCode(code) ? INSTRUMENTS[code] : undefined;
  const { notice, errors, succeeded, failed } = useFeedback();
  const [saved, setSaved] = useState<InstrumentResultView>();
  usePageTitle(`${definition?.shortTitle ?? 'Standard measure'} – ${fullName(person)}`, errors.length > 0);
  const back = measures
    ? { to: `/people/${encodeURIComponent(personId)}/support`, text: 'Back to support and visits' }
    : { to: `/people/${encodeURIComponent(personId)}/assessment`, text: 'Back to the assessment' };
  if (!definition) {
    return (
      <section aria-labelledby="instrument-heading">
        <BackLink to={back.to}>{back.text}</BackLink>
        <h2 id="instrument-heading">No such measure</h2>
        <p>Kith has no standard measure called “{code}”. Choose one from the assessment.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="instrument-heading">
      <BackLink to={back.to}>{back.text}</BackLink>
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      <h2 id="instrument-heading">{definition.title}</h2>
      {measures?.moment && <p className="nhsuk-body-l">This measures the {measures.moment} of a support episode.</p>}
      {saved ? (
        <InstrumentResultPanel saved={saved} back={back} />
      ) : (
        <InstrumentForm
          personId={personId}
          definition={definition}
          measures={measures}
          errors={errors}
          failed={failed}
          onSaved={(result) => {
            setSaved(result);
            succeeded(`The ${definition.shortTitle} is saved and scored.`);
          }}
        />
      )}
    </section>
  );
}

interface InstrumentFormProps {
  personId: string;
  definition: InstrumentDefinition;
  measures: EpisodeMoment | undefined;
  errors: FormError[];
  failed: (errors: FormError[]) => void;
  onSaved: (saved: InstrumentResultView) => void;
}

function InstrumentForm({ personId, definition, measures, errors, failed, onSaved }: InstrumentFormProps) {
  const record = useRecordInstrument(personId);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const read = readInstrumentForm(definition, new FormData(event.currentTarget));
    if (!read.answers) return failed(read.problems);
    record.mutate(
      { instrument: definition.code, answers: read.answers, ...measures },
      { onSuccess: onSaved, onError: (error) => failed(formErrors(error, instrumentFieldIds(definition, read.answers))) },
    );
  }
  return (
    <>
      <p>{definition.instructions}</p>
      <AboutInstrument definition={definition} />
      <form onSubmit={submit} noValidate>
        {definition.kind === 'questions' ? (
          definition.items.map((item, index) => (
            <Radios
              key={item.id}
              id={questionFieldId(item.id)}
              legend={definition.items.length > 1 ? `${index + 1}. ${item.text}` : item.text}
              options={item.options.map((o) => ({ value: String(o.value), text: o.label, hint: o.description }))}
              inline={item.options.length > 5 && item.options.every((o) => o.label.length <= 16)}
              error={errorFor(errors, questionFieldId(item.id))}
            />
          ))
        ) : (
          <Checklist definition={definition} errors={errors} />
        )}
        <button className="nhsuk-button" type="submit" disabled={record.isPending}>
          Save and score
        </button>
      </form>
    </>
  );
}

/** Where the instrument comes from and on what terms it is used; paraphrased items say so. */
function AboutInstrument({ definition }: { definition: InstrumentDefinition }) {
  return (
    <div className="nhsuk-inset-text kith-instrument-about">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>Source: {definition.source}</p>
      <p>Licence: {definition.licence}</p>
      {definition.wording === 'paraphrased' && (
        <p>The items here are short descriptions, not the owner’s wording: ask them in the words of your service’s licensed copy. The scoring is the same.</p>
      )}
    </div>
  );
}

function Checklist({ definition, errors }: { definition: Extract<InstrumentDefinition, { kind: 'checklist' }>; errors: FormError[] }) {
  const first = definition.entries[0];
  const error = errors.find((e) => e.fieldId?.startsWith('instrument-entry-'))?.message ?? (first ? errorFor(errors, entryFieldId(first.id)) : undefined);
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? 'instrument-entries-hint instrument-entries-error' : 'instrument-entries-hint'}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Deficits present</legend>
        <div className="nhsuk-hint" id="instrument-entries-hint">
          Tick each one the person has. Leave all unticked if none is present.
        </div>
        {error && <ErrorMessage id="instrument-entries-error">{error}</ErrorMessage>}
        <div className="nhsuk-checkboxes">
          {definition.entries.map((entry) => (
            <div className="nhsuk-checkboxes__item" key={entry.id}>
              <input className="nhsuk-checkboxes__input" id={entryFieldId(entry.id)} name={CHECKLIST_NAME} type="checkbox" value={entry.id} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={entryFieldId(entry.id)}>
                {entry.text}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
