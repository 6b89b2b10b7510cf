import { CONSENT_KIND_LABELS, type ConsentRecordInput } from '@kith/core';
import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import type { Feedback } from '../../components/useFeedback';
import { useRecordConsent } from './api';
import { DECISION_LABELS, DECISION_OPTIONS, KIND_OPTIONS, METHOD_OPTIONS } from './labels';

/** The first radio of each question, where the error summary links to. */
const FIELDS = { kind: 'consent-kind', state: 'consent-state', method: 'consent-method', note: 'consent-note' };

interface RecordConsentFormProps extends Feedback {
  personId: string;
  errors: FormError[];
}

export function RecordConsentForm({ personId, errors, succeeded, failed }: RecordConsentFormProps) {
  const record = useRecordConsent(personId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const form = event.currentTarget;
    const { input, errors: missing } = inputOf(new FormData(form));
    if (!input) return failed(missing);
    record.mutate(input, {
      onSuccess: () => {
        form.reset();
        succeeded(`Recorded: ${CONSENT_KIND_LABELS[input.kind]} – ${DECISION_LABELS[input.state].toLowerCase()}.`);
      },
      onError: (error) => failed(formErrors(error, FIELDS)),
    });
  }

  return (
    <section aria-labelledby="record-consent">
      <h3 id="record-consent">Record a decision</h3>
      <form onSubmit={submit} noValidate>
        <Radios id={FIELDS.kind} name="kind" legend="What is it about?" options={KIND_OPTIONS} error={errorFor(errors, FIELDS.kind)} />
        <Radios
          id={FIELDS.state}
          name="state"
          legend="Has the person given or withdrawn it?"
          options={DECISION_OPTIONS}
          error={errorFor(errors, FIELDS.state)}
        />
        <Radios
          id={FIELDS.method}
          name="method"
          legend="How did they tell you?"
          options={METHOD_OPTIONS}
          error={errorFor(errors, FIELDS.method)}
        />
        <Textarea
          id={FIELDS.note}
          name="note"
          label="Note (optional)"
          hint="For example, who else was there, or where the signed form is kept"
          rows={3}
          error={errorFor(errors, FIELDS.note)}
        />
        <button className="nhsuk-button" type="submit">
          Record decision
        </button>
      </form>
    </section>
  );
}

/** The decision from the form, or what is missing in the order the questions are asked. */
function inputOf(form: FormData): { input?: ConsentRecordInput; errors: FormError[] } {
  const kind = String(form.get('kind') ?? '');
  const state = String(form.get('state') ?? '');
  const method = String(form.get('method') ?? '');
  const note = String(form.get('note') ?? '').trim();
  const errors: FormError[] = [];
  if (!kind) errors.push({ fieldId: FIELDS.kind, message: 'Choose what the decision is about' });
  if (!state) errors.push({ fieldId: FIELDS.state, message: 'Choose given or withdrawn' });
  if (!method) errors.push({ fieldId: FIELDS.method, message: 'Choose how the person told you' });
  if (errors.length > 0) return { errors };
  return { input: { kind, state, method, note: note || undefined } as ConsentRecordInput, errors };
}
