/**
 * ONS4: the Office for National Statistics' four personal well-being questions.
 *
 * Source: Office for National Statistics (ONS), the four personal well-being questions as asked
 * on the Annual Population Survey since 2011, and the thresholds ONS reports them by; Open
 * Government Licence. Wording: Government Statistical Service, Personal wellbeing harmonised
 * standard (2020), https://analysisfunction.civilservice.gov.uk/policy-store/personal-well-being/
 *
 * Each question is answered 0 ("not at all") to 10 ("completely") and read on its own: ONS
 * publishes no total, because the four measure different things (life evaluation, sense of
 * purpose, and yesterday's happiness and anxiety) and anxiety runs the other way. The bands are
 * the thresholds ONS reports: for life satisfaction, worthwhile and happiness 0-4 low, 5-6
 * medium, 7-8 high, 9-10 very high; for anxiety 0-1 very low, 2-3 low, 4-5 medium, 6-10 high.
 */
import { readQuestionAnswers } from './answers.js';
import { bandOf, type BandRule } from './bands.js';
import type { InstrumentOption, InstrumentResult, QuestionnaireDefinition, InstrumentScore } from './types.js';

const ZERO_TO_TEN: readonly InstrumentOption[] = Array.from({ length: 11 }, (_, value) => ({
  value,
  label: value === 0 ? '0 – Not at all' : value === 10 ? '10 – Completely' : String(value),
}));

const POSITIVE_BANDS: readonly BandRule[] = [
  { max: 4, code: 'low', label: 'Low' },
  { max: 6, code: 'medium', label: 'Medium' },
  { max: 8, code: 'high', label: 'High' },
  { max: 10, code: 'very_high', label: 'Very high' },
];

const ANXIETY_BANDS: readonly BandRule[] = [
  { max: 1, code: 'very_low', label: 'Very low' },
  { max: 3, code: 'low', label: 'Low' },
  { max: 5, code: 'medium', label: 'Medium' },
  { max: 10, code: 'high', label: 'High' },
];

const QUESTIONS = [
  { id: 'life_satisfaction', label: 'Life satisfaction', text: 'Overall, how satisfied are you with your life nowadays?', bands: POSITIVE_BANDS },
  {
    id: 'worthwhile',
    label: 'Worthwhile',
    text: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
    bands: POSITIVE_BANDS,
  },
  { id: 'happiness', label: 'Happiness', text: 'Overall, how happy did you feel yesterday?', bands: POSITIVE_BANDS },
  { id: 'anxiety', label: 'Anxiety', text: 'Overall, how anxious did you feel yesterday?', bands: ANXIETY_BANDS },
] as const;

export const ONS4: QuestionnaireDefinition = {
  code: 'ons4',
  kind: 'questions',
  title: 'ONS personal well-being questions',
  shortTitle: 'ONS4',
  source: 'Office for National Statistics, personal well-being questions (Annual Population Survey, since 2011) and reporting thresholds',
  licence: 'Open Government Licence v3.0.',
  wording: 'published',
  instructions:
    'Next I would like to ask you four questions about your feelings on aspects of your life. There are no right or wrong answers. For each of these questions I’d like you to give an answer on a scale of 0 to 10, where 0 is “not at all” and 10 is “completely”.',
  items: QUESTIONS.map(({ id, text }) => ({ id, text, options: ZERO_TO_TEN })),
};

export function scoreOns4(answers: unknown): InstrumentResult {
  const read = readQuestionAnswers(answers, ONS4.items);
  const scores: InstrumentScore[] = QUESTIONS.map(({ id, label, bands }) => ({
    key: id,
    label,
    value: read[id]!,
    min: 0,
    max: 10,
    band: bandOf(read[id]!, bands),
  }));
  return { instrument: 'ons4', scores, band: null, flags: [] };
}
