import { CONSENT_KIND_LABELS, type ConsentRecord } from '@kith/core';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { NotRecorded } from '../../components/SummaryList';
import { formatDateTime } from '../../format';
import { DECISION_LABELS, METHOD_LABELS } from './labels';

const COLUMNS = ['When', 'Consent for', 'Decision', 'How', 'Recorded by', 'Note'] as const;

/** Every decision, as recorded: who, when and how (security.md, "Consent"). */
export function ConsentHistory({ history }: { history: ConsentRecord[] }) {
  return (
    <ResponsiveTable caption="Consent history" columns={COLUMNS}>
      {history.map((record) => (
        <TableRow key={record.id}>
          <TableCell column="When">{formatDateTime(record.recordedAt)}</TableCell>
          <TableCell column="Consent for">{CONSENT_KIND_LABELS[record.kind]}</TableCell>
          <TableCell column="Decision">{DECISION_LABELS[record.state]}</TableCell>
          <TableCell column="How">{METHOD_LABELS[record.method]}</TableCell>
          <TableCell column="Recorded by">{record.recordedBy?.name ?? <NotRecorded />}</TableCell>
          <TableCell column="Note">{record.note ?? ''}</TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}
