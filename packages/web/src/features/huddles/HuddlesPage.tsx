import type { HuddleSeriesView } from '@kith/core';
import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading } from '../../components/ServiceProblem';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../auth/session';
import { SectionProblem } from '../people/SectionProblem';
import { MY_CALENDAR_ICS, seriesIcsUrl, useMyCalendar, useSeriesList } from './api';
import { CalendarTable } from './CalendarTable';
import { partText, rhythmText, seriesHref } from './labels';
import { SetUpSeriesForm } from './SetUpSeriesForm';

const TITLE = 'Huddles';

/**
 * The user's huddles: their next meetings across every huddle they chair or sit on (each a step
 * away from its agenda or the meeting), the huddles of their networks, the calendar files, and
 * a form to set up a new huddle.
 */
export function HuddlesPage() {
  const me = useSession().data?.staff ?? undefined;
  const calendar = useMyCalendar();
  const list = useSeriesList();
  const { errors, failed } = useFeedback();
  usePageTitle(TITLE, errors.length > 0);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{TITLE}</h1>
      <section aria-labelledby="next-meetings-heading">
        <h2 id="next-meetings-heading">Your next meetings</h2>
        {calendar.isPending && <Loading what="your meetings" />}
        {calendar.isError && <SectionProblem error={calendar.error} />}
        {calendar.data &&
          (calendar.data.length > 0 ? (
            <CalendarTable caption="Your next huddle meetings" meetings={calendar.data} />
          ) : (
            <p>You do not chair or sit on a huddle yet, so you have no meetings on your calendar.</p>
          ))}
        <p>
          <a href={MY_CALENDAR_ICS} download="my-huddles.ics">
            Download your huddle calendar (ICS file)
          </a>
          <span className="nhsuk-u-secondary-text-colour"> to add every huddle you chair or sit on to Outlook or another calendar. It names no one who is discussed.</span>
        </p>
      </section>
      <section aria-labelledby="network-huddles-heading">
        <h2 id="network-huddles-heading">Huddles in your networks</h2>
        {list.isPending && <Loading what="huddles" />}
        {list.isError && <SectionProblem error={list.error} />}
        {list.data && (list.data.length > 0 ? <SeriesTable series={list.data} me={me?.id} /> : <p>There are no huddles in your networks yet.</p>)}
      </section>
      <SetUpSeriesForm me={me} errors={errors} failed={failed} />
    </>
  );
}

const COLUMNS = ['Huddle', 'When', 'Where', 'Chair', 'Calendar file'] as const;

function SeriesTable({ series, me }: { series: HuddleSeriesView[]; me: string | undefined }) {
  return (
    <ResponsiveTable caption="Huddles in your networks" columns={COLUMNS}>
      {series.map((each) => {
        const part = partText(each, me);
        return (
          <TableRow key={each.id}>
            <TableCell column="Huddle">
              <Link to={seriesHref(each.id)}>{each.name}</Link>
              {part && (
                <>
                  <br />
                  <span className="nhsuk-u-secondary-text-colour">{part}</span>
                </>
              )}
            </TableCell>
            <TableCell column="When">{rhythmText(each)}</TableCell>
            <TableCell column="Where">{each.place}</TableCell>
            <TableCell column="Chair">{each.chair.name}</TableCell>
            <TableCell column="Calendar file">
              <a href={seriesIcsUrl(each.id)} download="huddle.ics">
                Download ICS file<span className="nhsuk-u-visually-hidden"> for {each.name}</span>
              </a>
            </TableCell>
          </TableRow>
        );
      })}
    </ResponsiveTable>
  );
}
