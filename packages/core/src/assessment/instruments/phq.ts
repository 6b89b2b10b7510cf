/**
 * PHQ-9 (depression) and GAD-7 (anxiety): symptom questionnaires over the last two weeks, each
 * item 0 (not at all) to 3 (nearly every day).
 *
 * PHQ-9 source: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression
 * severity measure. Journal of General Internal Medicine 2001;16(9):606-613.
 * doi:10.1046/j.1525-1497.2001.016009606.x. Total 0-27; severity 0-4 none or minimal, 5-9 mild,
 * 10-14 moderate, 15-19 moderately severe, 20-27 severe.
 *
 * GAD-7 source: Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing
 * generalized anxiety disorder: the GAD-7. Archives of Internal Medicine 2006;166(10):1092-1097.
 * doi:10.1001/archinte.166.10.1092. Total 0-21; 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe.
 *
 * Item 9 of the PHQ-9 asks about thoughts of being better off dead or of self-harm. Any answer
 * above 0 is flagged for a clinical review the same day, whatever the total: a low total must
 * never hide it. The bands describe symptom severity on a screening measure, not a diagnosis.
 *
 * Both were developed with an educational grant from Pfizer, which released them for use
 * without copyright restriction or charge; the wording is reproduced as published.
 */
import { readQuestionAnswers, sumOf } from './answers.js';
import { bandOf, scaleOptions, type BandRule } from './bands.js';
import type { InstrumentFlag, InstrumentResult, QuestionnaireDefinition } from './types.js';

const HOW_OFTEN = scaleOptions(0, ['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);
const STEM = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?';
const PFIZER = 'Free to use, reproduce and translate without permission (released by Pfizer without copyright restriction).';

const numbered = (texts: readonly string[]) => texts.map((text, index) => ({ id: `item${index + 1}`, text, options: HOW_OFTEN }));

export const PHQ9: QuestionnaireDefinition = {
  code: 'phq9',
  kind: 'questions',
  title: 'Patient Health Questionnaire (PHQ-9)',
  shortTitle: 'PHQ-9',
  source: 'Kroenke K, Spitzer RL, Williams JBW. Journal of General Internal Medicine 2001;16(9):606-613',
  licence: PFIZER,
  wording: 'published',
  instructions: STEM,
  items: numbered([
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ]),
};

export const GAD7: QuestionnaireDefinition = {
  code: 'gad7',
  kind: 'questions',
  title: 'Generalised Anxiety Disorder assessment (GAD-7)',
  shortTitle: 'GAD-7',
  source: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. Archives of Internal Medicine 2006;166(10):1092-1097',
  licence: PFIZER,
  wording: 'published',
  instructions: STEM,
  items: numbered([
    'Feeling nervous, anxious or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid as if something awful might happen',
  ]),
};

const PHQ9_BANDS: readonly BandRule[] = [
  { max: 4, code: 'none_minimal', label: 'None or minimal depression' },
  { max: 9, code: 'mild', label: 'Mild depression' },
  { max: 14, code: 'moderate', label: 'Moderate depression' },
  { max: 19, code: 'moderately_severe', label: 'Moderately severe depression' },
  { max: 27, code: 'severe', label: 'Severe depression' },
];

const GAD7_BANDS: readonly BandRule[] = [
  { max: 4, code: 'minimal', label: 'Minimal anxiety' },
  { max: 9, code: 'mild', label: 'Mild anxiety' },
  { max: 14, code: 'moderate', label: 'Moderate anxiety' },
  { max: 21, code: 'severe', label: 'Severe anxiety' },
];

export const PHQ9_SELF_HARM_FLAG: InstrumentFlag = {
  code: 'same_day_clinical_review',
  message: 'Answered above 0 to thoughts of being better off dead or of self-harm (PHQ-9 item 9): needs a clinical review today',
};

export function scorePhq9(answers: unknown): InstrumentResult {
  const read = readQuestionAnswers(answers, PHQ9.items);
  const total = sumOf(read);
  const band = bandOf(total, PHQ9_BANDS);
  return {
    instrument: 'phq9',
    scores: [{ key: 'total', label: 'Depression severity', value: total, min: 0, max: 27, band }],
    band,
    flags: read.item9! > 0 ? [{ ...PHQ9_SELF_HARM_FLAG }] : [],
  };
}

export function scoreGad7(answers: unknown): InstrumentResult {
  const total = sumOf(readQuestionAnswers(answers, GAD7.items));
  const band = bandOf(total, GAD7_BANDS);
  return {
    instrument: 'gad7',
    scores: [{ key: 'total', label: 'Anxiety severity', value: total, min: 0, max: 21, band }],
    band,
    flags: [],
  };
}
