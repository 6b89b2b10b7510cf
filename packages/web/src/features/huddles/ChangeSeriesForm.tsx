import type { HuddleSeriesView } from '@kith/core';
import type { FormEvent } from 'react';
import { errorFor } from '../../components/ErrorSummary';
import type { Feedback } from '../../components/useFeedback';
import type { Staff } from '../auth/session';
import { useChangeSeries } from './api';
import { useScopeOptions } from './scopes';
import { defaultsOf, SeriesFields } from './SeriesFields';
import { scopeValue, seriesApiFields, seriesFieldIds, seriesInputOf, type SeriesFormError } from './series-form';
import { useSeriesProblems } from './series-conflict';
import { SeriesStaffFinder, useSeriesStaff } from './SeriesStaff';

const IDS = seriesFieldIds('change');
const FINDER_ID = 'change-find-staff';

interface ChangeProps extends Feedback {
  series: HuddleSeriesView;
  me: Staff | undefined;
  errors: SeriesFormError[];
}

/**
 * Every detail of the series again, sent with the version read. The page remounts the form at
 * each new version, so after someone else's change (409) it shows theirs.
 */
export function ChangeSeriesForm({ series, me, errors, succeeded, failed }: ChangeProps) {
  const change = useChangeSeries(series.id);
  const problemsOf = useSeriesProblems(series.id);
  const scopes = useScopeOptions(me);
  const current = series.scope === 'practice' ? scopeValue({ kind: 'practice', practiceId: series.practiceId ?? '' }) : scopeValue({ kind: 'network', networkId: series.networkId });
  const currentOption = { value: current, text: series.scope === 'practice' ? (series.practiceName ?? 'This practice') : series.networkName, hint: 'As it is now' };
  const scopeOptions = [currentOption, ...scopes.options.filter((option) => option.value !== current)];
  const { staff, finder } = useSeriesStaff(me, [
    { ...series.chair, note: 'chair now' },
    ...series.standingMembers.map((member) => ({ ...member, note: 'standing member now' })),
  ]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const { input, problems } = seriesInputOf(new FormData(event.currentTarget), IDS);
    if (!input) return failed(problems);
    change.mutate(
      { ...input, durationMinutes: input.durationMinutes ?? series.durationMinutes, standingMemberStaffIds: input.standingMemberStaffIds ?? [], version: series.version },
      {
        onSuccess: (saved) => succeeded(`Your changes to “${saved.name}” are saved.`),
        onError: async (error) => failed(await problemsOf(error, series, seriesApiFields(IDS, input.standingMemberStaffIds ?? []))),
      },
    );
  }

  return (
    <section aria-labelledby="change-heading">
      <h2 id="change-heading">Change the huddle</h2>
      <p>A new time or length moves the meetings still to come; members' calendars follow once they download the calendar file again.</p>
      <SeriesStaffFinder
        id={FINDER_ID}
        finder={finder}
        error={errorFor(errors, FINDER_ID)}
        onMissingName={() => failed([{ fieldId: FINDER_ID, message: 'Enter all or part of the name of the member of staff' }])}
      />
      <form onSubmit={submit} noValidate>
        <SeriesFields ids={IDS} errors={errors} defaults={defaultsOf(series)} scopes={scopeOptions} staff={staff} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Save changes
        </button>
      </form>
    </section>
  );
}
