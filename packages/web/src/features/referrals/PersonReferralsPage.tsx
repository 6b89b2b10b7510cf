import { defaultReferralSource, type ReferralCreate, type ReferralSource } from '@kith/core';
import { type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { formErrors } from '../../api/form-errors';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import { type Feedback, useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../auth/session';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import type { PersonRecord } from '../people/types';
import { mayRefer } from './access';
import { usePersonReferrals, useRefer } from './api';
import { SOURCE_OPTIONS } from './labels';
import { ReferralsTable } from './ReferralsTable';

const FIELDS = { source: 'referral-source', reason: 'referral-reason', networkId: 'referral-reason', personId: 'referral-reason' };

/** The person's referrals, newest first, and a form to refer them to their practice's network. */
export function PersonReferralsPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const referrals = usePersonReferrals(id);
  const staff = useSession().data?.staff;
  const { notice, errors, ...feedback } = useFeedback();
  usePageTitle(sectionTitle('referrals', fullName(person)), errors.length > 0);
  const caseFindingReasons = useCaseFindingReasons();
  const hasOpen = referrals.data?.some((r) => ['received', 'triaged', 'accepted', 'active'].includes(r.status));
  return (
    <section aria-labelledby="referrals-heading">
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      <h2 id="referrals-heading">Referrals</h2>
      {referrals.isPending && <Loading what="referrals" />}
      {referrals.isError && <SectionProblem error={referrals.error} />}
      {referrals.data &&
        (referrals.data.length > 0 ? (
          <ReferralsTable caption={`Referrals of ${fullName(person)}`} referrals={referrals.data} showNetwork />
        ) : (
          <p>{fullName(person)} has not been referred to a network.</p>
        ))}
      {referrals.data && !hasOpen && mayRefer(staff) && (
        <ReferForm
          person={person}
          defaultSource={caseFindingReasons ? 'case_finding' : defaultReferralSource((staff?.roles ?? []).map((g) => g.role))}
          caseFindingReasons={caseFindingReasons}
          errors={errors}
          {...feedback}
        />
      )}
    </section>
  );
}

/** The reasons the case-finding list found, when its "Refer" link opened this page. */
function useCaseFindingReasons(): string | undefined {
  const state: unknown = useLocation().state;
  const reasons = state && typeof state === 'object' && 'caseFindingReasons' in state ? state.caseFindingReasons : undefined;
  return typeof reasons === 'string' && reasons.trim() ? reasons : undefined;
}

interface ReferFormProps extends Feedback {
  person: PersonRecord;
  defaultSource: ReferralSource;
  caseFindingReasons?: string;
  errors: FormError[];
}

function ReferForm({ person, defaultSource, caseFindingReasons, errors, succeeded, failed }: ReferFormProps) {
  const refer = useRefer(person.id);
  const network = person.practice?.network;
  if (!network) {
    return <p>{fullName(person)} has no registered practice, so there is no network to refer them to.</p>;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (refer.isPending || !network) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '').trim();
    if (!reason) return failed([{ fieldId: FIELDS.reason, message: 'Say why the person is referred' }]);
    const input: ReferralCreate = { personId: person.id, networkId: network.id, source: String(data.get('source')) as ReferralSource, reason, caseFindingReasons };
    refer.mutate(input, {
      onSuccess: () => {
        form.reset();
        succeeded(`${fullName(person)} is referred to the ${network.name}.`);
      },
      onError: (error) => failed(formErrors(error, FIELDS)),
    });
  }

  return (
    <section aria-labelledby="refer-heading">
      <h3 id="refer-heading">Refer to the network</h3>
      <p>The {network.name} will triage the referral. You will see its progress and outcome under "Referrals I made".</p>
      {caseFindingReasons && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Case-finding found: {caseFindingReasons}. These reasons go with the referral.</p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <Select id={FIELDS.source} name="source" label="Who is referring?" options={SOURCE_OPTIONS} defaultValue={defaultSource} error={errorFor(errors, FIELDS.source)} />
        <Textarea
          id={FIELDS.reason}
          name="reason"
          label="Why are you referring them?"
          hint="What has changed, and what you hope the network can do"
          rows={4}
          error={errorFor(errors, FIELDS.reason)}
        />
        <button className="nhsuk-button" type="submit">
          Refer to the network
        </button>
      </form>
    </section>
  );
}
