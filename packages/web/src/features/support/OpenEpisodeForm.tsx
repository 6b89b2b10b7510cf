import { EPISODE_TYPE_LABELS, EPISODE_WEEKS, type EpisodeType, type ReferralView } from '@kith/core';
import type { FormEvent } from 'react';
import { DateInput } from '../../components/DateInput';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from '../../components/useFeedback';
import { formatDate, todayIso } from '../../format';
import { usePersonReferrals } from '../referrals/api';
import { statusText } from '../referrals/labels';
import { dateErrorOf } from '../tasks/due-date';
import { useOpenEpisode } from './api';
import { useEpisodeProblems } from './episode-problems';
import { NEW_EPISODE_FIELD_IDS, NEW_EPISODE_IDS as IDS, readNewEpisode } from './episode-forms';

interface OpenEpisodeFormProps extends Feedback {
  personId: string;
  /** The types with no episode open: a person has at most one open episode of each. */
  types: EpisodeType[];
  errors: FormError[];
}

/** "North network, received 3 June 2026 (Accepted)". */
const referralText = (referral: ReferralView) =>
  `${referral.networkName}, received ${formatDate(todayIso(new Date(referral.receivedAt)))} (${statusText(referral)})`;

/** Starts a support episode: waiting to start, or active from a start date already past. */
export function OpenEpisodeForm({ personId, types, errors, succeeded, failed }: OpenEpisodeFormProps) {
  const open = useOpenEpisode(personId);
  const problemsOf = useEpisodeProblems(personId);
  // A reader who may not see the person's referrals can still start an episode from none.
  const referrals = usePersonReferrals(personId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (open.isPending) return;
    const form = event.currentTarget;
    const read = readNewEpisode(new FormData(form), todayIso());
    if (!read.value) return failed(read.problems);
    open.mutate(read.value, {
      onSuccess: (episode) => {
        form.reset();
        succeeded(episode.status === 'waiting' ? `${episode.typeLabel} is open, waiting to start.` : `${episode.typeLabel} has started.`);
      },
      onError: (error) => failed(problemsOf(error, NEW_EPISODE_FIELD_IDS)),
    });
  }

  const startError = dateErrorOf(errors, IDS.start);
  const referralOptions = [
    { value: '', text: 'Not from a referral' },
    ...(referrals.data ?? []).map((referral) => ({ value: referral.id, text: referralText(referral) })),
  ];
  return (
    <section aria-labelledby="new-episode-heading">
      <h3 id="new-episode-heading">Start a support episode</h3>
      <form onSubmit={submit} noValidate>
        <Radios
          id={IDS.type}
          legend="Type of support"
          options={types.map((type) => ({ value: type, text: EPISODE_TYPE_LABELS[type] }))}
          defaultValue={types.length === 1 ? types[0] : undefined}
          error={errorFor(errors, IDS.type)}
        />
        <Select id={IDS.referral} label="Referral it came from" hint="The referral that asked for this support, if there was one" options={referralOptions} defaultValue="" error={errorFor(errors, IDS.referral)} />
        <TextInput id={IDS.weeks} label="Planned length in weeks" hint="Usually 12 weeks; from 1 to 52" inputMode="numeric" width={3} defaultValue={String(EPISODE_WEEKS.default)} error={errorFor(errors, IDS.weeks)} />
        <DateInput
          id={IDS.start}
          legend="Start date (optional)"
          hint="Leave empty if the person is waiting to start. For example, 2 6 2026"
          defaultValue={{ day: '', month: '', year: '' }}
          error={startError?.message}
          errorParts={startError?.dateParts}
        />
        <button className="nhsuk-button" type="submit">
          Start episode
        </button>
      </form>
    </section>
  );
}
