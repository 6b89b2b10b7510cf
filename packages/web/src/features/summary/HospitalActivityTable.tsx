import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { formatDate } from '../../format';
import type { HospitalVisit } from './api';

const COLUMNS = ['Type', 'Emergency', 'From', 'To'] as const;

const CLASS_LABELS: Record<string, string> = {
  inpatient: 'Hospital admission',
  emergency: 'A&E attendance',
  ambulatory: 'Outpatient or day case',
};

/** Newest first, as the API returns them. */
export function HospitalActivityTable({ visits }: { visits: HospitalVisit[] }) {
  return (
    <ResponsiveTable caption="Hospital activity in the last 12 months" columns={COLUMNS}>
      {visits.map((visit, index) => (
        <TableRow key={`${visit.startDate}-${index}`}>
          <TableCell column="Type">{CLASS_LABELS[visit.class] ?? visit.class}</TableCell>
          <TableCell column="Emergency">{visit.emergency || visit.class === 'emergency' ? 'Yes' : 'No'}</TableCell>
          <TableCell column="From">{formatDate(visit.startDate)}</TableCell>
          <TableCell column="To">{visit.endDate ? formatDate(visit.endDate) : 'Still in hospital'}</TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}
