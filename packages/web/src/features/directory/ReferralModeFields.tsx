import { Fragment, useState } from 'react';
import { errorFor, ErrorMessage, type FormError } from '../../components/ErrorSummary';
import { classes } from '../../components/classes';
import { Textarea } from '../../components/Textarea';
import { FIELD_IDS } from './listing-edit';
import type { ReferralMode } from './types';

const CHOICES: readonly { value: ReferralMode; text: string; hint: string }[] = [
  { value: 'signpost_only', text: 'Signpost only', hint: 'People contact the service themselves' },
  { value: 'direct_referral', text: 'Takes direct referrals', hint: 'Staff can refer people to it' },
];

const HOW_CONDITIONAL_ID = 'conditional-referralHow';

/**
 * NHS radios with a conditional question: "How to refer" shows under "Takes direct referrals"
 * while it is chosen. Hidden, it keeps what was typed, so choosing it again brings it back.
 */
export function ReferralModeFields({ mode, how, errors }: { mode: ReferralMode; how: string; errors: FormError[] }) {
  const [chosen, setChosen] = useState<ReferralMode>(mode);
  const error = errorFor(errors, FIELD_IDS.referralMode);
  const errorId = error ? `${FIELD_IDS.referralMode}-error` : undefined;
  const itemId = (index: number) => (index === 0 ? FIELD_IDS.referralMode : `${FIELD_IDS.referralMode}-${index + 1}`);
  return (
    <div className={classes('nhsuk-form-group', error && 'nhsuk-form-group--error')}>
      <fieldset className="nhsuk-fieldset" aria-describedby={errorId}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">How people get to it</legend>
        {errorId && error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="nhsuk-radios">
          {CHOICES.map((choice, index) => {
            const direct = choice.value === 'direct_referral';
            return (
              <Fragment key={choice.value}>
                <div className="nhsuk-radios__item">
                  <input
                    className="nhsuk-radios__input"
                    id={itemId(index)}
                    name={FIELD_IDS.referralMode}
                    type="radio"
                    value={choice.value}
                    checked={chosen === choice.value}
                    onChange={() => setChosen(choice.value)}
                    aria-describedby={`${itemId(index)}-item-hint`}
                    aria-controls={direct ? HOW_CONDITIONAL_ID : undefined}
                    aria-expanded={direct ? chosen === choice.value : undefined}
                  />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={itemId(index)}>
                    {choice.text}
                  </label>
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${itemId(index)}-item-hint`}>
                    {choice.hint}
                  </div>
                </div>
                {direct && (
                  <div
                    className={classes('nhsuk-radios__conditional', chosen !== 'direct_referral' && 'nhsuk-radios__conditional--hidden')}
                    id={HOW_CONDITIONAL_ID}
                  >
                    <Textarea
                      id={FIELD_IDS.referralHow}
                      label="How to refer"
                      hint="For example, the email address or phone number to use, or where to find the referral form"
                      rows={3}
                      defaultValue={how}
                      error={errorFor(errors, FIELD_IDS.referralHow)}
                    />
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
