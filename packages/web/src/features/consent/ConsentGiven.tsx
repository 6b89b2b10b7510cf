import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Checkbox } from '../../components/Checkbox';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { METHOD_OPTIONS } from './labels';

/** The answers, when a form holds them in its state. */
export interface ConsentAnswer {
  given: boolean;
  how: string;
}

interface ConsentGivenProps {
  ids: { given: string; how: string };
  /** What they agree to, as the box says it: "They agree to …". */
  label: string;
  hint?: string;
  howHint?: string;
  errors: FormError[];
  /** Held by the form; left out, the browser holds the answers and the form reads them on submit. */
  held?: ConsentAnswer & { onChange: (answer: ConsentAnswer) => void };
}

/**
 * The person's agreement to something done with their details (shared with a service, kept with
 * their record), and how they gave it: asked the same way wherever it is needed.
 */
export function ConsentGiven({ ids, label, hint, howHint, errors, held }: ConsentGivenProps) {
  return (
    <>
      <Checkbox
        id={ids.given}
        label={label}
        hint={hint}
        {...(held ? { checked: held.given, onChange: (given: boolean) => held.onChange({ given, how: held.how }) } : {})}
        error={errorFor(errors, ids.given)}
      />
      <ChoiceGroup
        id={ids.how}
        type="radio"
        legend="How they agreed"
        hint={howHint}
        choices={METHOD_OPTIONS}
        {...(held ? { chosen: [held.how], onChange: (how: string) => held.onChange({ given: held.given, how }) } : {})}
        error={errorFor(errors, ids.how)}
      />
    </>
  );
}
