import { BREAK_GLASS_REASON_MAX_LENGTH } from '@kith/core';
import { useState, type FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import { usePageTitle } from '../../components/usePageTitle';
import { WarningCallout } from '../../components/WarningCallout';
import { useBreakGlass } from './api';
import { REFUSED_TITLE } from './access';

const FIELD_ID = 'emergency-reason';

/**
 * Emergency access ("break-glass"): the user says why they need the record now, having been
 * told first that this is recorded, reviewed and visible to the person.
 */
export function EmergencyAccessForm({ personId, onGranted }: { personId: string; onGranted: () => void }) {
  const [errors, setErrors] = useState<FormError[]>([]);
  const breakGlass = useBreakGlass(personId);
  usePageTitle(REFUSED_TITLE, errors.length > 0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (breakGlass.isPending) return;
    const reason = String(new FormData(event.currentTarget).get(FIELD_ID) ?? '').trim();
    if (!reason) return setErrors([{ fieldId: FIELD_ID, message: 'Say why you need to open this record now' }]);
    if (reason.length > BREAK_GLASS_REASON_MAX_LENGTH) {
      return setErrors([
        { fieldId: FIELD_ID, message: `Keep the reason to ${BREAK_GLASS_REASON_MAX_LENGTH} characters or fewer` },
      ]);
    }
    setErrors([]);
    breakGlass.mutate(reason, {
      onSuccess: onGranted,
      onError: (error) => setErrors(formErrors(error, { reason: FIELD_ID })),
    });
  }

  return (
    <section aria-labelledby="emergency-access">
      <ErrorSummary errors={errors} />
      <h2 id="emergency-access">Emergency access</h2>
      <p>If you need to see this record now to care for the person, you can open it with emergency access.</p>
      <WarningCallout heading="Emergency access is recorded" level={3}>
        <p>
          What you give as your reason, and everything you open, is recorded. The privacy officer reviews every
          use of emergency access, and the person can see that you opened their record.
        </p>
      </WarningCallout>
      <form onSubmit={submit} noValidate>
        <Textarea
          id={FIELD_ID}
          label="Why do you need to open this record now?"
          hint="For example, the person has been brought to A&E unconscious and we need their medicines and conditions."
          rows={4}
          spellCheck
          error={errorFor(errors, FIELD_ID)}
        />
        <button className="nhsuk-button nhsuk-button--warning" type="submit">
          Open the record with emergency access
        </button>
      </form>
    </section>
  );
}
