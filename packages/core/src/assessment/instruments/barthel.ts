/**
 * The Barthel Index of activities of daily living, the ten-item 0-20 version.
 *
 * Source: Collin C, Wade DT, Davies S, Horne V. The Barthel ADL Index: a reliability study.
 * International Disability Studies 1988;10(2):61-63. doi:10.3109/09638288809164103. After
 * Mahoney FI, Barthel DW. Functional evaluation: the Barthel Index. Maryland State Medical
 * Journal 1965;14:56-61.
 *
 * Items and ranges: bowels 0-2, bladder 0-2, grooming 0-1, toilet use 0-2, feeding 0-2,
 * transfer 0-3, mobility 0-3, dressing 0-2, stairs 0-2, bathing 0-1; total 0-20. The 0-100
 * figure many services use is the same total times five. It records what the person does, not
 * what they could do; Collin et al. found a difference of 4 points in 20 likely to be genuine.
 *
 * Reading: Collin et al. publish none for the 0-20 version. Kith shows the dependency categories
 * of Shah S, Vanclay F, Cooper B. Improving the sensitivity of the Barthel Index for stroke
 * rehabilitation. Journal of Clinical Epidemiology 1989;42(8):703-709 (0-20 total, 21-60 severe,
 * 61-90 moderate, 91-99 slight, 100 independent) on the 0-100 figure, as is common practice;
 * they were set for Shah's finer-grained version, which docs/instruments.md says plainly.
 *
 * © Maryland State Medical Society: free for non-commercial use with the citation above;
 * permission is needed to modify it or use it commercially. Option wording paraphrased.
 */
import { readQuestionAnswers, sumOf } from './answers.js';
import { bandOf, scaleOptions, type BandRule } from './bands.js';
import type { InstrumentResult, QuestionnaireDefinition } from './types.js';

export const BARTHEL: QuestionnaireDefinition = {
  code: 'barthel',
  kind: 'questions',
  title: 'Barthel Index of activities of daily living (0-20)',
  shortTitle: 'Barthel',
  source: 'Collin C, Wade DT, Davies S, Horne V. International Disability Studies 1988;10(2):61-63; after Mahoney FI, Barthel DW. Maryland State Medical Journal 1965;14:56-61',
  licence: 'Free for non-commercial use with the citation; permission from the Maryland State Medical Society to modify it or use it commercially.',
  wording: 'paraphrased',
  instructions:
    'Record what the person does, not what they could do, usually over the last 24 to 48 hours, from the best evidence available (the person, family, carers, staff). Needing supervision means not independent; using aids is allowed.',
  items: [
    { id: 'bowels', text: 'Bowels', options: scaleOptions(0, ['Incontinent, or needs enemas given', 'Occasional accident (about once a week)', 'Continent']) },
    {
      id: 'bladder',
      text: 'Bladder',
      options: scaleOptions(0, [
        'Incontinent, or catheterised and unable to manage alone',
        'Occasional accident (at most once in 24 hours)',
        'Continent (for over 7 days)',
      ]),
    },
    { id: 'grooming', text: 'Grooming', options: scaleOptions(0, ['Needs help with personal care', 'Independent with face, hair, teeth and shaving (implements provided)']) },
    {
      id: 'toilet_use',
      text: 'Toilet use',
      options: scaleOptions(0, ['Dependent', 'Needs some help, but can do something alone', 'Independent (on and off, dressing, wiping)']),
    },
    { id: 'feeding', text: 'Feeding', options: scaleOptions(0, ['Unable', 'Needs help cutting, spreading butter and the like', 'Independent (food within reach)']) },
    {
      id: 'transfer',
      text: 'Transfer (bed to chair and back)',
      options: scaleOptions(0, ['Unable, no sitting balance', 'Major help (one or two people, physical), can sit', 'Minor help (verbal or physical)', 'Independent']),
    },
    {
      id: 'mobility',
      text: 'Mobility (on level surfaces)',
      options: scaleOptions(0, [
        'Immobile',
        'Independent in a wheelchair, including corners',
        'Walks with the help of one person (verbal or physical)',
        'Independent (may use any aid, such as a stick)',
      ]),
    },
    { id: 'dressing', text: 'Dressing', options: scaleOptions(0, ['Dependent', 'Needs help, but can do about half unaided', 'Independent (including buttons, zips and laces)']) },
    { id: 'stairs', text: 'Stairs', options: scaleOptions(0, ['Unable', 'Needs help (verbal, physical, carrying aid)', 'Independent up and down']) },
    { id: 'bathing', text: 'Bathing', options: scaleOptions(0, ['Dependent', 'Independent (or in a shower)']) },
  ],
};

/** Shah et al. 1989, on the 0-100 figure. */
const DEPENDENCY_BANDS: readonly BandRule[] = [
  { max: 20, code: 'total_dependency', label: 'Total dependency' },
  { max: 60, code: 'severe_dependency', label: 'Severe dependency' },
  { max: 90, code: 'moderate_dependency', label: 'Moderate dependency' },
  { max: 99, code: 'slight_dependency', label: 'Slight dependency' },
  { max: 100, code: 'independent', label: 'Independent' },
];

export function scoreBarthel(answers: unknown): InstrumentResult {
  const total = sumOf(readQuestionAnswers(answers, BARTHEL.items));
  const outOf100 = total * 5;
  const band = bandOf(outOf100, DEPENDENCY_BANDS);
  return {
    instrument: 'barthel',
    scores: [
      { key: 'total', label: 'Barthel Index (out of 20)', value: total, min: 0, max: 20, band },
      { key: 'total_100', label: 'Barthel Index (out of 100)', value: outOf100, min: 0, max: 100, band },
    ],
    band,
    flags: [],
  };
}
