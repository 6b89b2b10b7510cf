import { useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { NotRecorded, SummaryList } from '../../components/SummaryList';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { SectionProblem } from '../people/SectionProblem';
import { useNetworks } from '../case-finding/api';
import { type StoredRule, useChangeRule, useReloadRules, useRules, useRuleVersions } from './api';
import { criteriaOf, draftOf, isEditable, ruleErrors, staleVersion, type RuleDraft } from './draft';
import { criteriaInWords, networkText } from './labels';
import type { RuleSavedState } from './NewRulePage';
import { RuleEditor } from './RuleEditor';

const HISTORY_COLUMNS = ['Version', 'When', 'Who', 'In words'] as const;

/** One rule: its current criteria in words, every version, and a form to make the next one. */
export function RulePage() {
  const { id = '' } = useParams();
  const rules = useRules();
  const rule = rules.data?.find((r) => r.id === id);
  usePageTitle(rule?.name ?? (rules.data ? 'Rule not found' : 'Case-finding rule'));
  if (rules.isError) return <ServiceProblem />;
  if (!rules.data) return <Loading what="the rule" />;
  if (!rule) {
    return (
      <>
        <BackLink to="/case-finding/rules">Back to case-finding rules</BackLink>
        <h1>Rule not found</h1>
        <p>There is no case-finding rule at this address. It may have been mistyped.</p>
      </>
    );
  }
  return <RuleDetails rule={rule} />;
}

function RuleDetails({ rule }: { rule: StoredRule }) {
  const location = useLocation();
  const created = (location.state as RuleSavedState | null)?.savedVersion;
  const networks = useNetworks();
  const change = useChangeRule(rule.id);
  const reload = useReloadRules();
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saved, setSaved] = useState<number | undefined>(created);
  const [stale, setStale] = useState<number | undefined>();
  const [formKey, setFormKey] = useState(0);
  usePageTitle(rule.name, errors.length > 0);

  function submit(draft: RuleDraft) {
    if (change.isPending) return;
    setSaved(undefined);
    setStale(undefined);
    change.mutate(
      { name: draft.name.trim(), criteria: criteriaOf(draft), networkId: rule.networkId, version: rule.version },
      {
        onSuccess: (answer) => {
          setErrors([]);
          setSaved(answer.version);
        },
        onError: (error) => {
          const current = staleVersion(error);
          if (current !== undefined) {
            setErrors([]);
            setStale(current);
          } else {
            setErrors(ruleErrors(error));
          }
        },
      },
    );
  }

  async function reloadRule() {
    await reload();
    setStale(undefined);
    setErrors([]);
    setFormKey((k) => k + 1);
  }

  const words = criteriaInWords(rule.name, rule.criteria);
  return (
    <>
      <BackLink to="/case-finding/rules">Back to case-finding rules</BackLink>
      {saved !== undefined && <SuccessBanner message={`Rule saved as version ${saved}.`} />}
      {stale !== undefined && <StaleBanner onReload={() => void reloadRule()} />}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1>{rule.name}</h1>
          <SummaryList
            rows={[
              { key: 'Network', value: networkText(rule.networkId, networks.data) },
              { key: 'Version', value: String(rule.version) },
              { key: 'Finds people with', value: words },
            ]}
          />
        </div>
      </div>
      <History ruleId={rule.id} version={rule.version} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Change this rule</h2>
          {isEditable(rule.criteria) ? (
            <RuleEditor
              key={`${rule.version}-${formKey}`}
              initial={draftOf(rule.name, rule.criteria)}
              errors={errors}
              submitText="Save as a new version"
              onSubmit={submit}
            />
          ) : (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                This rule puts groups of clauses within groups, which this form cannot show. It reads: {words}. It can be
                changed through the API only.
              </p>
            </div>
          )}
        </div>
      </div>
    </>
  );
}

/** Someone saved a version after this page read the rule; their change must be seen before another is made. */
function StaleBanner({ onReload }: { onReload: () => void }) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => banner.current?.focus(), []);
  return (
    <div className="nhsuk-notification-banner" role="alert" aria-labelledby="stale-banner-title" tabIndex={-1} ref={banner}>
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="stale-banner-title">
          Important
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">Someone else changed this rule; reload it to see their change.</p>
        <p>Your change was not saved. Make it again after reloading.</p>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onReload}>
          Reload the rule
        </button>
      </div>
    </div>
  );
}

function History({ ruleId, version }: { ruleId: string; version: number }) {
  const versions = useRuleVersions(ruleId);
  return (
    <section aria-labelledby="rule-history">
      <h2 id="rule-history">Version history</h2>
      {versions.isPending && <Loading what="the versions" />}
      {versions.isError && <SectionProblem error={versions.error} />}
      {versions.data && (
        <ResponsiveTable caption={`Versions of this rule, newest first (now at version ${version})`} columns={HISTORY_COLUMNS}>
          {versions.data.map((v) => (
            <TableRow key={v.version}>
              <TableCell column="Version">{v.version}</TableCell>
              <TableCell column="When">{formatDateTime(v.createdAt)}</TableCell>
              <TableCell column="Who">{v.createdBy ?? <NotRecorded />}</TableCell>
              <TableCell column="In words">{v.description}</TableCell>
            </TableRow>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}
