import type { CaseloadRow } from '@kith/core';
import { Link } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../format';
import { SectionProblem } from '../people/SectionProblem';
import { useCaseload } from './api';
import { nextVisitText, planReviewText, weekText } from './episode-words';

const TITLE = 'My caseload';
const COLUMNS = ['Person', 'Support', 'Week', 'Next visit', 'Overdue actions', 'Plan review'] as const;

/**
 * The people the signed-in member of staff is named coordinator for who have an open episode,
 * in the server's order: those most in need first, and within that anyone with no visit booked.
 */
export function CaseloadPage() {
  const caseload = useCaseload();
  usePageTitle(TITLE);
  return (
    <>
      <h1>{TITLE}</h1>
      <p>People you are the named coordinator for who have an open support episode. Those most in need come first: an overdue plan review or action, then support past its planned length, then no visit booked.</p>
      {caseload.isPending && <Loading what="your caseload" />}
      {caseload.isError && <SectionProblem error={caseload.error} />}
      {caseload.data &&
        (caseload.data.rows.length === 0 ? (
          <p>There is no one on your caseload: you are not the named coordinator for anyone with an open support episode.</p>
        ) : (
          <>
            <h2 aria-live="polite">{caseload.data.rows.length === 1 ? '1 person' : `${caseload.data.rows.length} people`}</h2>
            <CaseloadTable today={caseload.data.today} rows={caseload.data.rows} />
          </>
        ))}
    </>
  );
}

function CaseloadTable({ today, rows }: { today: string; rows: CaseloadRow[] }) {
  return (
    <ResponsiveTable caption={`My caseload on ${formatDate(today)}, most in need first`} columns={COLUMNS}>
      {rows.map((row) => (
        <TableRow key={row.episodeId}>
          <TableCell column="Person">
            <Link to={`/people/${encodeURIComponent(row.personId)}/support`}>{row.personName}</Link>
            {row.flags.length > 0 && (
              <>
                <br />
                <strong className="nhsuk-body-s">{row.flags.join('. ')}</strong>
              </>
            )}
          </TableCell>
          <TableCell column="Support">
            {row.typeLabel}
            {row.status !== 'active' ? ` (${row.statusLabel.toLowerCase()})` : ''}
          </TableCell>
          <TableCell column="Week">{row.week?.overrun ? <strong>{weekText(row.week, row.statusLabel)}</strong> : weekText(row.week, row.statusLabel)}</TableCell>
          <TableCell column="Next visit">{row.nextVisitAt ? nextVisitText(row.nextVisitAt) : <strong>None booked</strong>}</TableCell>
          <TableCell column="Overdue actions">{row.overdueActions > 0 ? <strong>{row.overdueActions}</strong> : 'None'}</TableCell>
          <TableCell column="Plan review">{row.planReview.state === 'overdue' ? <strong>{planReviewText(row.planReview)}</strong> : planReviewText(row.planReview)}</TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}
