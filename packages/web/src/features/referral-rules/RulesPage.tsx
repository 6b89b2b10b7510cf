import { Link } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { useNetworks } from '../case-finding/api';
import { type StoredRule, useRules } from './api';
import { criteriaInWords, networkText } from './labels';

const TITLE = 'Case-finding rules';
const COLUMNS = ['Name', 'Network', 'Version', 'In words'] as const;

/** The rules case-finding runs, each at its current version, in words. */
export function RulesPage() {
  const rules = useRules();
  const networks = useNetworks();
  usePageTitle(TITLE);
  if (rules.isError) return <ServiceProblem />;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <h1>{TITLE}</h1>
        <p>
          Case-finding lists the people who meet a rule. Each change to a rule is kept as a new version, with who made it
          and when.
        </p>
        <Link className="nhsuk-button" to="/case-finding/rules/new" draggable={false}>
          New rule
        </Link>
        {rules.data ? <RuleList rules={rules.data} networks={networks.data} /> : <Loading what="rules" />}
      </div>
    </div>
  );
}

function RuleList({ rules, networks }: { rules: StoredRule[]; networks: Parameters<typeof networkText>[1] }) {
  if (rules.length === 0) return <p>There are no case-finding rules yet.</p>;
  return (
    <ResponsiveTable caption={TITLE} columns={COLUMNS}>
      {rules.map((rule) => (
        <TableRow key={rule.id}>
          <TableCell column="Name">
            <Link to={`/case-finding/rules/${encodeURIComponent(rule.id)}`}>{rule.name}</Link>
          </TableCell>
          <TableCell column="Network">{networkText(rule.networkId, networks)}</TableCell>
          <TableCell column="Version">{rule.version}</TableCell>
          <TableCell column="In words">{criteriaInWords(rule.name, rule.criteria)}</TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}
