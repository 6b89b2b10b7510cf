import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import { useUpdateListing } from './api';
import { Checkbox } from '../../components/Checkbox';
import { API_FIELD_IDS, FIELD_IDS, formValuesOf, listingEditOf, staleEditOf, staleMessage, valuesFromForm, type StaleEdit } from './listing-edit';
import { ReferralModeFields } from './ReferralModeFields';
import type { Listing } from './types';

/** The button that discards what was typed for the latest version, which a stale save's message links to. */
export const RELOAD_ID = 'listing-reload';

const CAPACITY_OPTIONS = [
  { value: 'taking_referrals', text: 'Taking referrals' },
  { value: 'waiting_list', text: 'Waiting list' },
  { value: 'full', text: 'Full' },
  { value: '', text: 'Leave as it is' },
];

interface ListingEditFormProps {
  /** The listing as opened; the form reads it once, so a refetch never overwrites what is being typed. */
  listing: Listing;
  errors: FormError[];
  onRefused: (errors: FormError[], stale?: StaleEdit) => void;
  onApplied: () => void;
  onSentForReview: () => void;
}

/** The listing's details, capacity and referral mode as one form; only what changed is sent. */
export function ListingEditForm({ listing, errors, onRefused, onApplied, onSentForReview }: ListingEditFormProps) {
  const update = useUpdateListing(listing.id);
  const start = formValuesOf(listing);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    const reading = listingEditOf(listing, valuesFromForm(new FormData(event.currentTarget)));
    if (!reading.edit) return onRefused(reading.errors);
    update.mutate(reading.edit, {
      onSuccess: (outcome) => (outcome.applied ? onApplied() : onSentForReview()),
      onError: (error) => {
        const stale = staleEditOf(error);
        onRefused(stale ? [{ fieldId: RELOAD_ID, message: staleMessage(stale) }] : formErrors(error, API_FIELD_IDS), stale);
      },
    });
  };

  const error = (fieldId: string) => errorFor(errors, fieldId);
  return (
    <form onSubmit={onSubmit} noValidate>
      <h2>Details</h2>
      <TextInput id={FIELD_IDS.name} label="Name" defaultValue={start.name} autoComplete="off" error={error(FIELD_IDS.name)} />
      <Textarea id={FIELD_IDS.description} label="Description" rows={6} defaultValue={start.description} error={error(FIELD_IDS.description)} />
      <TextInput
        id={FIELD_IDS.phone}
        label="Phone number"
        hint={listing.phones.length > 1 ? 'The first number the listing gives. Its other numbers stay as they are.' : undefined}
        type="tel"
        width={20}
        autoComplete="off"
        defaultValue={start.phone}
        error={error(FIELD_IDS.phone)}
      />
      <TextInput
        id={FIELD_IDS.email}
        label="Email address"
        type="email"
        spellCheck={false}
        autoComplete="off"
        defaultValue={start.email}
        error={error(FIELD_IDS.email)}
      />
      <TextInput
        id={FIELD_IDS.website}
        label="Website"
        hint="Starting https:// or http://"
        type="url"
        spellCheck={false}
        autoComplete="off"
        defaultValue={start.website}
        error={error(FIELD_IDS.website)}
      />
      <TextInput id={FIELD_IDS.minimumAge} label="Youngest age" hint="In years" width={3} inputMode="numeric" defaultValue={start.minimumAge} error={error(FIELD_IDS.minimumAge)} />
      <TextInput id={FIELD_IDS.maximumAge} label="Oldest age" hint="In years" width={3} inputMode="numeric" defaultValue={start.maximumAge} error={error(FIELD_IDS.maximumAge)} />
      <Textarea
        id={FIELD_IDS.eligibility}
        label="Who it is for"
        hint="For example, carers of people living with dementia"
        rows={3}
        defaultValue={start.eligibility}
        error={error(FIELD_IDS.eligibility)}
      />
      <Radios
        id={FIELD_IDS.capacity}
        legend="Capacity"
        hint={`The listing now says “${listing.capacity.words}”. Choose another answer only when the service has told you: it records that they confirmed it today.`}
        options={CAPACITY_OPTIONS}
        defaultValue={start.capacity}
        error={error(FIELD_IDS.capacity)}
      />
      <ReferralModeFields mode={listing.referral.mode} how={start.referralHow} errors={errors} />
      <Checkbox
        id={FIELD_IDS.verified}
        label="I have checked these details with the service today"
        value="true"
        defaultChecked={start.verified}
        error={error(FIELD_IDS.verified)}
      />
      <button className="nhsuk-button" type="submit" disabled={update.isPending}>
        Save changes
      </button>
    </form>
  );
}
