import { SOCIAL_PRESCRIBING_NEED_LABELS, SOCIAL_PRESCRIBING_NEEDS, SOCIAL_PRESCRIPTION_MAX_NEEDS } from '@kith/core';
import { useState, type FormEvent } from 'react';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { classes } from '../../components/classes';
import { ErrorMessage, errorFor, type FormError } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from '../../components/useFeedback';
import { ConsentGiven } from '../consent/ConsentGiven';
import type { DirectorySearchAnswer } from '../directory/types';
import { radiusWords } from '../directory/words';
import { useFindServices, usePrescribe } from './api';
import {
  HOME_RADIUS_CHOICES,
  HOME_RADIUS_DEFAULT,
  NEW_IDS,
  SEARCH_FIELD_IDS,
  kindOptions,
  kindStillOpen,
  newFieldIds,
  problemsOf,
  readNewPrescription,
  readServiceSearch,
  type ServiceSearch,
} from './forms';
import { foundText, savedText, serviceDetails, serviceLabel } from './words';

interface PrescribeFormProps extends Feedback {
  personId: string;
  name: string;
  errors: FormError[];
}

const NEED_CHOICES = SOCIAL_PRESCRIBING_NEEDS.map((need) => ({ value: need, text: SOCIAL_PRESCRIBING_NEED_LABELS[need] }));
const RADIUS_OPTIONS = HOME_RADIUS_CHOICES.map((metres) => ({ value: String(metres), text: `Within ${radiusWords(metres)}` }));

/**
 * Refers or signposts the person to a service: first find it in the directory (near their home
 * if asked), then choose it and say what matters to them, their needs, the support offered and
 * whether they agree to their details being shared. A service that takes no referrals can only
 * be signposted to.
 */
export function PrescribeForm({ personId, name, errors, succeeded, failed }: PrescribeFormProps) {
  const find = useFindServices(personId);
  const prescribe = usePrescribe(personId);
  const [found, setFound] = useState<{ search: ServiceSearch; answer: DirectorySearchAnswer }>();
  const [nearHome, setNearHome] = useState(false);
  const [serviceId, setServiceId] = useState('');
  const [kind, setKind] = useState('');
  const items = found?.answer.items ?? [];
  const chosen = items.find((item) => item.id === serviceId);
  // A service problem links to the results when there are some to choose from, else to the search.
  const serviceFieldId = items.length > 0 ? NEW_IDS.service : NEW_IDS.searchText;

  function chooseService(id: string, from = items) {
    const service = from.find((item) => item.id === id);
    setServiceId(service ? id : '');
    setKind((was) => kindStillOpen(was, service));
  }

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (find.isPending) return;
    const search = readServiceSearch(new FormData(event.currentTarget));
    find.mutate(search, {
      onSuccess: (answer) => {
        setFound({ search, answer });
        // The service chosen stays chosen while the new results still hold it.
        chooseService(serviceId, answer.items);
        if (errors.length > 0) failed([]);
      },
      onError: (error) => failed(problemsOf(error, SEARCH_FIELD_IDS)),
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (prescribe.isPending) return;
    const form = event.currentTarget;
    const read = readNewPrescription(new FormData(form), chosen, serviceFieldId);
    if (!read.value) return failed(read.problems);
    prescribe.mutate(read.value, {
      onSuccess: (view) => {
        form.reset();
        setServiceId('');
        setKind('');
        setFound(undefined);
        succeeded(savedText(view));
      },
      // Refused, the form keeps everything typed and chosen, to put right and send again.
      onError: (error) => failed(problemsOf(error, newFieldIds(serviceFieldId))),
    });
  }

  const nearError = errorFor(errors, NEW_IDS.near);
  return (
    <section aria-labelledby="sp-new-heading">
      <h3 id="sp-new-heading">Refer or signpost</h3>
      <p>Find a service in the directory for {name}, then choose it and say why it could help them.</p>

      <form onSubmit={submitSearch} noValidate>
        <TextInput
          id={NEW_IDS.searchText}
          label="Find a service in the directory"
          hint="For example, lunch club, walking group or benefits advice"
          width={30}
          error={errorFor(errors, NEW_IDS.searchText)}
        />
        <div className={classes('nhsuk-form-group', nearError && 'nhsuk-form-group--error')}>
          {nearError && <ErrorMessage id={`${NEW_IDS.near}-error`}>{nearError}</ErrorMessage>}
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id={NEW_IDS.near}
                name={NEW_IDS.near}
                type="checkbox"
                value="yes"
                checked={nearHome}
                onChange={(event) => setNearHome(event.target.checked)}
                aria-describedby={[`${NEW_IDS.near}-hint`, nearError && `${NEW_IDS.near}-error`].filter(Boolean).join(' ')}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={NEW_IDS.near}>
                Near their home
              </label>
              <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${NEW_IDS.near}-hint`}>
                Measured from the postcode on their record
              </div>
            </div>
            {nearHome && (
              <div className="nhsuk-checkboxes__conditional">
                <Select
                  id={NEW_IDS.radius}
                  label="Distance from their home"
                  options={RADIUS_OPTIONS}
                  defaultValue={String(HOME_RADIUS_DEFAULT)}
                  error={errorFor(errors, NEW_IDS.radius)}
                />
              </div>
            )}
          </div>
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Find services
        </button>
      </form>

      <div role="status">
        {find.isPending ? <p>Searching the directory…</p> : found && <p>{foundText(items.length, found.answer.total, found.search.nearHome)}</p>}
      </div>

      <form onSubmit={submit} noValidate>
        {items.length > 0 ? (
          <ChoiceGroup
            id={NEW_IDS.service}
            legend="Service"
            choices={items.map((item) => ({ value: item.id, text: serviceLabel(item), hint: serviceDetails(item) }))}
            chosen={[serviceId]}
            onChange={(id) => chooseService(id)}
            error={errorFor(errors, NEW_IDS.service)}
          />
        ) : (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>Find services above, then choose one here.</p>
          </div>
        )}
        <ChoiceGroup
          id={NEW_IDS.kind}
          legend="Refer or signpost"
          choices={kindOptions(chosen)}
          chosen={[kind]}
          onChange={(value) => setKind(value)}
          error={errorFor(errors, NEW_IDS.kind)}
        />
        <Textarea
          id={NEW_IDS.whatMatters}
          label="What matters to them, in their words"
          hint="Write it as they said it"
          rows={3}
          error={errorFor(errors, NEW_IDS.whatMatters)}
        />
        <ChoiceGroup
          id={NEW_IDS.needs}
          type="checkbox"
          legend="Needs"
          hint={`What they need support with. Choose up to ${SOCIAL_PRESCRIPTION_MAX_NEEDS}.`}
          choices={NEED_CHOICES}
          error={errorFor(errors, NEW_IDS.needs)}
        />
        <Textarea
          id={NEW_IDS.supportOffered}
          label="Support offered"
          hint="What the service will do for them"
          rows={3}
          error={errorFor(errors, NEW_IDS.supportOffered)}
        />
        <ConsentGiven
          ids={{ given: NEW_IDS.consent, how: NEW_IDS.how }}
          label="They agree to their details being shared with the provider"
          hint="Needed for a referral"
          howHint="Only if they agreed"
          errors={errors}
        />
        <Textarea id={NEW_IDS.note} label="Note (optional)" rows={2} error={errorFor(errors, NEW_IDS.note)} />
        <button className="nhsuk-button" type="submit">
          Save
        </button>
      </form>
    </section>
  );
}
