/**
 * Helpers the instrument files share: bands as data, and numbered answer options. Kept out of
 * the package's exports, which carry only the instruments and their results.
 */
import type { InstrumentBand, InstrumentOption } from './types.js';

/** One band of a score: it covers values up to and including `max`. Listed in rising order. */
export interface BandRule extends InstrumentBand {
  max: number;
}

/** The reading of `value`; the rules are data so each boundary can be checked against its source. */
export function bandOf(value: number, rules: readonly BandRule[]): InstrumentBand {
  const rule = rules.find((candidate) => value <= candidate.max);
  if (!rule) throw new RangeError(`No band covers ${value}`);
  return { code: rule.code, label: rule.label };
}

/** Options valued from `from` upwards, one per label, in order. */
export function scaleOptions(from: number, labels: readonly string[]): InstrumentOption[] {
  return labels.map((label, index) => ({ value: from + index, label }));
}
