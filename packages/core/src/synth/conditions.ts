/**
 * The long-term conditions a synthetic person may have, with real SNOMED CT concepts (UK
 * edition preferred terms) and the matching ICD-10 codes.
 *
 * Rates: each condition has a prevalence per age band (population.ts: 0-4, 5-17, 18-29, 30-44,
 * 45-64, 65-74, 75-84, 85+), shaped so that over the borough's age structure it comes close to
 * the England figure of the Quality and Outcomes Framework (QOF), 2022-23, NHS England (NHS
 * Digital), "Quality and Outcomes Framework, 2022-23: prevalence, achievements and
 * exceptions" (register / practice list size; some registers count adults only). Conditions QOF
 * does not count are tuned to the sources named on them. A person's own "health burden" (a
 * lognormal factor, person.ts) scales all rates together, so conditions cluster in the same
 * people as they do in life.
 */

export interface ConditionCode {
  snomed: string;
  display: string;
  icd10: string;
  /** Share of the condition's cases coded this way. */
  share: number;
  /** Only for people of this sex (breast, prostate). */
  sex?: 'female' | 'male';
}

export interface LongTermCondition {
  key: string;
  /** Prevalence (0-1) per age band. */
  prevalence: readonly number[];
  /** Relative rate in women against men, when it differs (1 when omitted). */
  femaleToMale?: number;
  codes: readonly ConditionCode[];
  /** How much the condition adds to a person's rate of emergency admissions. */
  admissionWeight: number;
  /** Diagnoses are no older than this many years (and never before `fromAge`). */
  longestYears: number;
  fromAge: number;
  /** A condition this one cannot coexist with (type 1 and type 2 diabetes). */
  excludes?: string;
  /** The figure the rates aim at. */
  source: string;
}

const code = (snomed: string, display: string, icd10: string, share = 1, sex?: 'female' | 'male') =>
  sex ? { snomed, display, icd10, share, sex } : { snomed, display, icd10, share };

