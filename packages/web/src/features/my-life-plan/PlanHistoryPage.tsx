import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formErrors } from '../../api/form-errors';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading } from '../../components/ServiceProblem';
import { Select } from '../../components/Select';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { fullName } from '../people/labels';
import { usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { planPath, usePlanDiff, usePlanHistory } from './api';
import { ChangeList } from './ChangeList';
import { recorderInWords } from './plan-words';
import type { PlanVersionSummary } from './types';

const COLUMNS = ['Version', 'Saved by', 'Organisation', 'When', 'Agreed by the person'] as const;
const IDS = { from: 'compare-from', to: 'compare-to' } as const;

/** Every version of the plan, newest first, and what changed between any two. */
export function PlanHistoryPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const history = usePlanHistory(id);
  const [errors, setErrors] = useState<FormError[]>([]);
  usePageTitle(`Versions of the My Life plan – ${fullName(person)}`, errors.length > 0);
  const versions = [...(history.data?.versions ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="plan-history-heading">
      <BackLink to={planPath(id)}>Back to the plan</BackLink>
      <ErrorSummary errors={errors} />
      <h2 id="plan-history-heading">Versions and changes</h2>
      {history.isPending && <Loading what="versions of the plan" />}
      {history.isError && <SectionProblem error={history.error} />}
      {history.data && versions.length === 0 && (
        <p>
          No plan yet. <Link to={planPath(id, '/edit')}>Start the plan</Link>
        </p>
      )}
      {versions.length > 0 && <VersionsTable versions={versions} />}
      {versions.length === 1 && <p>There is only one version so far, so there is nothing to compare yet.</p>}
      {versions.length > 1 && <Compare personId={id} versions={versions} errors={errors} setErrors={setErrors} />}
    </section>
  );
}

function VersionsTable({ versions }: { versions: PlanVersionSummary[] }) {
  return (
    <ResponsiveTable caption="Versions of the plan, newest first" columns={COLUMNS}>
      {versions.map((v) => (
        <TableRow key={v.version}>
          <TableCell column="Version">{v.version}</TableCell>
          <TableCell column="Saved by">{recorderInWords(v.savedBy)}</TableCell>
          <TableCell column="Organisation">{v.organisationName ?? 'Not recorded'}</TableCell>
          <TableCell column="When">{formatDateTime(v.savedAt)}</TableCell>
          <TableCell column="Agreed by the person">{v.agreed ? 'Agreed' : 'Not agreed'}</TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}

interface CompareProps {
  personId: string;
  versions: PlanVersionSummary[];
  errors: FormError[];
  setErrors: (errors: FormError[]) => void;
}

/** Two versions chosen, kept in the address so a comparison can be shared; then what changed, part by part. */
function Compare({ personId, versions, errors, setErrors }: CompareProps) {
  const [params, setParams] = useSearchParams();
  const [latest, previous] = versions;
  // Until two are chosen, what changed in the latest version.
  const chosen = comparison(params) ?? { from: previous!.version, to: latest!.version };
  const diff = usePlanDiff(personId, chosen);
  const options = versions.map((v) => ({ value: String(v.version), text: `Version ${v.version}` }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = Number(data.get(IDS.from));
    const to = Number(data.get(IDS.to));
    if (from >= to) return setErrors([{ fieldId: IDS.to, message: 'Choose a later version to compare to than the one you compare from' }]);
    setErrors([]);
    setParams({ from: String(from), to: String(to) }, { replace: true });
  };
  const diffErrors = diff.isError ? formErrors(diff.error, { from: IDS.from, to: IDS.to }) : [];
  return (
    <section aria-labelledby="plan-compare-heading">
      <h3 id="plan-compare-heading">Compare two versions</h3>
      <form className="kith-filter-form" onSubmit={onSubmit} noValidate>
        <Select id={IDS.from} label="From version" options={options} defaultValue={String(chosen.from)} error={errorFor(errors, IDS.from)} />
        <Select id={IDS.to} label="To version" options={options} defaultValue={String(chosen.to)} error={errorFor(errors, IDS.to)} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Compare versions
        </button>
      </form>
      {diff.isFetching && <Loading what="what changed" />}
      {diffErrors.length > 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {diffErrors.map((error, i) => (
            <p key={i}>{error.message}</p>
          ))}
        </div>
      )}
      {diff.data && !diff.isError && (
        <>
          <h3>
            What changed from version {diff.data.from} to version {diff.data.to}
          </h3>
          <ChangeList changes={diff.data.changes} level={4} />
        </>
      )}
    </section>
  );
}

/** The versions in the address, when both are whole numbers. */
function comparison(params: URLSearchParams): { from: number; to: number } | undefined {
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  return Number.isInteger(from) && Number.isInteger(to) && from > 0 && to > 0 ? { from, to } : undefined;
}
