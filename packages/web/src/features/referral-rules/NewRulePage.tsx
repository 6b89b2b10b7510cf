import { useState } from 'react';
import { useNavigate } from 'react-router';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { usePageTitle } from '../../components/usePageTitle';
import { useNetworks } from '../case-finding/api';
import { useCreateRule } from './api';
import { blankRule, criteriaOf, NETWORK_ID, ruleErrors, type RuleDraft } from './draft';
import { RuleEditor } from './RuleEditor';

const TITLE = 'New case-finding rule';

/** What the rule page shows after a rule is made. */
export interface RuleSavedState {
  savedVersion: number;
}

export function NewRulePage() {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [networkId, setNetworkId] = useState('');
  const [initial] = useState(blankRule);
  const networks = useNetworks();
  const create = useCreateRule();
  const navigate = useNavigate();
  usePageTitle(TITLE, errors.length > 0);

  function submit(draft: RuleDraft) {
    if (create.isPending) return;
    create.mutate(
      { name: draft.name.trim(), criteria: criteriaOf(draft), networkId: networkId || null },
      {
        onSuccess: (rule) => {
          const state: RuleSavedState = { savedVersion: rule.version };
          void navigate(`/case-finding/rules/${encodeURIComponent(rule.id)}`, { state });
        },
        onError: (error) => setErrors(ruleErrors(error)),
      },
    );
  }

  const networkOptions = [{ value: '', text: 'Whole borough' }, ...(networks.data ?? []).map((n) => ({ value: n.id, text: n.name }))];

  return (
    <>
      <BackLink to="/case-finding/rules">Back to case-finding rules</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1>{TITLE}</h1>
          <RuleEditor
            initial={initial}
            errors={errors}
            submitText="Save rule"
            onSubmit={submit}
            extra={
              <Select
                id={NETWORK_ID}
                label="Network"
                hint="The whole borough, or one network's people only"
                options={networkOptions}
                value={networkId}
                onChange={(event) => setNetworkId(event.target.value)}
                error={errorFor(errors, NETWORK_ID)}
              />
            }
          />
        </div>
      </div>
    </>
  );
}
