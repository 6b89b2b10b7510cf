import { REFERRAL_SOURCE_LABELS, REFERRAL_STATE_LABELS, type ReferralDetail } from '@kith/core';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatNhsNumber } from '../../format';
import { SectionProblem } from '../people/SectionProblem';
import { useReferral, useReferralNetworks } from './api';
import { firstContactText, statusText } from './labels';
import { MoveForms } from './MoveForms';

/** One referral: what it says, where it has got to, its history, and the moves open to the network's members. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const referral = useReferral(id);
  const networks = useReferralNetworks();
  const { notice, errors, ...feedback } = useFeedback();
  const name = referral.data?.person?.name;
  usePageTitle(name ? `Referral – ${name}` : isApiError(referral.error, 404) ? 'Referral not found' : 'Referral', errors.length > 0);
  const member = Boolean(referral.data && networks.data?.some((n) => n.id === referral.data.networkId));
  return (
    <>
      <BackLink to={member ? '/referrals' : '/referrals-made'}>{member ? 'Back to referrals' : 'Back to referrals I made'}</BackLink>
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      {referral.isPending && <Loading what="referral" />}
      {referral.isError && (
        <>
          <h1>{isApiError(referral.error, 404) ? 'Referral not found' : 'Referral'}</h1>
          <SectionProblem error={referral.error} />
        </>
      )}
      {referral.data && (
        <>
          <h1>
            <span className="nhsuk-caption-l">Referral to the {referral.data.networkName}</span>
            {name ?? 'Referral'}
          </h1>
          <Details referral={referral.data} />
          {member && referral.data.nextStates.length + (referral.data.firstContactAt ? 0 : 1) > 0 && (
            <>
              <h2>What happens next</h2>
              <MoveForms referral={referral.data} errors={errors} {...feedback} />
            </>
          )}
          <History referral={referral.data} />
        </>
      )}
    </>
  );
}

function Details({ referral }: { referral: ReferralDetail }) {
  return (
    <SummaryList
      rows={[
        {
          key: 'Person',
          value: referral.person ? (
            <>
              <Link to={`/people/${encodeURIComponent(referral.personId)}`}>{referral.person.name}</Link> (NHS number{' '}
              {formatNhsNumber(referral.person.nhsNumber)})
            </>
          ) : null,
        },
        { key: 'Status', value: statusText(referral) },
        { key: 'Referred by', value: referral.referredBy ? `${referral.referredBy.name}, ${referral.referredBy.organisationName ?? ''} (${REFERRAL_SOURCE_LABELS[referral.source]})` : REFERRAL_SOURCE_LABELS[referral.source] },
        { key: 'Received', value: formatDateTime(referral.receivedAt) },
        { key: 'Reason', value: referral.reason },
        ...(referral.caseFindingReasons ? [{ key: 'Case-finding reasons', value: referral.caseFindingReasons }] : []),
        { key: 'First contact', value: referral.firstContactAt ? `Made ${formatDateTime(referral.firstContactAt)}` : firstContactText(referral) },
        ...(referral.declineReason ? [{ key: 'Why it was declined', value: referral.declineReason }] : []),
        ...(referral.outcomeNote ? [{ key: 'Outcome note', value: referral.outcomeNote }] : []),
      ]}
    />
  );
}

function History({ referral }: { referral: ReferralDetail }) {
  const columns = ['When', 'What happened', 'Who', 'Note'] as const;
  return (
    <>
      <h2>History</h2>
      <ResponsiveTable caption="History of this referral" columns={columns}>
        {referral.history.map((event, index) => (
          <TableRow key={index}>
            <TableCell column="When">{formatDateTime(event.at)}</TableCell>
            <TableCell column="What happened">
              {event.fromState === null
                ? 'Received'
                : event.fromState === event.toState
                  ? 'First contact recorded'
                  : `${REFERRAL_STATE_LABELS[event.fromState]} to ${REFERRAL_STATE_LABELS[event.toState].toLowerCase()}`}
            </TableCell>
            <TableCell column="Who">{event.staffName ?? 'Kith'}</TableCell>
            <TableCell column="Note">{event.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </ResponsiveTable>
    </>
  );
}
