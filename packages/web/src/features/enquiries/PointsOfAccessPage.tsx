import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { apiRequest } from '../../api/client';
import { SERVICE_PROBLEM } from '../../api/form-errors';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { statisticsPath } from './api';

interface PointOfAccessRow {
  id: string;
  name: string;
  network: string;
  organisation: string;
  safeguardingLead: string;
}

const TITLE = 'Points of access';
const COLUMNS = ['Point of access', 'Network', 'Run by', 'Safeguarding lead'] as const;

/** Every point of access, each leading to its statistics: where network leads and commissioners start. */
export function PointsOfAccessPage() {
  usePageTitle(TITLE);
  const points = useQuery({
    queryKey: ['points-of-access', 'all'],
    queryFn: async ({ signal }) => (await apiRequest<{ pointsOfAccess: PointOfAccessRow[] }>('/points-of-access', { signal })).pointsOfAccess,
  });
  return (
    <>
      <h1>{TITLE}</h1>
      <p>The desks and phone lines where volunteers give advice and signpost people. Choose one to see its enquiries.</p>
      {points.isError && <p>{SERVICE_PROBLEM}</p>}
      {points.isPending && <Loading what="points of access" />}
      {points.data && points.data.length === 0 && <p>No point of access has been set up yet.</p>}
      {points.data && points.data.length > 0 && (
        <ResponsiveTable caption={TITLE} columns={COLUMNS}>
          {points.data.map((point) => (
            <TableRow key={point.id}>
              <TableCell column="Point of access">
                <Link to={statisticsPath(point.id)}>{point.name}</Link>
              </TableCell>
              <TableCell column="Network">{point.network}</TableCell>
              <TableCell column="Run by">{point.organisation}</TableCell>
              <TableCell column="Safeguarding lead">{point.safeguardingLead}</TableCell>
            </TableRow>
          ))}
        </ResponsiveTable>
      )}
    </>
  );
}
