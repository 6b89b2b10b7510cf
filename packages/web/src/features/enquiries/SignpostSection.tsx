import { WEEKDAY_LABELS, WEEKDAYS } from '@kith/core';
import { useRef } from 'react';
import { isApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { hasFilters, type DirectorySearch } from '../directory/search';
import type { useServiceSearch } from './api';
import { IDS, withService, type ChosenService } from './form';
import { foundWords, serviceHint } from './words';

const DAY_OPTIONS = [{ value: '', text: 'Any day' }, ...WEEKDAYS.map((day) => ({ value: day, text: WEEKDAY_LABELS[day] }))];

interface SignpostSectionProps {
  /** The search last sent with "Find", and what it found. */
  search: DirectorySearch | undefined;
  found: ReturnType<typeof useServiceSearch>;
  signposted: ChosenService[];
  onChange: (signposted: ChosenService[]) => void;
  errors: FormError[];
}

/**
 * Finds services in the directory and ticks those the person was told about. The search inputs
 * and "Find" belong to a form of their own (the `form` attribute), so Enter in them searches
 * rather than logging the enquiry. What is ticked stays chosen through later searches.
 */
export function SignpostSection({ search, found, signposted, onChange, errors }: SignpostSectionProps) {
  const chosenHeading = useRef<HTMLHeadingElement>(null);
  const items = foundItems(found);
  const chosenIds = signposted.map((service) => service.id);

  function remove(service: ChosenService) {
    onChange(withService(signposted, service, false));
    // The button pressed has gone: the list's heading is where the volunteer carries on from.
    chosenHeading.current?.focus();
  }

  return (
    <section aria-labelledby="enquiry-signpost-heading">
      <h2 className="nhsuk-heading-m" id="enquiry-signpost-heading">
        Signpost to a service
      </h2>
      <p>Optional. Find services in the directory, then tick each one you told them about.</p>
      <TextInput
        id={IDS.findText}
        form={IDS.findForm}
        label="Find a service"
        hint="For example, lunch club or benefits advice"
        width={30}
        autoComplete="off"
        error={errorFor(errors, IDS.findText)}
      />
      <Select id={IDS.findDay} form={IDS.findForm} label="Day" options={DAY_OPTIONS} defaultValue="" error={errorFor(errors, IDS.findDay)} />
      <TextInput
        id={IDS.findPostcode}
        form={IDS.findForm}
        label="Near postcode"
        hint="For example, CR0 1NX"
        width={10}
        autoComplete="off"
        spellCheck={false}
        error={errorFor(errors, IDS.findPostcode)}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" form={IDS.findForm}>
        Find
      </button>

      {/* Always present, so screen readers hear what each search found. */}
      <p className="nhsuk-body" role="status">
        {statusOf(search, found)}
      </p>

      {items.length > 0 && (
        <ChoiceGroup
          id={IDS.services}
          type="checkbox"
          legend="Services found"
          hint="Tick each service you signposted them to"
          choices={items.map((item) => ({
            value: item.id,
            text: item.name,
            hint: [...(item.organisation ? [item.organisation] : []), ...serviceHint(item)],
          }))}
          chosen={chosenIds}
          onChange={(id, ticked) => {
            const item = items.find((one) => one.id === id);
            if (item) onChange(withService(signposted, item, ticked));
          }}
          error={errorFor(errors, IDS.services)}
        />
      )}

      <h3 className="nhsuk-heading-s kith-focus-target" id={IDS.chosen} tabIndex={-1} ref={chosenHeading}>
        Services to signpost to
      </h3>
      {signposted.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {signposted.map((service) => (
            <li key={service.id} className="kith-button-row">
              <span className="nhsuk-u-padding-top-2">{service.name}</span>
              <button
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2"
                type="button"
                onClick={() => remove(service)}
              >
                Remove<span className="nhsuk-u-visually-hidden"> {service.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The services to tick: those found by the last search, kept on screen while the next runs; none after a failed one. */
export function foundItems(found: ReturnType<typeof useServiceSearch>) {
  return found.isError ? [] : (found.data?.items ?? []);
}

function statusOf(search: DirectorySearch | undefined, found: ReturnType<typeof useServiceSearch>): string {
  if (!search) return '';
  if (found.isFetching) return 'Searching the directory…';
  if (found.isError) return isApiError(found.error, 400) ? 'Change the search to find services' : SERVICE_PROBLEM;
  return found.data ? foundWords(found.data, hasFilters(search)) : '';
}
