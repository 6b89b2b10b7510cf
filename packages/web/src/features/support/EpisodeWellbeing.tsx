import { INSTRUMENTS, WELLBEING_MEASURE_INFO, WELLBEING_MEASURES, type InstrumentResultView, type WellbeingMeasure } from '@kith/core';
import { Link } from 'react-router';
import { SummaryList } from '../../components/SummaryList';
import { formatDate } from '../../format';
import { instrumentPath } from '../assessment/instrument-answers';
import { episodeResult, formatScore } from '../assessment/instrument-words';
import type { EpisodeView } from './types';

/** What each measure measures, for its link: "Measure loneliness at the start (UCLA-3)". */
const MEASURED: Readonly<Record<WellbeingMeasure, string>> = { swemwbs: 'wellbeing', ucla3: 'loneliness' };
const MOMENTS = [
  { moment: 'start', words: 'at the start' },
  { moment: 'end', words: 'at the end' },
] as const;

interface EpisodeWellbeingProps {
  personId: string;
  episode: EpisodeView;
  /** Undefined while loading or when the reader may not see the assessment. */
  results: InstrumentResultView[] | undefined;
}

/** Wellbeing and loneliness measured at the start and end of the episode, compared in words once both are. */
export function EpisodeWellbeing({ personId, episode, results }: EpisodeWellbeingProps) {
  // The end is measured once support has begun; the start may be caught up later.
  const moments = MOMENTS.filter(({ moment }) => moment === 'start' || episode.status !== 'waiting');
  return (
    <>
      <h4>Wellbeing at the start and end</h4>
      {episode.wellbeing.length > 0 ? (
        <ul>
          {episode.wellbeing.map((change) => (
            <li key={change.measure}>{change.words}</li>
          ))}
        </ul>
      ) : (
        <p>Not compared yet: each measure is compared once it has been taken at both the start and the end.</p>
      )}
      {results && (
        <SummaryList
          rows={MOMENTS.map(({ moment, words }) => ({
            key: `Measured ${words}`,
            value: WELLBEING_MEASURES.map((measure) => measuredText(results, episode.id, moment, measure)).join('. '),
          }))}
        />
      )}
      <ul className="nhsuk-list">
        {moments.flatMap(({ moment, words }) =>
          WELLBEING_MEASURES.map((measure) => (
            <li key={`${moment}-${measure}`}>
              <Link to={instrumentPath(personId, measure, { episodeId: episode.id, moment })}>
                Measure {MEASURED[measure]} {words} ({INSTRUMENTS[measure].shortTitle})
              </Link>
            </li>
          )),
        )}
      </ul>
    </>
  );
}

function measuredText(results: InstrumentResultView[], episodeId: string, moment: 'start' | 'end', measure: WellbeingMeasure): string {
  const label = WELLBEING_MEASURE_INFO[measure].label;
  const result = episodeResult(results, episodeId, moment, measure);
  if (!result || result.score === null) return `${label}: not measured`;
  return `${label}: ${formatScore(result.score)} on ${formatDate(result.recordedAt.slice(0, 10))}`;
}
