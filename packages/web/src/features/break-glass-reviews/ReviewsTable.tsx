import { STAFF_ROLE_LABELS, type BreakGlassGrantView, type StaffRole } from '@kith/core';
import { Link } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { formatDateTime, formatNhsNumber, formatTime } from '../../format';
import { grantInWords, outcomeLabel } from './labels';

const COLUMNS = ['Person', 'Member of staff', 'Role', 'Organisation', 'Reason', 'When', 'Uses', 'Review'] as const;

export function ReviewsTable({ grants }: { grants: BreakGlassGrantView[] }) {
  return (
    <ResponsiveTable caption="Uses of emergency access, newest first" columns={COLUMNS}>
      {grants.map((grant) => (
        <TableRow key={grant.id}>
          <TableCell column="Person">
            <Link to={`/people/${encodeURIComponent(grant.person.id)}/who-looked`}>
              {grant.person.name}
              <span className="nhsuk-u-visually-hidden">: who has looked at their record</span>
            </Link>
            <br />
            {formatNhsNumber(grant.person.nhsNumber)}
          </TableCell>
          <TableCell column="Member of staff">{grant.staff.name}</TableCell>
          <TableCell column="Role">{STAFF_ROLE_LABELS[grant.role as StaffRole] ?? grant.role}</TableCell>
          <TableCell column="Organisation">{grant.organisationName}</TableCell>
          <TableCell column="Reason">{grant.reason}</TableCell>
          <TableCell column="When">
            {formatDateTime(grant.grantedAt)}, until {formatTime(grant.expiresAt)}
          </TableCell>
          <TableCell column="Uses">{grant.uses}</TableCell>
          <TableCell column="Review">
            {grant.review ? (
              <>
                <strong className="nhsuk-tag nhsuk-tag--grey">{outcomeLabel(grant)}</strong>
                <br />
                by {grant.review.reviewedBy}
              </>
            ) : (
              <Link to={`/emergency-access-reviews/${encodeURIComponent(grant.id)}`}>
                Review<span className="nhsuk-u-visually-hidden"> {grantInWords(grant)}</span>
              </Link>
            )}
          </TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}
