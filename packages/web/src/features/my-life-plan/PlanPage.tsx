import type { MyLifePlanContent } from '@kith/core';
import { Link, useLocation } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, todayIso } from '../../format';
import { fullName } from '../people/labels';
import type { PersonRecord } from '../people/types';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { AgreementPanel } from './AgreementPanel';
import { planExportUrl, planPath, planPrintUrl, usePlan } from './api';
import { PlanParts } from './PlanParts';
import { agreementInWords, reviewInWords, savedInWords } from './plan-words';
import type { PlanView } from './types';

const REVIEW_TAGS = { overdue: 'nhsuk-tag--red', due_soon: 'nhsuk-tag--yellow', not_due: 'nhsuk-tag--white' } as const;

/** The person's My Life plan as everyone caring for them reads it, printable in large print. */
export function PlanPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const plan = usePlan(id);
  const { notice, errors, ...feedback } = useFeedback(savedNotice(useLocation().state));
  usePageTitle(sectionTitle('plan', fullName(person)), errors.length > 0);
  return (
    <section aria-labelledby="plan-heading" className="kith-plan">
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      <h2 id="plan-heading">My Life plan</h2>
      {plan.isPending && <Loading what="plan" />}
      {plan.isError && <SectionProblem error={plan.error} />}
      {plan.data && plan.data.version === 0 && <NoPlanYet personId={id} person={person} />}
      {plan.data && plan.data.version > 0 && (
        <>
          <PlanStatus view={plan.data} />
          <PlanLinks personId={id} person={person} />
          <PlanParts personId={id} content={plan.data.content as MyLifePlanContent} progress={plan.data.goalProgress} errors={errors} {...feedback} />
          <AgreementPanel personId={id} view={plan.data} errors={errors} {...feedback} />
        </>
      )}
    </section>
  );
}

function savedNotice(state: unknown): string | undefined {
  return state && typeof state === 'object' && 'saved' in state && typeof state.saved === 'string' ? state.saved : undefined;
}

function NoPlanYet({ personId, person }: { personId: string; person: PersonRecord }) {
  return (
    <>
      <p className="nhsuk-body-l">No plan yet.</p>
      <p>
        The My Life plan is written with {person.givenName}, in their own words: what matters to them, their goals, who helps them and what to do
        if things go wrong.
      </p>
      <Link className="nhsuk-button" to={planPath(personId, '/edit')}>
        Start the plan
      </Link>
    </>
  );
}

/** Which version this is, when it is due for review and whether the person has agreed to it. */
export function PlanStatus({ view }: { view: PlanView }) {
  const review = view.reviewDate && view.reviewState && (
    <>
      <strong className={`nhsuk-tag ${REVIEW_TAGS[view.reviewState]}`}>{reviewInWords(view.reviewDate, todayIso())}</strong>
      <br />
      Review date: {formatDate(view.reviewDate)}
    </>
  );
  return (
    <SummaryList
      rows={[
        { key: 'Version', value: `Version ${view.version}${view.lastSaved ? `, saved by ${savedInWords(view.lastSaved)}` : ''}` },
        { key: 'Review', value: review },
        { key: 'Agreement', value: view.agreement ? agreementInWords(view.agreement) : 'Not yet agreed to this version' },
      ]}
    />
  );
}

/** Changing the plan, its history, and copies of it; none of which means anything on paper. */
function PlanLinks({ personId, person }: { personId: string; person: PersonRecord }) {
  return (
    <div className="kith-no-print">
      <ul className="nhsuk-list">
        <li>
          <Link to={planPath(personId, '/edit')}>Change the plan</Link>
        </li>
        <li>
          <Link to={planPath(personId, '/versions')}>Versions and changes</Link>
        </li>
      </ul>
      {person.access.breakGlass ? (
        <p>Emergency access does not cover printing or exporting the plan.</p>
      ) : (
        <>
          <p className="nhsuk-u-margin-bottom-2">
            A copy for {person.givenName} to keep, in large print. Downloading a copy is recorded in their record.
          </p>
          <div className="kith-button-row">
            <a className="nhsuk-button nhsuk-button--secondary" href={planPrintUrl(personId)} download draggable={false}>
              Download a large-print copy (PDF)
            </a>
            <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => window.print()}>
              Print this page
            </button>
          </div>
          <p>
            <a href={planExportUrl(personId)} download>
              Export the plan as a file for another system (JSON)
            </a>
          </p>
        </>
      )}
    </div>
  );
}
