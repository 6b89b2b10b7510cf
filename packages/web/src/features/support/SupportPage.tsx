import { EPISODE_TYPES } from '@kith/core';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading } from '../../components/ServiceProblem';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { useInstrumentResults } from '../assessment/instrument-api';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { useEpisodes } from './api';
import { ContactsSection } from './ContactsSection';
import { EpisodeSection } from './EpisodeSection';
import { openFirst } from './episode-words';
import { OpenEpisodeForm } from './OpenEpisodeForm';

/**
 * The person's support episodes, the open one first, with the forms that move each on; then the
 * visits and contacts made. One error summary and one success banner serve every form.
 */
export function SupportPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const name = fullName(person);
  const episodes = useEpisodes(id);
  // Wellbeing measured at an episode's start or end; a reader without access to the assessment sees no scores.
  const results = useInstrumentResults(id);
  const { notice, errors, ...feedback } = useFeedback();
  usePageTitle(sectionTitle('support', name), errors.length > 0);
  const shown = openFirst(episodes.data ?? []);
  const openTypes = shown.filter((e) => e.status !== 'ended').map((e) => e.type);
  const startable = EPISODE_TYPES.filter((type) => !openTypes.includes(type));
  return (
    <section aria-labelledby="support-heading">
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      <h2 id="support-heading">Support and visits</h2>
      {episodes.isPending && <Loading what="support episodes" />}
      {episodes.isError && <SectionProblem error={episodes.error} />}
      {episodes.data && (
        <>
          {shown.length === 0 && <p>{name} has had no support episodes.</p>}
          {shown.map((episode) => (
            <EpisodeSection key={episode.id} personId={id} episode={episode} results={results.data} errors={errors} {...feedback} />
          ))}
          {startable.length > 0 ? (
            <OpenEpisodeForm personId={id} types={startable} errors={errors} {...feedback} />
          ) : (
            <p>Each type of support is already open for {name}: change or end an episode rather than starting another.</p>
          )}
        </>
      )}
      <ContactsSection personId={id} name={name} episodes={shown} errors={errors} {...feedback} />
    </section>
  );
}
