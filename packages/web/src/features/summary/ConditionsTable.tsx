import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { NotRecorded } from '../../components/SummaryList';
import { formatDate } from '../../format';
import type { Condition } from './api';

const COLUMNS = ['Condition', 'Code', 'Since'] as const;

export function ConditionsTable({ conditions }: { conditions: Condition[] }) {
  return (
    <ResponsiveTable caption="Long-term conditions" columns={COLUMNS}>
      {conditions.map((condition) => (
        <TableRow key={`${condition.codeSystem}|${condition.code}|${condition.onsetDate ?? ''}`}>
          <TableCell column="Condition">{condition.display ?? condition.code}</TableCell>
          <TableCell column="Code">{condition.code}</TableCell>
          <TableCell column="Since">{condition.onsetDate ? formatDate(condition.onsetDate) : <NotRecorded />}</TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}
