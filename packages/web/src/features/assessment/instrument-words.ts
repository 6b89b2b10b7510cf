import type { InstrumentCode, InstrumentResult, InstrumentResultView, InstrumentScore } from '@kith/core';

/** Whole scores as they are; others (the SWEMWBS metric score, the eFI) to two decimal places. */
export function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** "14, on a scale from 0 to 27: Moderate depression". */
export function scoreText(score: InstrumentScore): string {
  const band = score.band ? `: ${score.band.label}` : '';
  return `${formatScore(score.value)}, on a scale from ${formatScore(score.min)} to ${formatScore(score.max)}${band}`;
}

/**
 * A result in a few words: the headline score and its reading ("14: Moderate depression"); the
 * reading alone where the answer is a category; each score with its own reading where the
 * instrument has no headline (ONS4); the headline score alone where there is no reading (SWEMWBS).
 */
export function resultInWords(result: InstrumentResult): string {
  const [headline] = result.scores;
  if (!headline) return result.band?.label ?? 'No score';
  if (result.band) return `${formatScore(headline.value)}: ${result.band.label}`;
  if (result.scores.every((s) => s.band)) return result.scores.map((s) => `${s.label} ${formatScore(s.value)} (${s.band!.label.toLowerCase()})`).join('; ');
  return `${headline.label}: ${formatScore(headline.value)}`;
}

/** The newest result of each instrument, from a list that is newest first. */
export function latestResults(results: readonly InstrumentResultView[]): Map<string, InstrumentResultView> {
  const latest = new Map<string, InstrumentResultView>();
  for (const result of results) if (!latest.has(result.instrument)) latest.set(result.instrument, result);
  return latest;
}

/** The newest result of one instrument measuring one moment of one episode. */
export function episodeResult(
  results: readonly InstrumentResultView[],
  episodeId: string,
  moment: 'start' | 'end',
  instrument: InstrumentCode,
): InstrumentResultView | undefined {
  return results.find((r) => r.episodeId === episodeId && r.moment === moment && r.instrument === instrument);
}
