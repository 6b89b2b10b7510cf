import { CONSENT_KIND_LABELS } from '@kith/core';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { useConsent } from './api';
import { ConsentHistory } from './ConsentHistory';
import { consentStateLabel } from './labels';
import { RecordConsentForm } from './RecordConsentForm';

export function ConsentPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const consent = useConsent(id);
  const { notice, errors, ...feedback } = useFeedback();
  usePageTitle(sectionTitle('consent', fullName(person)), errors.length > 0);
  return (
    <section aria-labelledby="consent-heading">
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      <h2 id="consent-heading">Consent</h2>
      {consent.isPending && <Loading what="consent" />}
      {consent.isError && <SectionProblem error={consent.error} />}
      {consent.data && (
        <>
          <SummaryList
            rows={[
              { key: CONSENT_KIND_LABELS.alliance_sharing, value: consentStateLabel(consent.data.allianceSharing) },
              {
                key: CONSENT_KIND_LABELS.voluntary_sector_contact,
                value: consentStateLabel(consent.data.voluntarySectorContact),
              },
              {
                key: CONSENT_KIND_LABELS.national_data_opt_out,
                value: consent.data.nationalDataOptOut ? 'Registered' : 'Not registered',
              },
              {
                key: CONSENT_KIND_LABELS.mdt_objection,
                value: consent.data.mdtObjection ? 'Objects: left off huddle agendas' : 'No objection recorded',
              },
            ]}
          />
          <RecordConsentForm personId={id} errors={errors} {...feedback} />
          <h3>History</h3>
          {consent.data.history.length > 0 ? (
            <ConsentHistory history={consent.data.history} />
          ) : (
            <p>No consent has been recorded yet.</p>
          )}
        </>
      )}
    </section>
  );
}
