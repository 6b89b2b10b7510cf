/**
 * SWEMWBS: the Short Warwick-Edinburgh Mental Wellbeing Scale.
 *
 * Source: Stewart-Brown S, Tennant A, Tennant R, Platt S, Parkinson J, Weich S. Internal construct
 * validity of the Warwick-Edinburgh Mental Well-being Scale (WEMWBS): a Rasch analysis using data
 * from the Scottish Health Education Population Survey. Health and Quality of Life Outcomes
 * 2009;7:15. doi:10.1186/1477-7525-7-15. Scoring guidance and the raw-to-metric conversion table:
 * Warwick Medical School, https://warwick.ac.uk/fac/sci/med/research/platform/wemwbs/
 *
 * Seven statements, each 1 (none of the time) to 5 (all of the time) over the last two weeks;
 * the raw total 7 to 35 is converted to the metric score with the published Rasch table, and it
 * is the metric score that is reported and compared, because only it is an interval scale.
 *
 * Change: Shah N, et al. Responsiveness of the Short Warwick Edinburgh Mental Well-Being Scale
 * (SWEMWBS): evaluation a clinical sample. Health and Quality of Life Outcomes 2018;16:239.
 * doi:10.1186/s12955-018-1060-2. At individual level a change of 1 to 3 points is statistically
 * important depending on the standard; Kith uses their stricter 2.77 SEM standard, 2.87 points,
 * so that "meaningful" is not said of a change that measurement error could explain.
 *
 * No bands: Warwick does not publish cut points in its open guidance, so none is invented here.
 * © NHS Health Scotland, University of Warwick and University of Edinburgh: free to use, but each
 * service registers with Warwick first; the statements are paraphrased here (docs/instruments.md).
 */
import { DomainError } from '../../errors.js';
import { readQuestionAnswers, sumOf } from './answers.js';
import { scaleOptions } from './bands.js';
import type { InstrumentResult, QuestionnaireDefinition } from './types.js';

const FREQUENCY = scaleOptions(1, ['None of the time', 'Rarely', 'Some of the time', 'Often', 'All of the time']);

const TOPICS = [
  'Feeling optimistic about the future',
  'Feeling useful',
  'Feeling relaxed',
  'Dealing with problems well',
  'Thinking clearly',
  'Feeling close to other people',
  'Being able to make up one’s own mind about things',
];

export const SWEMWBS: QuestionnaireDefinition = {
  code: 'swemwbs',
  kind: 'questions',
  title: 'Short Warwick-Edinburgh Mental Wellbeing Scale',
  shortTitle: 'SWEMWBS',
  source: 'Stewart-Brown S, et al. Health and Quality of Life Outcomes 2009;7:15 (doi:10.1186/1477-7525-7-15); conversion table from Warwick Medical School',
  licence: 'Free to use; each service registers with Warwick Medical School first. © NHS Health Scotland, University of Warwick and University of Edinburgh.',
  wording: 'paraphrased',
  instructions: 'Seven statements about feelings and thoughts: for each, the box that best describes the person’s experience over the last 2 weeks.',
  items: TOPICS.map((text, index) => ({ id: `item${index + 1}`, text, options: FREQUENCY })),
};

/**
 * The published conversion, raw 7..35 to metric, in hundredths so that differences and the
 * change threshold are compared exactly (2.87 is not exact in binary floating point).
 */
const METRIC_HUNDREDTHS: readonly number[] = [
  700, 951, 1125, 1240, 1333, 1408, 1475, 1532, 1584, 1636, 1688, 1743, 1798, 1859, 1925, 1998, 2073, 2154, 2235, 2321, 2411,
  2503, 2602, 2703, 2813, 2931, 3070, 3255, 3500,
];
export const SWEMWBS_RAW_MIN = 7;
export const SWEMWBS_RAW_MAX = 35;

/** The metric score of a raw total, from the published table. */
export function swemwbsMetric(raw: number): number {
  return metricHundredths(raw, 'raw') / 100;
}

function metricHundredths(raw: number, field: string): number {
  if (!Number.isInteger(raw) || raw < SWEMWBS_RAW_MIN || raw > SWEMWBS_RAW_MAX) {
    throw DomainError.field(field, `Must be a whole number from ${SWEMWBS_RAW_MIN} to ${SWEMWBS_RAW_MAX} (a raw SWEMWBS total)`);
  }
  return METRIC_HUNDREDTHS[raw - SWEMWBS_RAW_MIN]!;
}

export function scoreSwemwbs(answers: unknown): InstrumentResult {
  const raw = sumOf(readQuestionAnswers(answers, SWEMWBS.items));
  return {
    instrument: 'swemwbs',
    scores: [
      { key: 'metric', label: 'Mental wellbeing (metric score)', value: swemwbsMetric(raw), min: 7, max: 35, band: null },
      { key: 'raw', label: 'Raw total', value: raw, min: SWEMWBS_RAW_MIN, max: SWEMWBS_RAW_MAX, band: null },
    ],
    band: null,
    flags: [],
  };
}

/** Shah et al. 2018: 2.77 standard errors of measurement, 2.87 metric points. */
export const SWEMWBS_MEANINGFUL_CHANGE = 2.87;
const MEANINGFUL_CHANGE_HUNDREDTHS = 287;

export type SwemwbsDirection = 'improved' | 'worsened' | 'no_meaningful_change';

export interface SwemwbsChange {
  startMetric: number;
  endMetric: number;
  /** End minus start, in metric points: positive is better wellbeing. */
  difference: number;
  /** The difference is at least the threshold, either way. */
  meaningful: boolean;
  direction: SwemwbsDirection;
  threshold: number;
  label: string;
}

const DIRECTION_LABELS: Readonly<Record<SwemwbsDirection, string>> = {
  improved: 'Wellbeing improved by a meaningful amount',
  worsened: 'Wellbeing fell by a meaningful amount',
  no_meaningful_change: 'No meaningful change in wellbeing',
};

/**
 * Compares a start and an end assessment from their raw totals (each result carries its raw
 * score). Both are converted first: differences of raw totals are not comparable across the
 * scale, as the conversion table is not a straight line.
 */
export function compareSwemwbs(startRaw: number, endRaw: number): SwemwbsChange {
  const start = metricHundredths(startRaw, 'start');
  const end = metricHundredths(endRaw, 'end');
  const difference = end - start;
  const meaningful = Math.abs(difference) >= MEANINGFUL_CHANGE_HUNDREDTHS;
  const direction: SwemwbsDirection = !meaningful ? 'no_meaningful_change' : difference > 0 ? 'improved' : 'worsened';
  return {
    startMetric: start / 100,
    endMetric: end / 100,
    difference: difference / 100,
    meaningful,
    direction,
    threshold: SWEMWBS_MEANINGFUL_CHANGE,
    label: DIRECTION_LABELS[direction],
  };
}
