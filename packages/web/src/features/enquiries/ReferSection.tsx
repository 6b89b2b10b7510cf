import { ChoiceGroup } from '../../components/ChoiceGroup';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { ConsentGiven } from '../consent/ConsentGiven';
import { IDS, NO_REFERRAL, withReferral, type EnquiryFormState, type ReferableService } from './form';

type Referral = Pick<EnquiryFormState, 'referredTo' | 'referralConsent' | 'referralConsentHow'>;

interface ReferSectionProps {
  /** The services that take referrals directly among those found so far. */
  referable: readonly ReferableService[];
  referral: Referral;
  onChange: (referral: Referral) => void;
  errors: FormError[];
}

/**
 * Refers the person on to one service that takes referrals directly, found with "Find" above.
 * A referral sends their details to the service, so choosing one asks for their consent.
 */
export function ReferSection({ referable, referral, onChange, errors }: ReferSectionProps) {
  const choices = [
    { value: NO_REFERRAL, text: 'Do not refer' },
    ...referable.map((service) => ({ value: service.id, text: service.name, ...(service.how ? { hint: service.how } : {}) })),
  ];

  return (
    <section aria-labelledby="enquiry-refer-heading">
      <h2 className="nhsuk-heading-m" id="enquiry-refer-heading">
        Refer to a service (optional)
      </h2>
      <ChoiceGroup
        id={IDS.referTo}
        type="radio"
        legend="Refer to"
        hint="Services found above that take referrals directly are listed here. A referral sends the person’s details to the service."
        choices={choices}
        chosen={[referral.referredTo?.id ?? NO_REFERRAL]}
        onChange={(id) => onChange(withReferral(referral, referable.find((service) => service.id === id) ?? null))}
        revealFor={(id) =>
          id !== NO_REFERRAL && (
            <ConsentGiven
              ids={{ given: IDS.referConsent, how: IDS.referHow }}
              label="They agree to their details being shared with the service"
              errors={errors}
              held={{
                given: referral.referralConsent,
                how: referral.referralConsentHow,
                onChange: ({ given, how }) => onChange({ ...referral, referralConsent: given, referralConsentHow: how }),
              }}
            />
          )
        }
        error={errorFor(errors, IDS.referTo)}
      />
    </section>
  );
}
