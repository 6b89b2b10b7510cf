import type { PlanFormError } from './plan-draft';
import type { PlanForm } from './plan-form';

/** What every part of the plan editor is given: the form, how to change it, and the problems to show. */
export interface PlanEditing {
  form: PlanForm;
  update: (change: (form: PlanForm) => PlanForm) => void;
  errors: PlanFormError[];
  clinicalRole: boolean;
  /** Moves focus to an input once it is on the page, such as the one "Add another" made. */
  focus: (fieldId: string) => void;
}

/** The problem with a date input, whichever of its day, month or year it names. */
export function dateError(errors: PlanFormError[], id: string): PlanFormError | undefined {
  return errors.find((error) => error.fieldId?.startsWith(`${id}-`));
}
