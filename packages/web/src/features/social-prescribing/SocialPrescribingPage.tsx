import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { useSocialPrescriptions } from './api';
import { PrescribeForm } from './PrescribeForm';
import { PrescriptionCard } from './PrescriptionCard';

/**
 * The person's social prescriptions, newest first, each with the forms that record what happened
 * next; then the form to refer or signpost them to a service in the directory. One error summary
 * and one success banner serve every form.
 */
export function SocialPrescribingPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const name = fullName(person);
  const prescriptions = useSocialPrescriptions(id);
  const { notice, errors, ...feedback } = useFeedback();
  usePageTitle(sectionTitle('social-prescribing', name), errors.length > 0);
  return (
    <section aria-labelledby="social-prescribing-heading">
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      <h2 id="social-prescribing-heading">Social prescribing</h2>
      {prescriptions.isPending && <Loading what="social prescriptions" />}
      {prescriptions.isError && <SectionProblem error={prescriptions.error} />}
      {prescriptions.data && (
        <>
          {prescriptions.data.length === 0 && <p>{name} has not been referred or signposted to a service yet.</p>}
          {prescriptions.data.map((prescription) => (
            <PrescriptionCard key={prescription.id} personId={id} prescription={prescription} errors={errors} {...feedback} />
          ))}
          <PrescribeForm personId={id} name={name} errors={errors} {...feedback} />
        </>
      )}
    </section>
  );
}
