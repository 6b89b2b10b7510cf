/**
 * The Clinical Frailty Scale (CFS), version 2.0: one clinical judgement of nine levels.
 *
 * Source: Rockwood K, Theou O. Using the Clinical Frailty Scale in allocating scarce health care
 * resources. Canadian Geriatrics Journal 2020;23(3):210-215. doi:10.5770/cgj.23.463 (version
 * 2.0, with its level names); first published as Rockwood K, Song X, MacKnight C, et al. A
 * global clinical measure of fitness and frailty in elderly people. CMAJ 2005;173(5):489-495.
 *
 * The level is chosen by a clinician for the person's usual state (about two weeks before any
 * acute illness), not scored from answers, so the result is the level and its name. Rockwood
 * and Theou note it is not widely validated in younger people or in those with a stable
 * single-system disability, and that it needs clinical judgement.
 *
 * Copyright Geriatric Medicine Research, Dalhousie University: non-commercial clinical,
 * educational and research use usually needs no licence, but Dalhousie reviews each request
 * to use it and decides. The level names are the published ones; the descriptions are
 * paraphrased, and the official chart is what assessors should learn from.
 */
import { readQuestionAnswers } from './answers.js';
import type { InstrumentResult, QuestionnaireDefinition } from './types.js';

const LEVELS = [
  { code: 'very_fit', name: 'Very Fit', description: 'Strong, active and energetic; takes regular exercise; among the fittest people of their age.' },
  { code: 'fit', name: 'Fit', description: 'No active disease symptoms, but less fit than level 1; may exercise or be very active now and then, such as by season.' },
  {
    code: 'managing_well',
    name: 'Managing Well',
    description: 'Medical problems are well controlled, even if symptoms come and go; not regularly active beyond routine walking.',
  },
  {
    code: 'living_with_very_mild_frailty',
    name: 'Living with Very Mild Frailty',
    description:
      'Formerly “vulnerable”: the first step away from full independence. Does not depend on others for daily help, but symptoms often limit activities; commonly feels slowed up or tired in the day.',
  },
  {
    code: 'living_with_mild_frailty',
    name: 'Living with Mild Frailty',
    description:
      'More evident slowing; needs help with higher-order tasks such as money, transport and heavy housework. Shopping, going out alone, preparing meals, medicines and light housework are getting harder.',
  },
  {
    code: 'living_with_moderate_frailty',
    name: 'Living with Moderate Frailty',
    description:
      'Needs help with all outside activities and with keeping house; often has trouble with stairs, needs help to bathe, and may need a little help (prompting, standing by) to dress.',
  },
  {
    code: 'living_with_severe_frailty',
    name: 'Living with Severe Frailty',
    description: 'Completely dependent for personal care, for whatever reason (physical or cognitive), yet stable and not at high risk of dying within about 6 months.',
  },
  {
    code: 'living_with_very_severe_frailty',
    name: 'Living with Very Severe Frailty',
    description: 'Completely dependent for personal care and approaching the end of life; typically could not recover even from a minor illness.',
  },
  {
    code: 'terminally_ill',
    name: 'Terminally Ill',
    description: 'Approaching the end of life, with a life expectancy under 6 months, but not otherwise living with severe frailty.',
  },
] as const;

export const CFS: QuestionnaireDefinition = {
  code: 'cfs',
  kind: 'questions',
  title: 'Clinical Frailty Scale (version 2.0)',
  shortTitle: 'CFS',
  source: 'Rockwood K, Theou O. Canadian Geriatrics Journal 2020;23(3):210-215 (version 2.0); Rockwood K, et al. CMAJ 2005;173(5):489-495',
  licence:
    'Free for non-commercial clinical, educational and research use; © Geriatric Medicine Research, Dalhousie University, which reviews requests and may require a licence.',
  wording: 'paraphrased',
  instructions:
    'A clinician chooses the level that best describes the person’s usual state, about two weeks before any acute illness, using clinical judgement. In dementia, the level follows the degree of dementia.',
  items: [
    {
      id: 'level',
      text: 'Which level best describes the person?',
      options: LEVELS.map(({ name, description }, index) => ({ value: index + 1, label: name, description })),
    },
  ],
};

export function scoreCfs(answers: unknown): InstrumentResult {
  const { level } = readQuestionAnswers(answers, CFS.items);
  const chosen = LEVELS[level! - 1]!;
  const band = { code: chosen.code, label: chosen.name };
  return {
    instrument: 'cfs',
    scores: [{ key: 'level', label: 'Clinical Frailty Scale level', value: level!, min: 1, max: 9, band }],
    band,
    flags: [],
  };
}
