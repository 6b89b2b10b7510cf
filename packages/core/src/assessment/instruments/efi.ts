/**
 * The electronic Frailty Index (eFI): frailty as the share of 36 deficits a person has.
 *
 * Source: Clegg A, Bates C, Young J, et al. Development and validation of an electronic frailty
 * index using routine primary care electronic health record data. Age and Ageing
 * 2016;45(3):353-360. doi:10.1093/ageing/afw039.
 *
 * The index is the number of deficits present divided by 36. Categories, from population
 * quartiles in the paper: fit 0-0.12, mild frailty >0.12-0.24, moderate >0.24-0.36, severe >0.36.
 *
 * The boundaries fall between whole counts, so they are worked out exactly in whole numbers, not
 * by comparing floating-point fractions: n/36 <= 0.12 exactly when 100n <= 12 x 36 = 432, that is
 * n <= 4.32. So 0-4 deficits are fit (4/36 = 0.111) and 5 are mild (5/36 = 0.139); likewise
 * 8.64 and 12.96 give mild 5-8 and moderate 9-12, and 13 or more (13/36 = 0.361) are severe.
 *
 * In general practice systems each deficit is found from a published list of clinical codes.
 * Here the assessor (or an import) says which deficits are present, by the stable codes below.
 * An unknown code is refused and so is a repeated one, naming its place in the list: counting a
 * repeat once would hide a list built wrongly, and counting it twice would overstate frailty.
 */
import { readChecklist } from './answers.js';
import type { InstrumentBand, ChecklistDefinition, InstrumentChecklistEntry, InstrumentResult } from './types.js';

/** The 36 deficits of Clegg et al. 2016, in the paper's (alphabetical) order. Codes are stable. */
const DEFICITS: readonly InstrumentChecklistEntry[] = [
  { id: 'activity_limitation', text: 'Activity limitation' },
  { id: 'anaemia_haematinic_deficiency', text: 'Anaemia and haematinic deficiency' },
  { id: 'arthritis', text: 'Arthritis' },
  { id: 'atrial_fibrillation', text: 'Atrial fibrillation' },
  { id: 'cerebrovascular_disease', text: 'Cerebrovascular disease' },
  { id: 'chronic_kidney_disease', text: 'Chronic kidney disease' },
  { id: 'diabetes', text: 'Diabetes' },
  { id: 'dizziness', text: 'Dizziness' },
  { id: 'dyspnoea', text: 'Dyspnoea' },
  { id: 'falls', text: 'Falls' },
  { id: 'foot_problems', text: 'Foot problems' },
  { id: 'fragility_fracture', text: 'Fragility fracture' },
  { id: 'hearing_impairment', text: 'Hearing impairment' },
  { id: 'heart_failure', text: 'Heart failure' },
  { id: 'heart_valve_disease', text: 'Heart valve disease' },
  { id: 'housebound', text: 'Housebound' },
  { id: 'hypertension', text: 'Hypertension' },
  { id: 'hypotension_syncope', text: 'Hypotension or syncope' },
  { id: 'ischaemic_heart_disease', text: 'Ischaemic heart disease' },
  { id: 'memory_cognitive_problems', text: 'Memory and cognitive problems' },
  { id: 'mobility_transfer_problems', text: 'Mobility and transfer problems' },
  { id: 'osteoporosis', text: 'Osteoporosis' },
  { id: 'parkinsonism_tremor', text: 'Parkinsonism and tremor' },
  { id: 'peptic_ulcer', text: 'Peptic ulcer' },
  { id: 'peripheral_vascular_disease', text: 'Peripheral vascular disease' },
  { id: 'polypharmacy', text: 'Polypharmacy' },
  { id: 'requirement_for_care', text: 'Requirement for care' },
  { id: 'respiratory_disease', text: 'Respiratory disease' },
  { id: 'skin_ulcer', text: 'Skin ulcer' },
  { id: 'sleep_disturbance', text: 'Sleep disturbance' },
  { id: 'social_vulnerability', text: 'Social vulnerability' },
  { id: 'thyroid_disease', text: 'Thyroid disease' },
  { id: 'urinary_incontinence', text: 'Urinary incontinence' },
  { id: 'urinary_system_disease', text: 'Urinary system disease' },
  { id: 'visual_impairment', text: 'Visual impairment' },
  { id: 'weight_loss_anorexia', text: 'Weight loss and anorexia' },
];

export const EFI_DEFICIT_CODES: readonly string[] = DEFICITS.map((deficit) => deficit.id);
export const EFI_DEFICIT_COUNT = DEFICITS.length;

export const EFI: ChecklistDefinition = {
  code: 'efi',
  kind: 'checklist',
  title: 'electronic Frailty Index',
  shortTitle: 'eFI',
  source: 'Clegg A, Bates C, Young J, et al. Age and Ageing 2016;45(3):353-360 (doi:10.1093/ageing/afw039)',
  licence: 'Published openly; built into NHS general practice systems at no charge to practices. See docs/instruments.md.',
  wording: 'published',
  instructions: 'Tick each deficit the person’s record shows. In general practice systems each is found from the paper’s list of clinical codes.',
  answerKey: 'deficits',
  entries: DEFICITS,
};

/** Each category's published upper bound, in hundredths of the index; severe has none. */
const CATEGORIES = [
  { upToHundredths: 12, code: 'fit', label: 'Fit' },
  { upToHundredths: 24, code: 'mild', label: 'Mild frailty' },
  { upToHundredths: 36, code: 'moderate', label: 'Moderate frailty' },
  { upToHundredths: 100, code: 'severe', label: 'Severe frailty' },
] as const;

/** The category of a count of deficits: n/36 <= h/100 exactly when 100n <= 36h. */
export function efiBand(deficits: number): InstrumentBand {
  const category = CATEGORIES.find(({ upToHundredths }) => 100 * deficits <= EFI_DEFICIT_COUNT * upToHundredths)!;
  return { code: category.code, label: category.label };
}

export function scoreEfi(answers: unknown): InstrumentResult {
  const present = readChecklist(answers, EFI.answerKey, EFI.entries).length;
  const band = efiBand(present);
  return {
    instrument: 'efi',
    scores: [
      { key: 'index', label: 'electronic Frailty Index', value: present / EFI_DEFICIT_COUNT, min: 0, max: 1, band },
      { key: 'deficits', label: 'Deficits present (of 36)', value: present, min: 0, max: EFI_DEFICIT_COUNT, band },
    ],
    band,
    flags: [],
  };
}
