import { Loading } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { summaryExportUrl, useSummary } from './api';
import { ConditionsTable } from './ConditionsTable';
import { HospitalActivityTable } from './HospitalActivityTable';

export function SummaryPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const summary = useSummary(id);
  usePageTitle(sectionTitle('summary', fullName(person)));
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      {summary.isPending && <Loading what="summary" />}
      {summary.isError && <SectionProblem error={summary.error} />}
      {summary.data && (
        <>
          <h3>Long-term conditions</h3>
          {summary.data.conditions.length > 0 ? (
            <ConditionsTable conditions={summary.data.conditions} />
          ) : (
            <p>No long-term conditions recorded.</p>
          )}
          <h3>Hospital activity in the last 12 months</h3>
          {summary.data.hospitalActivity.length > 0 ? (
            <HospitalActivityTable visits={summary.data.hospitalActivity} />
          ) : (
            <p>No hospital activity in the last 12 months.</p>
          )}
          <h3>Export</h3>
          {person.access.breakGlass ? (
            <p>Emergency access does not cover exporting the summary.</p>
          ) : (
            <>
              <p>Download the summary as a file (JSON) to share with another system. The download is recorded.</p>
              <a className="nhsuk-button nhsuk-button--secondary" href={summaryExportUrl(id)} download draggable={false}>
                Export the summary
              </a>
            </>
          )}
        </>
      )}
    </section>
  );
}
