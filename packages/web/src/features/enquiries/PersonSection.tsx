import { ChoiceGroup } from '../../components/ChoiceGroup';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { TextInput } from '../../components/TextInput';
import { ConsentGiven } from '../consent/ConsentGiven';
import type { usePersonSearch } from '../people/api';
import { fullName } from '../people/labels';
import { personHint, personSearchStatus } from '../people/person-finder';
import { IDS, type EnquiryFormState } from './form';

type Linked = Pick<EnquiryFormState, 'personKind' | 'person' | 'personConsent' | 'personConsentHow'>;

interface PersonSectionProps {
  linked: Linked;
  onChange: (linked: Linked) => void;
  /** Whether "Find person" has been pressed, and what it found. */
  searched: boolean;
  found: ReturnType<typeof usePersonSearch>;
  errors: FormError[];
}

const KIND_CHOICES = [
  { value: 'anonymous', text: 'Keep it anonymous' },
  { value: 'linked', text: 'Keep it with their record', hint: 'Only if they ask, and agree' },
];

// Security.md: a volunteer sees only people who agreed to contact from voluntary services.
const NO_ONE =
  'No one found. You can only find people who have agreed to contact from voluntary services: check the NHS number or the name, or keep the enquiry anonymous.';

/**
 * Who the enquiry is for: anonymous unless the person asks for it to be kept with their record,
 * which needs their consent. The search input and "Find person" belong to a form of their own
 * (the `form` attribute), so Enter in it searches rather than logging the enquiry.
 */
export function PersonSection({ linked, onChange, searched, found, errors }: PersonSectionProps) {
  const people = found.data?.items ?? [];

  return (
    <section aria-labelledby="enquiry-person-heading">
      <h2 className="nhsuk-heading-m" id="enquiry-person-heading">
        Who it was for
      </h2>
      <ChoiceGroup
        id={IDS.personKind}
        type="radio"
        legend="Keep the enquiry anonymous?"
        choices={KIND_CHOICES}
        chosen={[linked.personKind]}
        onChange={(kind) => onChange({ ...linked, personKind: kind === 'linked' ? 'linked' : 'anonymous' })}
        revealFor={(kind) =>
          kind === 'linked' && (
            <>
              <TextInput
                id={IDS.personFind}
                form={IDS.personFindForm}
                label="NHS number or name"
                hint="For example, 943 476 5919 or Edna Walsh"
                width={20}
                maxLength={100}
                autoComplete="off"
                spellCheck={false}
                error={errorFor(errors, IDS.personFind)}
              />
              <button className="nhsuk-button nhsuk-button--secondary" type="submit" form={IDS.personFindForm}>
                Find person
              </button>
              {/* Always present, so screen readers hear what each search found. */}
              <p className="nhsuk-body" role="status">
                {personSearchStatus(searched, found, NO_ONE)}
              </p>
              {people.length > 0 && (
                <ChoiceGroup
                  id={IDS.personChosen}
                  type="radio"
                  legend="Who is it?"
                  choices={people.map((person) => ({ value: person.id, text: fullName(person), hint: personHint(person) }))}
                  chosen={linked.person ? [linked.person.id] : []}
                  onChange={(id) => {
                    const person = people.find((one) => one.id === id);
                    if (person) onChange({ ...linked, person: { id: person.id, name: fullName(person) } });
                  }}
                  error={errorFor(errors, IDS.personChosen)}
                />
              )}
              <ConsentGiven
                ids={{ given: IDS.personConsent, how: IDS.personHow }}
                label="They agree to the enquiry being kept with their record"
                errors={errors}
                held={{
                  given: linked.personConsent,
                  how: linked.personConsentHow,
                  onChange: ({ given, how }) => onChange({ ...linked, personConsent: given, personConsentHow: how }),
                }}
              />
            </>
          )
        }
        error={errorFor(errors, IDS.personKind)}
      />
    </section>
  );
}
