import type { HuddleSeriesView } from '@kith/core';
import { useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, todayIso } from '../../format';
import { useSession, type Staff } from '../auth/session';
import { SectionProblem } from '../people/SectionProblem';
import { seriesIcsUrl, useSeries, useSeriesCalendar } from './api';
import { CalendarTable } from './CalendarTable';
import { CancelMeetingForm } from './CancelMeetingForm';
import { ChangeSeriesForm } from './ChangeSeriesForm';
import { partText, rhythmText, scopeText } from './labels';
import type { SeriesCreatedState } from './SetUpSeriesForm';

/** The calendar reaches back this far, so the last meetings' records are a click away. */
const DAYS_BACK = 28;
const MEETINGS_LISTED = 12;

/** The day some whole days before an ISO date, read without time zones. */
export function daysBefore(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

/**
 * One huddle: its details, its recent and coming meetings (each a step from its agenda or its
 * record), cancelling a meeting (its chair), and changing the huddle (its chair or a network lead).
 */
export function SeriesPage() {
  const { id = '' } = useParams();
  const series = useSeries(id);
  const me = useSession().data?.staff ?? undefined;
  const created = (useLocation().state as SeriesCreatedState | null)?.created;
  const feedback = useFeedback(created);
  const notFound = isApiError(series.error, 404) || isApiError(series.error, 400);
  usePageTitle(series.data ? series.data.name : notFound ? 'Huddle not found' : 'Huddle', feedback.errors.length > 0);
  return (
    <>
      <BackLink to="/huddles">Back to huddles</BackLink>
      {feedback.notice && <SuccessBanner key={feedback.notice.at} message={feedback.notice.message} />}
      <ErrorSummary errors={feedback.errors} />
      {series.isPending && <Loading what="the huddle" />}
      {series.isError && (
        <>
          <h1>{notFound ? 'Huddle not found' : 'Huddle'}</h1>
          <SectionProblem error={series.error} />
        </>
      )}
      {series.data && <Series series={series.data} me={me} feedback={feedback} />}
    </>
  );
}

function Series({ series, me, feedback }: { series: HuddleSeriesView; me: Staff | undefined; feedback: ReturnType<typeof useFeedback> }) {
  const today = todayIso();
  const calendar = useSeriesCalendar(series.id, daysBefore(today, DAYS_BACK), MEETINGS_LISTED);
  const { errors, succeeded, failed } = feedback;
  const past = (calendar.data ?? []).filter((meeting) => meeting.date < today);
  const coming = (calendar.data ?? []).filter((meeting) => meeting.date >= today);
  const part = partText(series, me?.id);
  return (
    <>
      <h1>
        <span className="nhsuk-caption-l">Huddle</span>
        {series.name}
      </h1>
      <SummaryList
        rows={[
          { key: 'Whose', value: scopeText(series) },
          { key: 'When', value: rhythmText(series) },
          { key: 'Where', value: series.place },
          { key: 'First meeting', value: formatDate(series.firstMeetingOn) },
          { key: 'Chair', value: series.chair.name },
          { key: 'Standing members', value: <Members series={series} /> },
          ...(part ? [{ key: 'You', value: part }] : []),
          {
            key: 'Calendar file',
            value: (
              <a href={seriesIcsUrl(series.id)} download="huddle.ics">
                Download the calendar of this huddle (ICS file)
              </a>
            ),
          },
        ]}
      />
      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">Meetings</h2>
        {calendar.isPending && <Loading what="the meetings" />}
        {calendar.isError && <SectionProblem error={calendar.error} />}
        {calendar.data && (
          <>
            <h3>Coming up</h3>
            {coming.length > 0 ? <CalendarTable caption="Meetings coming up" meetings={coming} showSeries={false} /> : <p>No meetings are coming up.</p>}
            {past.length > 0 && (
              <>
                <h3>In the last {DAYS_BACK / 7} weeks</h3>
                <CalendarTable caption="Recent meetings" meetings={past} showSeries={false} />
              </>
            )}
          </>
        )}
      </section>
      {me && series.chair.staffId === me.id && (
        <CancelMeetingForm seriesId={series.id} meetings={coming.filter((meeting) => meeting.state === 'scheduled')} errors={errors} succeeded={succeeded} failed={failed} />
      )}
      {series.mayChange && <ChangeSeriesForm key={series.version} series={series} me={me} errors={errors} succeeded={succeeded} failed={failed} />}
    </>
  );
}

function Members({ series }: { series: HuddleSeriesView }) {
  if (series.standingMembers.length === 0) return <>None</>;
  return (
    <ul className="nhsuk-list">
      {series.standingMembers.map((member) => (
        <li key={member.staffId}>{member.name}</li>
      ))}
    </ul>
  );
}

