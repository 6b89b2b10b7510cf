/**
 * Wellbeing at the start and end of an episode, compared. Two measures: SWEMWBS (the Short
 * Warwick-Edinburgh Mental Wellbeing Scale) as its metric score, 7 to 35, higher is better; and
 * the UCLA three-item loneliness scale, 3 to 9, lower is better (less lonely). The instruments
 * are scored elsewhere; this takes the scores.
 *
 * The direction is the sign of the change. Whether it is large enough to matter is said apart:
 * for SWEMWBS by the published meaningful change (SWEMWBS_MEANINGFUL_CHANGE, the same rule the
 * instrument's own comparison uses); UCLA-3 has no published threshold, so none is claimed.
 */
import { SWEMWBS_MEANINGFUL_CHANGE } from '../assessment/instruments/index.js';
import { DomainError } from '../errors.js';

export const WELLBEING_MEASURES = ['swemwbs', 'ucla3'] as const;
export type WellbeingMeasure = (typeof WELLBEING_MEASURES)[number];

export interface WellbeingMeasureInfo {
  label: string;
  /** The instrument's name, as a score is called: "a UCLA-3 score". */
  scoreName: string;
  min: number;
  max: number;
  higherIsBetter: boolean;
  /** Whole numbers only (UCLA-3); the SWEMWBS metric score has decimals. */
  whole: boolean;
}

export const WELLBEING_MEASURE_INFO: Readonly<Record<WellbeingMeasure, WellbeingMeasureInfo>> = {
  swemwbs: { label: 'Wellbeing (SWEMWBS)', scoreName: 'SWEMWBS metric', min: 7, max: 35, higherIsBetter: true, whole: false },
  ucla3: { label: 'Loneliness (UCLA-3)', scoreName: 'UCLA-3', min: 3, max: 9, higherIsBetter: false, whole: true },
};

export type WellbeingDirection = 'better' | 'worse' | 'no_change';

export const WELLBEING_DIRECTION_LABELS: Readonly<Record<WellbeingDirection, string>> = {
  better: 'Better',
  worse: 'Worse',
  no_change: 'No change',
};

export interface WellbeingComparison {
  measure: WellbeingMeasure;
  start: number;
  end: number;
  /** End less start, to two decimal places: a fall in UCLA-3 is negative and better. */
  change: number;
  direction: WellbeingDirection;
  /** Whether the change reaches the measure's published meaningful change; null where none is published. */
  meaningful: boolean | null;
  words: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function checkScore(measure: WellbeingMeasure, field: 'start' | 'end', score: number): void {
  const info = WELLBEING_MEASURE_INFO[measure];
  const whole = info.whole ? 'a whole number ' : '';
  if (!Number.isFinite(score) || score < info.min || score > info.max || (info.whole && !Number.isInteger(score))) {
    throw DomainError.field(field, `A ${info.scoreName} score is ${whole}from ${info.min} to ${info.max}`);
  }
}

function inWords(measure: WellbeingMeasure, start: number, end: number, change: number, direction: WellbeingDirection): string {
  const info = WELLBEING_MEASURE_INFO[measure];
  if (direction === 'no_change') return `${info.label} stayed at ${end}: no change`;
  const moved = change > 0 ? `rose from ${start} to ${end} (up ${change})` : `fell from ${start} to ${end} (down ${-change})`;
  const why = info.higherIsBetter ? 'a higher score means better wellbeing' : 'a lower score means less lonely';
  return `${info.label} ${moved}: ${direction}, as ${why}`;
}

/** One measure's start and end scores compared; a score out of range is a 400 naming `start` or `end`. */
export function compareWellbeing(measure: WellbeingMeasure, start: number, end: number): WellbeingComparison {
  checkScore(measure, 'start', start);
  checkScore(measure, 'end', end);
  const change = round2(end - start);
  const improved = WELLBEING_MEASURE_INFO[measure].higherIsBetter ? change > 0 : change < 0;
  const direction: WellbeingDirection = change === 0 ? 'no_change' : improved ? 'better' : 'worse';
  const meaningful = measure === 'swemwbs' ? Math.abs(change) >= SWEMWBS_MEANINGFUL_CHANGE : null;
  const words = inWords(measure, start, end, change, direction) + (meaningful === null ? '' : meaningful ? ' (a meaningful change)' : ' (less than a meaningful change)');
  return { measure, start, end, change, direction, meaningful, words };
}

export type WellbeingScores = Partial<Record<WellbeingMeasure, number | null>>;

/** Every measure scored at both the start and the end of an episode, compared, in a fixed order. */
export function compareEpisodeWellbeing(start: WellbeingScores, end: WellbeingScores): WellbeingComparison[] {
  return WELLBEING_MEASURES.flatMap((measure) => {
    const [s, e] = [start[measure], end[measure]];
    return s === undefined || s === null || e === undefined || e === null ? [] : [compareWellbeing(measure, s, e)];
  });
}