export const LONG_TERM_CONDITIONS: readonly LongTermCondition[] = [
  {
    key: 'hypertension',
    prevalence: [0, 0, 0.01, 0.05, 0.2, 0.42, 0.55, 0.6],
    codes: [code('59621000', 'Essential hypertension', 'I10')],
    admissionWeight: 0.2,
    longestYears: 30,
    fromAge: 18,
    source: 'QOF HYP register, 14.4% of all ages',
  },
  {
    key: 'diabetes_type_1',
    prevalence: [0.0005, 0.003, 0.005, 0.005, 0.005, 0.004, 0.003, 0.002],
    codes: [code('46635009', 'Diabetes mellitus type 1', 'E10.9')],
    admissionWeight: 0.8,
    longestYears: 60,
    fromAge: 1,
    source: 'QOF DM register 7.5% of 17+, of which about 8% type 1 (National Diabetes Audit)',
  },
  {
    key: 'diabetes_type_2',
    prevalence: [0, 0.0005, 0.008, 0.04, 0.1, 0.18, 0.21, 0.18],
    femaleToMale: 0.75,
    codes: [code('44054006', 'Diabetes mellitus type 2', 'E11.9')],
    admissionWeight: 0.5,
    longestYears: 25,
    fromAge: 12,
    excludes: 'diabetes_type_1',
    source: 'QOF DM register 7.5% of 17+, of which about 90% type 2',
  },
  {
    key: 'asthma',
    prevalence: [0.01, 0.08, 0.07, 0.06, 0.065, 0.07, 0.07, 0.06],
    codes: [code('195967001', 'Asthma', 'J45.9')],
    admissionWeight: 0.4,
    longestYears: 80,
    fromAge: 2,
    source: 'QOF AST register, 6.5% of 6+',
  },
  {
    key: 'copd',
    prevalence: [0, 0, 0, 0.002, 0.022, 0.06, 0.09, 0.08],
    codes: [code('13645005', 'Chronic obstructive lung disease', 'J44.9')],
    admissionWeight: 1.5,
    longestYears: 20,
    fromAge: 35,
    source: 'QOF COPD register, 1.9% of all ages',
  },
  {
    key: 'heart_failure',
    prevalence: [0, 0, 0, 0.001, 0.005, 0.02, 0.05, 0.1],
    femaleToMale: 0.75,
    codes: [code('84114007', 'Heart failure', 'I50.9')],
    admissionWeight: 2,
    longestYears: 12,
    fromAge: 30,
    source: 'QOF HF register, 1.1% of all ages',
  },
  {
    key: 'coronary_heart_disease',
    prevalence: [0, 0, 0, 0.002, 0.03, 0.09, 0.14, 0.17],
    femaleToMale: 0.55,
    codes: [
      code('414545008', 'Ischaemic heart disease', 'I25.9', 0.5),
      code('194828000', 'Angina', 'I20.9', 0.25),
      code('1755008', 'Old myocardial infarction', 'I25.2', 0.25),
    ],
    admissionWeight: 0.8,
    longestYears: 25,
    fromAge: 30,
    source: 'QOF CHD register, 3.0% of all ages',
  },
  {
    key: 'atrial_fibrillation',
    prevalence: [0, 0, 0, 0.001, 0.01, 0.05, 0.12, 0.2],
    femaleToMale: 0.7,
    codes: [code('49436004', 'Atrial fibrillation', 'I48.9')],
    admissionWeight: 0.8,
    longestYears: 20,
    fromAge: 30,
    source: 'QOF AF register, 2.1% of all ages',
  },
  {
    key: 'stroke_tia',
    prevalence: [0, 0, 0.001, 0.003, 0.016, 0.05, 0.085, 0.115],
    codes: [
      code('230690007', 'Cerebrovascular accident', 'I64', 0.65),
      code('266257000', 'Transient ischaemic attack', 'G45.9', 0.35),
    ],
    admissionWeight: 1,
    longestYears: 20,
    fromAge: 18,
    source: 'QOF STIA register, 1.9% of all ages',
  },
  {
    key: 'chronic_kidney_disease',
    prevalence: [0, 0, 0, 0.002, 0.025, 0.1, 0.23, 0.4],
    codes: [
      code('433144002', 'Chronic kidney disease stage 3', 'N18.3', 0.88),
      code('431857002', 'Chronic kidney disease stage 4', 'N18.4', 0.09),
      code('433146000', 'Chronic kidney disease stage 5', 'N18.5', 0.03),
    ],
    admissionWeight: 1,
    longestYears: 15,
    fromAge: 18,
    source: 'QOF CKD register (stages 3-5), 4.1% of 18+',
  },
  {
    key: 'dementia',
    prevalence: [0, 0, 0, 0, 0.001, 0.015, 0.045, 0.15],
    femaleToMale: 1.3,
    codes: [
      code('52448006', 'Dementia', 'F03', 0.45),
      code('26929004', "Alzheimer's disease", 'G30.9', 0.4),
      code('429998004', 'Vascular dementia', 'F01.9', 0.15),
    ],
    admissionWeight: 1.5,
    longestYears: 10,
    fromAge: 50,
    source: 'QOF DEM register, 0.7% of all ages',
  },
  {
    key: 'depression',
    prevalence: [0, 0.005, 0.12, 0.16, 0.16, 0.13, 0.12, 0.12],
    femaleToMale: 1.7,
    codes: [code('35489007', 'Depressive disorder', 'F32.9')],
    admissionWeight: 0.4,
    longestYears: 18,
    fromAge: 12,
    source: 'QOF DEP register (recorded since April 2006), 13.2% of 18+',
  },
  {
    key: 'serious_mental_illness',
    prevalence: [0, 0.0005, 0.008, 0.013, 0.013, 0.01, 0.008, 0.008],
    codes: [
      code('58214004', 'Schizophrenia', 'F20.9', 0.5),
      code('13746004', 'Bipolar disorder', 'F31.9', 0.5),
    ],
    admissionWeight: 1.2,
    longestYears: 40,
    fromAge: 15,
    source: 'QOF MH register, 0.96% of all ages',
  },
  {
    key: 'cancer',
    prevalence: [0.0005, 0.001, 0.003, 0.01, 0.035, 0.09, 0.13, 0.15],
    codes: [
      code('254837009', 'Malignant neoplasm of breast', 'C50.9', 0.3, 'female'),
      code('399068003', 'Malignant tumour of prostate', 'C61', 0.25, 'male'),
      code('363406005', 'Malignant tumour of colon', 'C18.9', 0.12),
      code('363358000', 'Malignant tumour of lung', 'C34.9', 0.05),
      code('372244006', 'Malignant melanoma', 'C43.9', 0.1),
      code('363346000', 'Malignant neoplastic disease', 'C80.9', 0.18),
    ],
    admissionWeight: 1.2,
    longestYears: 15,
    fromAge: 0,
    source: 'QOF CAN register (diagnosed since April 2003), 3.5% of all ages',
  },
  {
    key: 'epilepsy',
    prevalence: [0.002, 0.005, 0.008, 0.009, 0.01, 0.011, 0.011, 0.01],
    codes: [code('84757009', 'Epilepsy', 'G40.9')],
    admissionWeight: 0.8,
    longestYears: 80,
    fromAge: 0,
    source: 'QOF EP register, 0.8% of 18+',
  },
  {
    key: 'osteoarthritis',
    prevalence: [0, 0, 0.002, 0.02, 0.1, 0.22, 0.3, 0.35],
    femaleToMale: 1.4,
    codes: [
      code('239873007', 'Osteoarthritis of knee', 'M17.9', 0.45),
      code('239872002', 'Osteoarthritis of hip', 'M16.9', 0.25),
      code('396275006', 'Osteoarthritis', 'M19.9', 0.3),
    ],
    admissionWeight: 0.2,
    longestYears: 25,
    fromAge: 30,
    source: 'Versus Arthritis, The State of Musculoskeletal Health (2023): about 1 in 10 adults with diagnosed osteoarthritis, most over 45',
  },
  {
    key: 'rheumatoid_arthritis',
    prevalence: [0, 0.0002, 0.002, 0.005, 0.01, 0.016, 0.018, 0.016],
    femaleToMale: 2.5,
    codes: [code('69896004', 'Rheumatoid arthritis', 'M06.9')],
    admissionWeight: 0.5,
    longestYears: 40,
    fromAge: 16,
    source: 'QOF RA register, 0.77% of 16+',
  },
  {
    key: 'parkinsons_disease',
    prevalence: [0, 0, 0, 0.0002, 0.001, 0.006, 0.014, 0.02],
    femaleToMale: 0.65,
    codes: [code('49049000', "Parkinson's disease", 'G20')],
    admissionWeight: 1.2,
    longestYears: 15,
    fromAge: 35,
    source: "Parkinson's UK, The incidence and prevalence of Parkinson's in the UK (2018): about 1 in 450 of all ages",
  },
  {
    key: 'learning_disability',
    prevalence: [0.002, 0.007, 0.007, 0.006, 0.005, 0.003, 0.002, 0.001],
    femaleToMale: 0.7,
    codes: [code('110359009', 'Intellectual disability', 'F79')],
    admissionWeight: 0.8,
    longestYears: 100,
    fromAge: 0,
    source: 'QOF LD register, 0.56% of all ages',
  },
];

export const CONDITION_BY_KEY: ReadonlyMap<string, LongTermCondition> = new Map(
  LONG_TERM_CONDITIONS.map((c) => [c.key, c]),
);

/** All SNOMED CT codes of the catalogue: what a case-finding rule counts as long-term. */
export const LONG_TERM_CONDITION_SNOMED_CODES: readonly string[] = LONG_TERM_CONDITIONS.flatMap((c) =>
  c.codes.map((k) => k.snomed),
);
