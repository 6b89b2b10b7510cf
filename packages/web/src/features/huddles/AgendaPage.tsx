import { MEETING_STATE_LABELS, meetingTitle, objectionsNotice, type HuddleAgendaView, type HuddleSeriesView } from '@kith/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime } from '../../format';
import { useSession, type Staff } from '../auth/session';
import { whenText } from '../huddle-meetings/labels';
import { SectionProblem } from '../people/SectionProblem';
import { BuildAgenda, OpenMeeting } from './AgendaControls';
import { AgendaItems } from './AgendaItems';
import { useAgenda, useSeries } from './api';
import { seriesHref } from './labels';
import { ManualItemForm } from './ManualItemForm';

/**
 * One meeting's agenda, before the meeting: build or refresh it, put it in order and set the time
 * for each person (the chair, standing members and network leads), add a person by hand with an
 * SBAR, then open the meeting.
 */
export function AgendaPage() {
  const { id = '', date = '' } = useParams();
  const series = useSeries(id);
  const agenda = useAgenda(id, date);
  const me = useSession().data?.staff ?? undefined;
  const feedback = useFeedback();
  const title = series.data ? meetingTitle(series.data.name, date) : 'Huddle agenda';
  const seriesMissing = isApiError(series.error, 404) || isApiError(series.error, 400);
  usePageTitle(seriesMissing ? 'Huddle not found' : `Agenda – ${title}`, feedback.errors.length > 0);
  return (
    <>
      <BackLink to={series.data ? seriesHref(id) : '/huddles'}>{series.data ? `Back to ${series.data.name}` : 'Back to huddles'}</BackLink>
      {feedback.notice && <SuccessBanner key={feedback.notice.at} message={feedback.notice.message} />}
      <ErrorSummary errors={feedback.errors} />
      {series.isPending && <Loading what="the agenda" />}
      {series.isError && (
        <>
          <h1>{seriesMissing ? 'Huddle not found' : 'Huddle agenda'}</h1>
          <SectionProblem error={series.error} />
        </>
      )}
      {series.data && (
        <>
          <h1>
            <span className="nhsuk-caption-l">Agenda</span>
            {title}
          </h1>
          <Agenda series={series.data} date={date} agenda={agenda} me={me} feedback={feedback} />
        </>
      )}
    </>
  );
}

interface AgendaProps {
  series: HuddleSeriesView;
  date: string;
  agenda: ReturnType<typeof useAgenda>;
  me: Staff | undefined;
  feedback: ReturnType<typeof useFeedback>;
}

function Agenda({ series, date, agenda, me, feedback }: AgendaProps) {
  const { errors, succeeded, failed } = feedback;
  const [status, setStatus] = useState('');
  const notBuilt = isApiError(agenda.error, 404);
  const wrongDay = isApiError(agenda.error, 400) ? agenda.error : undefined;
  if (agenda.isPending) return <Loading what="the agenda" />;
  if (wrongDay) return <Inset text={wrongDay.problem.errors?.[0]?.reason ?? wrongDay.problem.detail ?? wrongDay.problem.title} />;
  if (agenda.isError && !notBuilt) return <SectionProblem error={agenda.error} />;
  const view = agenda.data;
  const open = !view || view.meeting.state === 'scheduled' || view.meeting.state === 'in_progress';
  const arranger = Boolean(me && (series.mayChange || series.chair.staffId === me.id || series.standingMembers.some((m) => m.staffId === me.id)));
  return (
    <>
      <Facts series={series} date={date} agenda={view} />
      {view && me?.id === series.chair.staffId && view.objectionsWithheld > 0 && <Inset text={`${objectionsNotice(view.objectionsWithheld)}: they object to being discussed at MDT meetings. Only you, as chair, see this count.`} />}
      {view && view.notShown > 0 && (
        <Inset text={`${view.notShown === 1 ? '1 person on this agenda is' : `${view.notShown} people on this agenda are`} not shown to you: you have no relationship with them that opens their huddle notes.`} />
      )}
      <div className="kith-button-row">
        {open && <BuildAgenda seriesId={series.id} date={date} agenda={view} succeeded={succeeded} failed={failed} />}
        {view && <OpenMeeting agenda={view} failed={failed} />}
      </div>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{view ? `People on the agenda (${view.items.length})` : 'People on the agenda'}</h2>
        <p className="kith-capture-status" role="status">
          {status}
        </p>
        {!view && <p>No agenda has been built for this meeting yet.</p>}
        {view && view.items.length === 0 && <p>No one is on the agenda.</p>}
        {view && view.items.length > 0 && <AgendaItems agenda={view} arrange={arranger && open} errors={errors} failed={failed} said={setStatus} />}
      </section>
      {open && <ManualItemForm seriesId={series.id} date={date} errors={errors} succeeded={succeeded} failed={failed} />}
    </>
  );
}

function Facts({ series, date, agenda }: { series: HuddleSeriesView; date: string; agenda: HuddleAgendaView | undefined }) {
  const meeting = agenda?.meeting;
  return (
    <SummaryList
      rows={[
        { key: 'When', value: meeting ? whenText(meeting) : `${formatDate(date)}, ${series.startTime}` },
        { key: 'Where', value: series.place },
        { key: 'Chair', value: series.chair.name },
        { key: 'State', value: MEETING_STATE_LABELS[meeting?.state ?? 'scheduled'] },
        { key: 'Agenda', value: meeting?.agendaBuiltAt ? `Built ${formatDateTime(meeting.agendaBuiltAt)}` : 'Not built yet' },
        ...(agenda ? [{ key: 'Since the last meeting', value: `${formatDate(agenda.window.from)} to ${formatDate(agenda.window.to)}` }] : []),
        ...(agenda ? [{ key: 'Time set aside', value: `${agenda.plannedMinutes} of ${series.durationMinutes} minutes` }] : []),
      ]}
    />
  );
}

function Inset({ text }: { text: string }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{text}</p>
    </div>
  );
}
