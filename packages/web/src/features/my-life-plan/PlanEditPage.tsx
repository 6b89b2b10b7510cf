import { mayWriteClinicalSections } from '@kith/core';
import { useEffect, useRef, useState } from 'react';
import { formErrors } from '../../api/form-errors';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { WarningCallout } from '../../components/WarningCallout';
import { useSession } from '../auth/session';
import { fullName } from '../people/labels';
import { usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { planPath, usePlan, useReloadPlan } from './api';
import { ChangeList } from './ChangeList';
import type { PlanFormError } from './plan-draft';
import { PlanEditor, RELOAD_ID } from './PlanEditor';
import type { StaleSave } from './save-errors';
import type { PlanView } from './types';

/**
 * The whole plan as one form. The form starts from the plan as it is when the page opens, and
 * keeps what the editor typed through any refusal; only the editor's own choice to reload the
 * latest version replaces it.
 */
export function PlanEditPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const plan = usePlan(id);
  const reload = useReloadPlan(id);
  const clinicalRole = mayWriteClinicalSections(useSession().data?.staff?.roles.map((grant) => grant.role) ?? []);
  const [opened, setOpened] = useState<{ view: PlanView; times: number }>();
  const [errors, setErrors] = useState<PlanFormError[]>([]);
  const [stale, setStale] = useState<StaleSave>();
  const heading = useRef<HTMLHeadingElement>(null);
  // Not from a cache an earlier page left: the form waits for the plan as it is now.
  if (!opened && plan.data && !plan.isFetching) setOpened({ view: plan.data, times: 1 });
  const starting = (opened?.view ?? plan.data)?.version === 0;
  usePageTitle(`${starting ? 'Start' : 'Change'} the My Life plan – ${fullName(person)}`, errors.length > 0);
  useEffect(() => {
    if ((opened?.times ?? 0) > 1) heading.current?.focus();
  }, [opened?.times]);

  const onRefused = (found: PlanFormError[], staleSave?: StaleSave) => {
    setErrors(found);
    setStale(staleSave);
  };
  const onReload = async () => {
    try {
      const view = await reload();
      setOpened((was) => ({ view, times: (was?.times ?? 0) + 1 }));
      onRefused([]);
    } catch (error) {
      onRefused(formErrors(error), stale);
    }
  };

  return (
    <section aria-labelledby="plan-edit-heading" className="kith-plan-edit">
      <BackLink to={planPath(id)}>Back to the plan</BackLink>
      <ErrorSummary errors={errors} />
      {stale && <StaleNotice stale={stale} onReload={onReload} />}
      <h2 id="plan-edit-heading" ref={heading} tabIndex={-1} className="kith-focus-target">
        {starting ? 'Start the plan' : 'Change the plan'}
      </h2>
      {plan.isError && !opened && <SectionProblem error={plan.error} />}
      {!opened && !plan.isError && <Loading what="plan" />}
      {opened && (
        <>
          <p>
            {opened.times > 1 ? 'This is the latest version of the plan. ' : ''}
            Write with {person.givenName}, in their words where you can. Anything you add and leave empty is not saved.
            {opened.view.version > 0 && ` You are changing version ${opened.view.version}.`}
          </p>
          <PlanEditor
            key={opened.times}
            personId={id}
            personName={fullName(person)}
            view={opened.view}
            clinicalRole={clinicalRole}
            errors={errors}
            onRefused={onRefused}
          />
        </>
      )}
    </section>
  );
}

/** Someone else saved first: what they changed, and the choice to start again from their version. */
function StaleNotice({ stale, onReload }: { stale: StaleSave; onReload: () => void }) {
  return (
    <WarningCallout heading={`What changed in the latest version (version ${stale.currentVersion})`}>
      <ChangeList changes={stale.whatChanged} level={3} />
      <p>
        Reloading shows the latest version and discards what you have written here. Copy anything you want to keep first, then add it again after
        reloading.
      </p>
      <button id={RELOAD_ID} className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onReload}>
        Reload the latest version
      </button>
    </WarningCallout>
  );
}
