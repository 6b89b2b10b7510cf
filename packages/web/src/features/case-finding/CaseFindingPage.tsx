import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { Select, type SelectOption } from '../../components/Select';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatNhsNumber } from '../../format';
import { useSession } from '../auth/session';
import { SectionProblem } from '../people/SectionProblem';
import { mayEditRules } from '../referral-rules/access';
import { type CaseFindingList, type CaseFindingView, exportUrl, useCaseFindingList, useNetworks, useRecompute } from './api';

const TITLE = 'Case-finding';
const COLUMNS = ['Person', 'Date of birth', 'GP practice', 'Score', 'Reasons', 'Action'] as const;

/** What a "Refer" link hands the person's referral form: the reasons the rule found. */
export interface CaseFindingReferralState {
  caseFindingReasons: string;
}

/**
 * People who meet the referral rule and are not yet open to their network, ranked, with the
 * reasons. The user's own practice by default, or a network; the choice lives in the URL and
 * applies when the form is sent (WCAG 3.2.2).
 */
export function CaseFindingPage() {
  const staff = useSession().data?.staff;
  const networks = useNetworks();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  usePageTitle(TITLE);

  const all = networks.data ?? [];
  const practices = all.flatMap((n) => n.practices);
  const myPractice = practices.find((p) => staff?.roles.some((g) => g.organisationId === p.id));
  const chosen = params.get('view') ?? (myPractice ? `practice:${myPractice.id}` : all[0] ? `network:${all[0].id}` : '');
  const view = networks.data ? viewOf(chosen) : undefined;
  const list = useCaseFindingList(view);
  const recompute = useRecompute();

  function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('view') ?? '');
    void navigate(`/case-finding?${new URLSearchParams({ view: value }).toString()}`);
  }

  const options: SelectOption[] = [
    ...(myPractice ? [{ value: `practice:${myPractice.id}`, text: `My practice: ${myPractice.name}` }] : []),
    ...all.map((n) => ({ value: `network:${n.id}`, text: n.name })),
  ];

  return (
    <>
      {recompute.isSuccess && <SuccessBanner key={recompute.submittedAt} message="The list is recomputed from the records as they are now." />}
      <h1>{TITLE}</h1>
      <p>People who meet the referral rule and have no open referral to their network, highest score first.</p>
      {mayEditRules(staff) && (
        <p>
          <Link to="/case-finding/rules">Case-finding rules</Link>
        </p>
      )}
      {networks.isPending && <Loading what="networks" />}
      {networks.isError && <ServiceProblem />}
      {networks.data && (
        <form onSubmit={choose} noValidate>
          <Select key={chosen} id="view" label="Whose list" options={options} defaultValue={chosen} />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Show list
          </button>
        </form>
      )}
      {list.isPending && view && <Loading what="the list" />}
      {list.isError && <SectionProblem error={list.error} />}
      {list.data && view && (
        <ListSection
          list={list.data}
          view={view}
          where={options.find((o) => o.value === chosen)?.text ?? 'All practices'}
          onRecompute={() => {
            if (!recompute.isPending) recompute.mutate(list.data.rule.id);
          }}
          recomputing={recompute.isPending}
          recomputeFailed={recompute.isError ? recompute.error : undefined}
        />
      )}
    </>
  );
}

/** "practice:<id>" or "network:<id>"; anything else is the whole list the reader may see. */
function viewOf(value: string): CaseFindingView {
  const [kind, id] = value.split(':');
  if (kind === 'practice' && id) return { practiceId: id };
  if (kind === 'network' && id) return { networkId: id };
  return {};
}

interface ListSectionProps {
  list: CaseFindingList;
  view: CaseFindingView;
  where: string;
  onRecompute: () => void;
  recomputing: boolean;
  recomputeFailed: unknown;
}

function ListSection({ list, view, where, onRecompute, recomputing, recomputeFailed }: ListSectionProps) {
  const count = list.people.length;
  return (
    <section aria-labelledby="case-finding-list">
      <h2 id="case-finding-list">{where}</h2>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Rule</dt>
          <dd className="nhsuk-summary-list__value">
            {list.rule.name} (version {list.rule.version})
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">As of</dt>
          <dd className="nhsuk-summary-list__value">{list.asOf ? formatDate(list.asOf) : 'Not computed for anyone on this list yet'}</dd>
        </div>
      </dl>
      {recomputeFailed !== undefined && <SectionProblem error={recomputeFailed} />}
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onRecompute} aria-disabled={recomputing}>
        Recompute now
      </button>
      <h3 aria-live="polite">{count === 1 ? '1 person' : `${count} people`}</h3>
      {count > 0 ? (
        <ResponsiveTable caption={`People who meet the rule: ${where}`} columns={COLUMNS}>
          {list.people.map((person) => (
            <PersonRow key={person.personId} person={person} />
          ))}
        </ResponsiveTable>
      ) : (
        <p>Nobody meets the rule.</p>
      )}
      {list.notShown > 0 && (
        <p>
          {list.notShown === 1 ? '1 more person meets' : `${list.notShown} more people meet`} the rule at other practices; their GPs see
          them.
        </p>
      )}
      <p>
        <a href={exportUrl(view)} download>
          Download as CSV
        </a>
      </p>
    </section>
  );
}

function PersonRow({ person }: { person: CaseFindingList['people'][number] }) {
  const state: CaseFindingReferralState = { caseFindingReasons: person.reasons };
  return (
    <TableRow>
      <TableCell column="Person">
        <Link to={`/people/${encodeURIComponent(person.personId)}`}>{person.name}</Link>{' '}
        <span className="nhsuk-u-secondary-text-colour">NHS number {formatNhsNumber(person.nhsNumber)}</span>
      </TableCell>
      <TableCell column="Date of birth">{formatDate(person.dateOfBirth)}</TableCell>
      <TableCell column="GP practice">{person.practiceName ?? 'Not registered'}</TableCell>
      <TableCell column="Score">{person.score}</TableCell>
      <TableCell column="Reasons">{person.reasons}</TableCell>
      <TableCell column="Action">
        <Link to={`/people/${encodeURIComponent(person.personId)}/referrals`} state={state}>
          Refer<span className="nhsuk-u-visually-hidden"> {person.name}</span>
        </Link>
      </TableCell>
    </TableRow>
  );
}
