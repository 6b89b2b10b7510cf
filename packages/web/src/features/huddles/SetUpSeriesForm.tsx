import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { formErrors } from '../../api/form-errors';
import { errorFor } from '../../components/ErrorSummary';
import { Loading } from '../../components/ServiceProblem';
import type { Feedback } from '../../components/useFeedback';
import type { Staff } from '../auth/session';
import { SectionProblem } from '../people/SectionProblem';
import { useCreateSeries } from './api';
import { seriesHref } from './labels';
import { useScopeOptions } from './scopes';
import { SeriesFields } from './SeriesFields';
import { seriesApiFields, seriesFieldIds, seriesInputOf, type SeriesFormError } from './series-form';
import { SeriesStaffFinder, useSeriesStaff } from './SeriesStaff';

const IDS = seriesFieldIds('series');
const FINDER_ID = 'series-find-staff';

/** What the series page says when it opens on a huddle just set up. */
export interface SeriesCreatedState {
  created?: string;
}

interface SetUpProps extends Pick<Feedback, 'failed'> {
  me: Staff | undefined;
  errors: SeriesFormError[];
}

/** Sets up a practice's or network's huddle, then opens its page. */
export function SetUpSeriesForm({ me, errors, failed }: SetUpProps) {
  const create = useCreateSeries();
  const navigate = useNavigate();
  const scopes = useScopeOptions(me);
  const { staff, finder } = useSeriesStaff(me);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const { input, problems } = seriesInputOf(new FormData(event.currentTarget), IDS);
    if (!input) return failed(problems);
    create.mutate(input, {
      onSuccess: (series) => {
        const state: SeriesCreatedState = { created: `The huddle “${series.name}” is set up. Its first meeting is on the calendar below.` };
        void navigate(seriesHref(series.id), { state });
      },
      onError: (error) => failed(formErrors(error, seriesApiFields(IDS, input.standingMemberStaffIds ?? []))),
    });
  }

  return (
    <section aria-labelledby="set-up-heading">
      <h2 id="set-up-heading">Set up a huddle</h2>
      {scopes.isPending && <Loading what="your practices and networks" />}
      {scopes.error && <SectionProblem error={scopes.error} />}
      {!scopes.isPending && !scopes.error && scopes.options.length === 0 && (
        <p>You are not a member of a network, so you cannot set up a huddle. A huddle belongs to a practice or a network.</p>
      )}
      {scopes.options.length > 0 && (
        <>
          <p>A huddle is a confidential meeting of the network's multidisciplinary team, weekly or fortnightly, about the people who most need joined-up care.</p>
          <SeriesStaffFinder
            id={FINDER_ID}
            finder={finder}
            error={errorFor(errors, FINDER_ID)}
            onMissingName={() => failed([{ fieldId: FINDER_ID, message: 'Enter all or part of the name of the member of staff' }])}
          />
          <form onSubmit={submit} noValidate>
            <SeriesFields ids={IDS} errors={errors} defaults={{}} scopes={scopes.options} staff={staff} />
            <button className="nhsuk-button" type="submit">
              Set up the huddle
            </button>
          </form>
        </>
      )}
    </section>
  );
}
