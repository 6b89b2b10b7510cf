import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { AddMemberForm } from './AddMemberForm';
import { useCareTeam } from './api';
import { CareTeamTable } from './CareTeamTable';

export function CareTeamPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const team = useCareTeam(id);
  const { notice, errors, ...feedback } = useFeedback();
  usePageTitle(sectionTitle('care-team', fullName(person)), errors.length > 0);
  return (
    <section aria-labelledby="care-team-heading">
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      <h2 id="care-team-heading">Care team</h2>
      {team.isPending && <Loading what="care team" />}
      {team.isError && <SectionProblem error={team.error} />}
      {team.data && (
        <>
          {team.data.members.length > 0 ? (
            <CareTeamTable personId={id} members={team.data.members} {...feedback} />
          ) : (
            <p>No one is on this person&rsquo;s care team yet.</p>
          )}
          <AddMemberForm personId={id} members={team.data.members} errors={errors} {...feedback} />
        </>
      )}
    </section>
  );
}
