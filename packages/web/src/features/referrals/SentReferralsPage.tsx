import { Loading } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { SectionProblem } from '../people/SectionProblem';
import { useSentReferrals } from './api';
import { ReferralsTable } from './ReferralsTable';

const TITLE = 'Referrals I made';

/** The closed loop: every referral the user made, with its state and, once closed, its outcome. */
export function SentReferralsPage() {
  const sent = useSentReferrals();
  usePageTitle(TITLE);
  return (
    <>
      <h1>{TITLE}</h1>
      <p>What happened to each person you referred to a network: its state now and, once closed, the outcome.</p>
      {sent.isPending && <Loading what="your referrals" />}
      {sent.isError && <SectionProblem error={sent.error} />}
      {sent.data &&
        (sent.data.length > 0 ? (
          <ReferralsTable caption={TITLE} referrals={sent.data} showNetwork />
        ) : (
          <p>You have not referred anyone yet. Refer a person from their record.</p>
        ))}
    </>
  );
}
