import { PLAN_AGREEMENT_METHOD_LABELS, PLAN_AGREEMENT_METHODS, type PlanAgreementMethod } from '@kith/core';
import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { DateInput } from '../../components/DateInput';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import type { Feedback } from '../../components/useFeedback';
import { formatDateTime, todayIso } from '../../format';
import { dayFromParts } from '../audit/audit-search';
import { partsOfDate } from '../people/search-criteria';
import { useRecordAgreement } from './api';
import { agreementInWords, recorderInWords } from './plan-words';
import type { PlanView } from './types';

export const AGREEMENT_IDS = { how: 'agreement-how', date: 'agreement-date', note: 'agreement-note' } as const;

/** Staff record how the person told them; agreeing online is the person's own to record. */
const HOW_OPTIONS = PLAN_AGREEMENT_METHODS.filter((how) => how !== 'portal').map((how) => ({ value: how, text: PLAN_AGREEMENT_METHOD_LABELS[how] }));

interface AgreementPanelProps extends Feedback {
  personId: string;
  view: PlanView;
  errors: FormError[];
}

/** The person's agreement to the current version, or the form to record it. */
export function AgreementPanel({ personId, view, errors, ...feedback }: AgreementPanelProps) {
  const { agreement } = view;
  return (
    <section aria-labelledby="plan-agreement-heading" className="kith-plan__part">
      <h3 id="plan-agreement-heading">The person’s agreement</h3>
      {agreement ? (
        <>
          <p>
            <strong>{agreementInWords(agreement)}</strong> (version {agreement.version}).
          </p>
          {agreement.note && <p className="kith-plan__text">{agreement.note}</p>}
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
            Recorded by {recorderInWords(agreement.recordedBy)} on {formatDateTime(agreement.recordedAt)}
          </p>
        </>
      ) : (
        <>
          <p>The person has not yet agreed to this version of their plan (version {view.version}).</p>
          <AgreementForm personId={personId} version={view.version} errors={errors} {...feedback} />
        </>
      )}
    </section>
  );
}

interface AgreementFormProps extends Feedback {
  personId: string;
  version: number;
  errors: FormError[];
}

function AgreementForm({ personId, version, errors, succeeded, failed }: AgreementFormProps) {
  const record = useRecordAgreement(personId);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const how = text(AGREEMENT_IDS.how);
    const { date, problem } = dayFromParts(
      { day: text(`${AGREEMENT_IDS.date}-day`), month: text(`${AGREEMENT_IDS.date}-month`), year: text(`${AGREEMENT_IDS.date}-year`) },
      'The date they agreed',
    );
    const problems: FormError[] = [];
    if (!how) problems.push({ fieldId: AGREEMENT_IDS.how, message: 'Choose how the person agreed' });
    if (problem) problems.push({ fieldId: `${AGREEMENT_IDS.date}-${problem.parts[0] ?? 'day'}`, message: problem.message });
    else if (!date) problems.push({ fieldId: `${AGREEMENT_IDS.date}-day`, message: 'Enter the date the person agreed' });
    if (problems.length > 0 || !date) return failed(problems);
    const note = text(AGREEMENT_IDS.note);
    record.mutate(
      { version, how: how as PlanAgreementMethod, agreedOn: date, ...(note ? { note } : {}) },
      {
        onSuccess: () => succeeded(`The person’s agreement to version ${version} of their plan is recorded`),
        onError: (error) =>
          failed(formErrors(error, { how: AGREEMENT_IDS.how, agreedOn: `${AGREEMENT_IDS.date}-day`, note: AGREEMENT_IDS.note })),
      },
    );
  };
  return (
    <form className="kith-no-print" onSubmit={onSubmit} noValidate>
      <Radios id={AGREEMENT_IDS.how} legend="How did the person agree to this version?" options={HOW_OPTIONS} error={errorFor(errors, AGREEMENT_IDS.how)} />
      <DateInput
        id={AGREEMENT_IDS.date}
        legend="When did they agree?"
        hint="For example, 3 3 2026"
        defaultValue={partsOfDate(todayIso())}
        error={errors.find((e) => e.fieldId?.startsWith(`${AGREEMENT_IDS.date}-`))?.message}
      />
      <Textarea id={AGREEMENT_IDS.note} label="Note (optional)" hint="For example, who else was there when they agreed" rows={2} maxLength={1000} error={errorFor(errors, AGREEMENT_IDS.note)} />
      <button className="nhsuk-button" type="submit" disabled={record.isPending}>
        Record the person’s agreement
      </button>
    </form>
  );
}
