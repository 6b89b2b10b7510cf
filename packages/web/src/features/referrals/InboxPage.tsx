import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { Select } from '../../components/Select';
import { usePageTitle } from '../../components/usePageTitle';
import { SectionProblem } from '../people/SectionProblem';
import { type InboxFilter, useInbox, useReferralNetworks } from './api';
import { SOURCE_OPTIONS, STATE_OPTIONS } from './labels';
import { ReferralsTable } from './ReferralsTable';

const TITLE = 'Referrals';

/**
 * The network's referral inbox, for its members. Filters live in the URL and apply when the
 * form is sent (WCAG 3.2.2); open referrals are shown until another state is chosen.
 */
export function InboxPage() {
  const networks = useReferralNetworks();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const mine = networks.data ?? [];
  const networkId = params.get('network') ?? mine[0]?.id ?? '';
  const filter: InboxFilter = {
    networkId,
    state: params.get('state') ?? 'open',
    source: (params.get('source') ?? '') as InboxFilter['source'],
    overdue: params.get('overdue') === 'true' ? 'true' : '',
  };
  const inbox = useInbox(filter);
  usePageTitle(TITLE);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['network', 'state', 'source', 'overdue']) {
      const value = String(form.get(key) ?? '');
      if (value) next.set(key, value);
    }
    void navigate(`/referrals?${next.toString()}`);
  }

  const network = mine.find((n) => n.id === networkId);
  const key = params.toString();
  return (
    <>
      <h1>{TITLE}</h1>
      {networks.isPending && <Loading what="your networks" />}
      {networks.isError && <ServiceProblem />}
      {networks.data && mine.length === 0 && <p>You are not a member of a network, so there is no referral inbox for you.</p>}
      {network && (
        <>
          <p className="nhsuk-body-l">Referrals to the {network.name}.</p>
          <form onSubmit={submit} noValidate role="search" aria-label="Filter referrals">
            {mine.length > 1 && (
              <Select key={`network${key}`} id="network" label="Network" options={mine.map((n) => ({ value: n.id, text: n.name }))} defaultValue={networkId} />
            )}
            {mine.length === 1 && <input type="hidden" name="network" value={networkId} />}
            <Select key={`state${key}`} id="state" label="State" options={STATE_OPTIONS} defaultValue={filter.state} />
            <Select
              key={`source${key}`}
              id="source"
              label="Referred by"
              options={[{ value: '', text: 'Any source' }, ...SOURCE_OPTIONS]}
              defaultValue={filter.source}
            />
            <Select
              key={`overdue${key}`}
              id="overdue"
              label="First contact"
              options={[
                { value: '', text: 'Any' },
                { value: 'true', text: 'Overdue only' },
              ]}
              defaultValue={filter.overdue}
            />
            <button className="nhsuk-button nhsuk-button--secondary" type="submit">
              Filter referrals
            </button>
          </form>
          {inbox.isPending && <Loading what="referrals" />}
          {inbox.isError && <SectionProblem error={inbox.error} />}
          {inbox.data && (
            <>
              <h2 aria-live="polite">
                {inbox.data.length === 1 ? '1 referral' : `${inbox.data.length} referrals`}
              </h2>
              {inbox.data.length > 0 ? (
                <ReferralsTable caption={`Referrals to the ${network.name}`} referrals={inbox.data} />
              ) : (
                <p>No referrals match these filters.</p>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}
