import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { DateInput } from '../../components/DateInput';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { todayIso } from '../../format';
import { partsOfDate } from '../people/search-criteria';
import { dateErrorOf, type DateError } from '../tasks/due-date';
import { usePointStatistics } from './api';
import {
  STATS_IDS,
  periodFromParams,
  periodParams,
  readPeriod,
  refusalOf,
  statisticsProblems,
  statisticsRows,
  type Period,
  type StatisticsRow,
} from './statistics';
import type { PointStatistics } from './types';
import { SUPPRESSED_NOTE, anySuppressed, periodWords, shownCountWords, totalWords } from './words';

const FALLBACK_TITLE = 'Enquiries at a point of access';
const REFUSAL_TITLES = { forbidden: 'You do not have access to this page', not_found: 'Point of access not found' } as const;

/**
 * A point of access's enquiries over a period, by topic, outcome and channel, for network leads
 * and commissioners. Counts from 1 to 7 arrive suppressed and are shown as "fewer than 8".
 */
export function PointOfAccessStatisticsPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const period = periodFromParams(params, todayIso());
  const stats = usePointStatistics(id, period);
  const navigate = useNavigate();
  const [formErrors, setFormErrors] = useState<FormError[]>([]);
  const apiErrors = useMemo(() => statisticsProblems(stats.error), [stats.error]);
  const errors = formErrors.length > 0 ? formErrors : apiErrors;
  const name = stats.data?.pointOfAccess;
  const title = name ? `Enquiries at ${name}` : FALLBACK_TITLE;
  const refusal = refusalOf(stats.error);
  usePageTitle(refusal ? REFUSAL_TITLES[refusal] : title, errors.length > 0);

  if (refusal === 'forbidden') {
    return (
      <>
        <h1>{REFUSAL_TITLES.forbidden}</h1>
        <p>Only network leads and commissioners see the statistics of a point of access.</p>
      </>
    );
  }
  if (refusal === 'not_found') {
    return (
      <>
        <h1>{REFUSAL_TITLES.not_found}</h1>
        <p>Check the link: there is no point of access at this address.</p>
      </>
    );
  }

  function show(next: Period) {
    setFormErrors([]);
    navigate({ search: periodParams(next) });
  }

  // Shown only once they answer the period asked, never a previous period's counts under a new heading.
  const answer = stats.isPlaceholderData ? undefined : stats.data;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <PeriodForm key={`${period.from}|${period.to}`} period={period} errors={errors} onShow={show} onInvalid={setFormErrors} />
      {/* Always present, so screen readers hear when the counts for a new period have arrived. */}
      <p className="nhsuk-body-l" role="status">
        {statusOf(stats, answer)}
      </p>
      {!stats.data && !stats.isError && <Loading what="statistics" />}
      {answer && <Statistics stats={answer} />}
    </>
  );
}

function statusOf(stats: ReturnType<typeof usePointStatistics>, answer: PointStatistics | undefined): string {
  if (stats.isError) return apiStatus(stats.error);
  if (!answer) return stats.data ? 'Loading statistics…' : '';
  return `${periodWords(answer.from, answer.to)}: ${totalWords(answer.total)}`;
}

function apiStatus(error: unknown): string {
  return isApiError(error, 400) ? 'Change the dates to see the statistics' : SERVICE_PROBLEM;
}

interface PeriodFormProps {
  /** The period in the URL; the form is remounted when it changes, so it starts from it. */
  period: Period;
  errors: FormError[];
  onShow: (period: Period) => void;
  onInvalid: (errors: FormError[]) => void;
}

function PeriodForm({ period, errors, onShow, onInvalid }: PeriodFormProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readPeriod(new FormData(event.currentTarget));
    if (read.value) onShow(read.value);
    else onInvalid(read.problems);
  }
  const fromError: DateError | undefined = dateErrorOf(errors, STATS_IDS.from);
  const toError: DateError | undefined = dateErrorOf(errors, STATS_IDS.to);
  return (
    <form onSubmit={submit} noValidate aria-label="Period">
      <DateInput
        id={STATS_IDS.from}
        legend="From"
        hint="For example, 1 5 2026"
        defaultValue={partsOfDate(period.from)}
        error={fromError?.message}
        errorParts={fromError?.dateParts}
      />
      <DateInput
        id={STATS_IDS.to}
        legend="To"
        hint="Enquiries logged on this day are included"
        defaultValue={partsOfDate(period.to)}
        error={toError?.message}
        errorParts={toError?.dateParts}
      />
      <button className="nhsuk-button" type="submit">
        Show
      </button>
    </form>
  );
}

function Statistics({ stats }: { stats: PointStatistics }) {
  const rows = statisticsRows(stats);
  const suppressed = anySuppressed(stats.total, stats.byTopic, stats.byOutcome, stats.byChannel);
  return (
    <>
      <CountTable
        heading="By topic"
        column="Topic"
        rows={rows.topics}
        note="An enquiry about more than one topic is counted under each, so these can add up to more than the total."
      />
      <CountTable
        heading="By outcome"
        column="Outcome"
        rows={rows.outcomes}
        note="An enquiry with more than one outcome is counted under each, so these can add up to more than the total."
      />
      <CountTable heading="By channel" column="Channel" rows={rows.channels} total={stats.total} />
      {suppressed && (
        <p className="nhsuk-body-s" id="suppressed-note">
          {SUPPRESSED_NOTE}
        </p>
      )}
    </>
  );
}

interface CountTableProps {
  heading: string;
  column: string;
  rows: StatisticsRow[];
  note?: string;
  /** A last row with the total, where the rows add up to it. */
  total?: StatisticsRow['count'];
}

function CountTable({ heading, column, rows, note, total }: CountTableProps) {
  const columns = [column, 'Enquiries'] as const;
  return (
    <>
      <h2 className="nhsuk-heading-m">{heading}</h2>
      {note && <p className="nhsuk-body-s">{note}</p>}
      <ResponsiveTable caption={`Enquiries ${heading.toLowerCase()}`} columns={columns}>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell column={column}>{row.label}</TableCell>
            <TableCell column="Enquiries">{shownCountWords(row.count)}</TableCell>
          </TableRow>
        ))}
        {total !== undefined && (
          <TableRow>
            <TableCell column={column}>
              <strong>Total</strong>
            </TableCell>
            <TableCell column="Enquiries">
              <strong>{shownCountWords(total)}</strong>
            </TableCell>
          </TableRow>
        )}
      </ResponsiveTable>
    </>
  );
}
