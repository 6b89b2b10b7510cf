import { REFERRAL_SOURCE_LABELS, type ReferralView } from '@kith/core';
import { Link } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { formatDateTime, formatNhsNumber } from '../../format';
import { firstContactText, statusText } from './labels';

const COLUMNS = ['Person', 'Received', 'Source', 'Status', 'First contact'] as const;

/**
 * Referrals as a table; each links to its page. A person whose record is not open to the reader
 * (a finished referral) is listed without their name.
 */
export function ReferralsTable({ caption, referrals, showNetwork }: { caption: string; referrals: ReferralView[]; showNetwork?: boolean }) {
  const columns = showNetwork ? [...COLUMNS, 'Network'] : COLUMNS;
  return (
    <ResponsiveTable caption={caption} columns={columns}>
      {referrals.map((referral) => (
        <TableRow key={referral.id}>
          <TableCell column="Person">
            {referral.person ? (
              <Link to={`/referrals/${encodeURIComponent(referral.id)}`}>
                {referral.person.name}
              </Link>
            ) : (
              'Record not open to you'
            )}
            {referral.person && (
              <>
                {' '}
                <span className="nhsuk-u-secondary-text-colour">NHS number {formatNhsNumber(referral.person.nhsNumber)}</span>
              </>
            )}
          </TableCell>
          <TableCell column="Received">{formatDateTime(referral.receivedAt)}</TableCell>
          <TableCell column="Source">{REFERRAL_SOURCE_LABELS[referral.source]}</TableCell>
          <TableCell column="Status">
            <strong className="nhsuk-tag nhsuk-tag--white">{statusText(referral)}</strong>
          </TableCell>
          <TableCell column="First contact">
            {referral.overdue ? <strong>{firstContactText(referral)}</strong> : firstContactText(referral)}
          </TableCell>
          {showNetwork && <TableCell column="Network">{referral.networkName}</TableCell>}
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}
