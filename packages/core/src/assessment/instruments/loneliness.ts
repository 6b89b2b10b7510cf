/**
 * Loneliness: the UCLA three-item scale and the ONS direct question, England's national
 * indicators of loneliness for adults, which ONS recommends asking together.
 *
 * UCLA-3 source: Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT. A short scale for measuring
 * loneliness in large surveys: results from two population-based studies. Research on Aging
 * 2004;26(6):655-672. doi:10.1177/0164027504268574.
 * Wording, answers and the direct question: Office for National Statistics, Measuring loneliness:
 * guidance for use of the national indicators on surveys (2018), and the Government Statistical
 * Service loneliness harmonised standard, under the Open Government Licence:
 * https://www.ons.gov.uk/peoplepopulationandcommunity/wellbeing/methodologies/measuringlonelinessguidanceforuseofthenationalindicatorsonsurveys
 *
 * UCLA-3: three items, hardly ever or never 1, some of the time 2, often 3; total 3 to 9, higher
 * is lonelier. The reading 3-5 not lonely, 6-9 lonely is a research convention reported by the
 * Campaign to End Loneliness, Measuring your impact on loneliness in later life (2015), not a
 * clinical cut-off; ONS itself reports the total without a threshold.
 *
 * Direct question: one answer of five; it is a category, not a score, so it has no total. The
 * values 1 to 5 are codes in the order ONS lists the answers. "Often or always" is what ONS
 * reports as chronic loneliness, so it raises a flag for the team.
 */
import { readQuestionAnswers, sumOf } from './answers.js';
import { bandOf, scaleOptions, type BandRule } from './bands.js';
import type { InstrumentResult, QuestionnaireDefinition } from './types.js';

const HOW_OFTEN = scaleOptions(1, ['Hardly ever or never', 'Some of the time', 'Often']);

export const UCLA3: QuestionnaireDefinition = {
  code: 'ucla3',
  kind: 'questions',
  title: 'UCLA three-item loneliness scale',
  shortTitle: 'UCLA-3',
  source: 'Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT. Research on Aging 2004;26(6):655-672; wording as the ONS national indicator (2018)',
  licence: 'Free to use; the wording is published by ONS under the Open Government Licence.',
  wording: 'published',
  instructions: 'The next questions are about relationships with others. For each one, please say how often (if at all) you feel that way.',
  items: [
    { id: 'item1', text: 'How often do you feel that you lack companionship?', options: HOW_OFTEN },
    { id: 'item2', text: 'How often do you feel left out?', options: HOW_OFTEN },
    { id: 'item3', text: 'How often do you feel isolated from others?', options: HOW_OFTEN },
  ],
};

const UCLA3_BANDS: readonly BandRule[] = [
  { max: 5, code: 'not_lonely', label: 'Not lonely' },
  { max: 9, code: 'lonely', label: 'Lonely' },
];

export function scoreUcla3(answers: unknown): InstrumentResult {
  const total = sumOf(readQuestionAnswers(answers, UCLA3.items));
  const band = bandOf(total, UCLA3_BANDS);
  return {
    instrument: 'ucla3',
    scores: [{ key: 'total', label: 'Loneliness (higher is lonelier)', value: total, min: 3, max: 9, band }],
    band,
    flags: [],
  };
}

/** The direct question's answers, in the order ONS lists them, each with its stored code. */
const DIRECT_ANSWERS = [
  { value: 1, code: 'often_always', label: 'Often or always' },
  { value: 2, code: 'some_of_the_time', label: 'Some of the time' },
  { value: 3, code: 'occasionally', label: 'Occasionally' },
  { value: 4, code: 'hardly_ever', label: 'Hardly ever' },
  { value: 5, code: 'never', label: 'Never' },
] as const;

export const ONS_LONELINESS: QuestionnaireDefinition = {
  code: 'ons_loneliness',
  kind: 'questions',
  title: 'ONS direct question on loneliness',
  shortTitle: 'ONS loneliness',
  source: 'Office for National Statistics, Measuring loneliness: guidance for use of the national indicators on surveys (2018)',
  licence: 'Open Government Licence v3.0.',
  wording: 'published',
  instructions: 'Ask after the three UCLA questions where both are used, as ONS recommends.',
  items: [
    {
      id: 'how_often_lonely',
      text: 'How often do you feel lonely?',
      options: DIRECT_ANSWERS.map(({ value, label }) => ({ value, label })),
    },
  ],
};

export function scoreOnsLoneliness(answers: unknown): InstrumentResult {
  const { how_often_lonely: value } = readQuestionAnswers(answers, ONS_LONELINESS.items);
  const answer = DIRECT_ANSWERS.find((candidate) => candidate.value === value)!;
  const chronic = answer.code === 'often_always';
  return {
    instrument: 'ons_loneliness',
    scores: [],
    band: { code: answer.code, label: answer.label },
    flags: chronic ? [{ code: 'chronic_loneliness', message: 'Feels lonely often or always (what ONS counts as chronic loneliness)' }] : [],
  };
}
