import { useState } from 'react';
import type { FormError } from './ErrorSummary';

/** How a form on a page reports back: a success notice, or the problems to put right. */
export interface Feedback {
  succeeded: (message: string) => void;
  failed: (errors: FormError[]) => void;
}

/**
 * One notice or one set of errors at a time, whichever form was used last. `at` keys the
 * banner, so the same message twice is announced twice.
 */
export function useFeedback(initialNotice?: string) {
  const [notice, setNotice] = useState(initialNotice ? { message: initialNotice, at: 0 } : undefined);
  const [errors, setErrors] = useState<FormError[]>([]);
  const feedback: Feedback = {
    succeeded: (message) => {
      setErrors([]);
      setNotice({ message, at: Date.now() });
    },
    failed: (found) => {
      setNotice(undefined);
      setErrors(found);
    },
  };
  return { notice, errors, ...feedback };
}
