import type { InstrumentResultView } from '@kith/core';
import type { FormError } from '../../components/ErrorSummary';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { SummaryList } from '../../components/SummaryList';
import type { Feedback } from '../../components/useFeedback';
import { formatDate, formatDateTime } from '../../format';
import { EpisodeChangeForms } from './EpisodeChangeForms';
import { EpisodeWellbeing } from './EpisodeWellbeing';
import { firstVisitText, historyText, nextVisitText, statusText, weekText } from './episode-words';
import { NextVisitForm } from './NextVisitForm';
import type { EpisodeHistoryEntry, EpisodeView } from './types';

interface EpisodeSectionProps extends Feedback {
  personId: string;
  episode: EpisodeView;
  results: InstrumentResultView[] | undefined;
  errors: FormError[];
}

/** One episode: where it stands, wellbeing, the next visit, the changes it allows and its history. */
export function EpisodeSection({ personId, episode, results, errors, ...feedback }: EpisodeSectionProps) {
  const headingId = `episode-${episode.id}`;
  const ended = episode.status === 'ended';
  return (
    <section aria-labelledby={headingId} className="kith-support-episode">
      <h3 id={headingId}>
        {episode.typeLabel}
        {ended && episode.endedOn ? `, ended ${formatDate(episode.endedOn)}` : ''}
      </h3>
      <p>
        <strong className="nhsuk-tag nhsuk-tag--white">{episode.statusLabel}</strong>
      </p>
      <SummaryList
        rows={[
          { key: 'Status', value: statusText(episode) },
          { key: 'Week of support', value: weekText(episode.week, episode.statusLabel) },
          { key: 'Planned length', value: `${episode.plannedWeeks} weeks` },
          { key: 'Started on', value: episode.startOn ? formatDate(episode.startOn) : 'Not started: waiting' },
          { key: 'Referral to first home visit', value: firstVisitText(episode.firstVisit) ?? 'Not measured: the episode did not come from a referral' },
          { key: 'Next home visit', value: ended ? 'None: support has ended' : nextVisitText(episode.nextVisitAt) },
          { key: 'Exit plan', value: episode.exitPlan ?? 'Not written yet' },
          { key: 'Opened by', value: `${episode.createdBy}${episode.organisationName ? `, ${episode.organisationName}` : ''}, on ${formatDateTime(episode.createdAt)}` },
        ]}
      />
      <EpisodeWellbeing personId={personId} episode={episode} results={results} />
      {!ended && <NextVisitForm key={episode.nextVisitAt ?? 'none'} personId={personId} episode={episode} errors={errors} {...feedback} />}
      {episode.nextChanges.length > 0 && <EpisodeChangeForms key={episode.version} personId={personId} episode={episode} errors={errors} {...feedback} />}
      <EpisodeHistory typeLabel={episode.typeLabel} history={episode.history} />
    </section>
  );
}

const COLUMNS = ['Change', 'Took effect', 'By', 'Recorded'] as const;

function EpisodeHistory({ typeLabel, history }: { typeLabel: string; history: EpisodeHistoryEntry[] }) {
  return (
    <>
      <h4>History of changes</h4>
      <ResponsiveTable caption={`History of changes: ${typeLabel}`} columns={COLUMNS}>
        {history.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell column="Change">{historyText(entry)}</TableCell>
            <TableCell column="Took effect">{entry.on ? formatDate(entry.on) : ''}</TableCell>
            <TableCell column="By">{entry.by}</TableCell>
            <TableCell column="Recorded">{formatDateTime(entry.at)}</TableCell>
          </TableRow>
        ))}
      </ResponsiveTable>
    </>
  );
}
