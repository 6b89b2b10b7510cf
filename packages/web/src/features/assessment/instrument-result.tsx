import type { InstrumentFlag, InstrumentResultView } from '@kith/core';
import { Link } from 'react-router';
import { SummaryList } from '../../components/SummaryList';
import { WarningCallout } from '../../components/WarningCallout';
import { resultInWords, scoreText } from './instrument-words';

/** Flags whose heading must say what to do before anything else is read. */
const FLAG_HEADINGS: Readonly<Record<string, string>> = {
  same_day_clinical_review: 'Same-day clinical review needed',
};

interface ResultPanelProps {
  saved: InstrumentResultView;
  back: { to: string; text: string };
}

/**
 * The scored result: first anything the answers mean must happen (the PHQ-9 self-harm item
 * above all), as a warning callout a low total cannot hide, then the headline and each score.
 */
export function InstrumentResultPanel({ saved, back }: ResultPanelProps) {
  const { result } = saved;
  return (
    <>
      {result.flags.map((flag) => (
        <FlagCallout key={flag.code} flag={flag} />
      ))}
      <h3>Result</h3>
      <p className="nhsuk-body-l" id="instrument-headline">
        {resultInWords(result)}
      </p>
      {result.scores.length > 0 && (
        <SummaryList rows={result.scores.map((score) => ({ key: score.label, value: scoreText(score) }))} />
      )}
      <p>
        <Link to={back.to}>{back.text}</Link>
      </p>
    </>
  );
}

function FlagCallout({ flag }: { flag: InstrumentFlag }) {
  return (
    <WarningCallout heading={FLAG_HEADINGS[flag.code] ?? 'What this result means'} level={3}>
      <p>{flag.message}</p>
    </WarningCallout>
  );
}
