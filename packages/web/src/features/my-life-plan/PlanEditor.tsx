import { PLAN_PARTS } from '@kith/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { dateError, type PlanEditing } from './editing';
import { DateInput } from '../../components/DateInput';
import { GoalFields } from './GoalFields';
import { planPath, useSavePlan } from './api';
import { draftFromForm, draftProblems, planFieldId, type PlanFormError } from './plan-draft';
import { formFromPlan } from './plan-form';
import { saveErrors, staleSaveOf, type StaleSave } from './save-errors';
import { SectionFields } from './SectionFields';
import type { PlanView } from './types';

interface PlanEditorProps {
  personId: string;
  personName: string;
  /** The plan as opened; the editor reads it once, so a refetch never overwrites what is being typed. */
  view: PlanView;
  clinicalRole: boolean;
  errors: PlanFormError[];
  onRefused: (errors: PlanFormError[], stale?: StaleSave) => void;
}

/** The whole plan as one form, saved as the next version based on the version opened. */
export function PlanEditor({ personId, personName, view, clinicalRole, errors, onRefused }: PlanEditorProps) {
  const [form, setForm] = useState(() => formFromPlan(view, clinicalRole));
  const [focusId, setFocusId] = useState<string>();
  const save = useSavePlan(personId);
  const navigate = useNavigate();
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const reading = draftFromForm(form, clinicalRole, personName);
    const problems = draftProblems(reading);
    if (problems.length > 0) return onRefused(problems);
    save.mutate(reading.draft, {
      onSuccess: (saved) => navigate(planPath(personId), { state: { saved: savedMessage(saved.version, form.basedOnVersion) } }),
      onError: (error) => {
        const stale = staleSaveOf(error);
        onRefused(stale ? [{ message: staleMessage(stale), fieldId: RELOAD_ID }] : saveErrors(error, reading.fields), stale);
      },
    });
  };

  const editing: PlanEditing = { form, update: setForm, errors, clinicalRole, focus: setFocusId };
  return (
    <form onSubmit={onSubmit} noValidate>
      {PLAN_PARTS.map((part) => {
        if (part === 'goals') return <GoalFields key={part} editing={editing} />;
        if (part === 'reviewDate') return <ReviewDateField key={part} editing={editing} />;
        return <SectionFields key={part} section={part} editing={editing} />;
      })}
      <button id="plan-save" className="nhsuk-button" type="submit" disabled={save.isPending}>
        Save the plan
      </button>
    </form>
  );
}

/** The button that discards the editor's changes for the latest version, which a stale save's message links to. */
export const RELOAD_ID = 'plan-reload';

function staleMessage(stale: StaleSave): string {
  return `Someone else saved a newer version of this plan (version ${stale.currentVersion}) while you were writing, so your changes have not been saved. What you wrote is still below.`;
}

function savedMessage(version: number, basedOn: number): string {
  if (version === basedOn) return 'Nothing had changed, so no new version was saved';
  const saved = basedOn === 0 ? 'The plan is started and saved as version 1' : `The plan is saved as version ${version}`;
  return `${saved}. Record the person’s agreement once they have agreed to it.`;
}

function ReviewDateField({ editing }: { editing: PlanEditing }) {
  const { form, update, errors } = editing;
  const id = planFieldId('reviewDate');
  const error = dateError(errors, id);
  return (
    <div className="kith-plan-edit__part">
      <h3>Review date</h3>
      <DateInput
        id={id}
        legend="When will the plan be looked at again with the person?"
        hint="For example, 15 9 2026. The plan shows as due for review from 14 days before."
        value={form.reviewDate}
        onChange={(reviewDate) => update((f) => ({ ...f, reviewDate }))}
        error={error?.message}
        errorParts={error?.dateParts}
      />
    </div>
  );
}
