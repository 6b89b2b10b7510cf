/**
 * The long-term conditions case-finding counts, each with its SNOMED CT and ICD-10 code list.
 *
 * This file is data. Each list names its source. SNOMED CT codes are concept ids, matched
 * exactly: the principal concepts of the condition's NHS England Quality and Outcomes Framework
 * (QOF) register cluster, plus the concepts that the synthetic borough and the Synthea
 * bundles record for the condition. They are not every descendant of the cluster. A place that
 * codes more finely adds the concept ids it uses to the list, here. ICD-10 entries are prefixes
 * of the code with its dot removed ("I50" matches I50, I50.0 and I50.9; "N18.3" matches N18.3
 * and N18.31), or a range of three-character categories ("C00-C43"), taken from the WHO
 * ICD-10 5th edition chapters that NHS hospitals code in.
 *
 * A code may belong to two conditions when it says both (I11.0, hypertensive heart disease with
 * heart failure, is both hypertension and heart failure). A condition counts once per person,
 * however many of its codes the person has.
 *
 * The order of the conditions here is the order reasons list them in: by body system
 * (respiratory, circulatory, renal, endocrine, nervous system, mental health, cancer,
 * musculoskeletal, learning disability), so everyone's reasons read the same way.
 */

export const CONDITION_KEYS = [
  'copd',
  'asthma',
  'heart_failure',
  'coronary_heart_disease',
  'atrial_fibrillation',
  'hypertension',
  'stroke_tia',
  'chronic_kidney_disease',
  'diabetes',
  'dementia',
  'parkinsons_disease',
  'epilepsy',
  'depression',
  'serious_mental_illness',
  'cancer',
  'osteoarthritis',
  'rheumatoid_arthritis',
  'learning_disability',
] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];

export interface SnomedEntry {
  /** SNOMED CT concept id. */
  code: string;
  /** The concept's term, for people reading the list. */
  term: string;
}

export interface ConditionCodeList {
  key: ConditionKey;
  /** The condition in plain words, as reasons name it. */
  label: string;
  snomed: readonly SnomedEntry[];
  /** ICD-10 code prefixes ("I50", "N18.3") or ranges of categories ("C00-C43"). */
  icd10: readonly string[];
  /** Where the lists come from. */
  source: string;
}

const QOF = 'NHS England QOF business rules v49 (2024-25)';
const ICD10 = 'ICD-10 5th edition (WHO; as used by NHS hospitals)';

const sct = (code: string, term: string): SnomedEntry => ({ code, term });

export const CONDITION_CODE_LISTS: readonly ConditionCodeList[] = [
  {
    key: 'copd',
    label: 'COPD',
    snomed: [
      sct('13645005', 'Chronic obstructive lung disease'),
      sct('185086009', 'Chronic obstructive bronchitis'),
      sct('87433001', 'Pulmonary emphysema'),
      sct('195951007', 'Acute exacerbation of chronic obstructive airways disease'),
      sct('285381006', 'Acute infective exacerbation of chronic obstructive airways disease'),
      sct('847091000000104', 'Acute non-infective exacerbation of chronic obstructive pulmonary disease'),
      sct('313296004', 'Mild chronic obstructive pulmonary disease'),
      sct('313297008', 'Moderate chronic obstructive pulmonary disease'),
      sct('313299006', 'Severe chronic obstructive pulmonary disease'),
      sct('293991000000106', 'Very severe chronic obstructive pulmonary disease'),
      sct('135836000', 'End stage chronic obstructive airways disease'),
    ],
    // J40 (bronchitis not specified as acute or chronic) is left out: it is mostly acute.
    icd10: ['J41-J44'],
    source: `${QOF}, COPD_COD cluster; ${ICD10}, J41-J44`,
  },
  {
    key: 'asthma',
    label: 'asthma',
    snomed: [
      sct('195967001', 'Asthma'),
      sct('233678006', 'Childhood asthma'),
      sct('389145006', 'Allergic asthma'),
      sct('266361008', 'Non-allergic asthma'),
      sct('304527002', 'Acute asthma'),
      sct('370218001', 'Mild asthma'),
      sct('370219009', 'Moderate asthma'),
      sct('370221004', 'Severe asthma'),
      sct('426979002', 'Mild persistent asthma'),
      sct('427295004', 'Moderate persistent asthma'),
      sct('426656000', 'Severe persistent asthma'),
      sct('427603009', 'Intermittent asthma'),
    ],
    icd10: ['J45', 'J46'],
    source: `${QOF}, AST_COD cluster; ${ICD10}, J45-J46`,
  },
  {
    key: 'heart_failure',
    label: 'heart failure',
    snomed: [
      sct('84114007', 'Heart failure'),
      sct('42343007', 'Congestive heart failure'),
      sct('88805009', 'Chronic congestive heart failure'),
      sct('48447003', 'Chronic heart failure'),
      sct('56675007', 'Acute heart failure'),
      sct('10633002', 'Acute congestive heart failure'),
      sct('85232009', 'Left heart failure'),
      sct('128404006', 'Right heart failure'),
      sct('367363000', 'Right ventricular failure'),
      sct('703272007', 'Heart failure with reduced ejection fraction'),
      sct('446221000', 'Heart failure with normal ejection fraction'),
    ],
    icd10: ['I50', 'I11.0', 'I13.0', 'I13.2'],
    source: `${QOF}, HF_COD cluster; ${ICD10}, I50 and hypertensive disease with heart failure (I11.0, I13.0, I13.2)`,
  },
  {
    key: 'coronary_heart_disease',
    label: 'coronary heart disease',
    snomed: [
      sct('414545008', 'Ischaemic heart disease'),
      sct('53741008', 'Coronary arteriosclerosis'),
      sct('413838009', 'Chronic ischaemic heart disease'),
      sct('194828000', 'Angina'),
      sct('233819005', 'Stable angina'),
      sct('4557003', 'Preinfarction syndrome'),
      sct('394659003', 'Acute coronary syndrome'),
      sct('22298006', 'Myocardial infarction'),
      sct('57054005', 'Acute myocardial infarction'),
      sct('401303003', 'Acute ST segment elevation myocardial infarction'),
      sct('401314000', 'Acute non-ST segment elevation myocardial infarction'),
      sct('1755008', 'Old myocardial infarction'),
      // A situation concept Synthea records after a heart attack: the person has coronary heart disease.
      sct('399211009', 'History of myocardial infarction'),
    ],
    icd10: ['I20-I25'],
    source: `${QOF}, CHD_COD cluster; ${ICD10}, I20-I25`,
  },
  {
    key: 'atrial_fibrillation',
    label: 'atrial fibrillation',
    snomed: [
      sct('49436004', 'Atrial fibrillation'),
      sct('282825002', 'Paroxysmal atrial fibrillation'),
      sct('440059007', 'Persistent atrial fibrillation'),
      sct('440028005', 'Permanent atrial fibrillation'),
      sct('426749004', 'Chronic atrial fibrillation'),
      sct('314208002', 'Rapid atrial fibrillation'),
      sct('5370000', 'Atrial flutter'),
      sct('195080001', 'Atrial fibrillation and flutter'),
    ],
    icd10: ['I48'],
    source: `${QOF}, AFIB_COD cluster; ${ICD10}, I48`,
  },
  {
    key: 'hypertension',
    label: 'hypertension',
    snomed: [
      sct('38341003', 'Hypertensive disorder, systemic arterial'),
      sct('59621000', 'Essential hypertension'),
      sct('10725009', 'Benign hypertension'),
      sct('1201005', 'Benign essential hypertension'),
      sct('78975002', 'Malignant essential hypertension'),
      sct('31992008', 'Secondary hypertension'),
    ],
    icd10: ['I10-I13', 'I15'],
    source: `${QOF}, HYP_COD cluster; ${ICD10}, I10-I13 and I15`,
  },
  {
    key: 'stroke_tia',
    label: 'stroke or TIA',
    snomed: [
      sct('230690007', 'Cerebrovascular accident'),
      sct('432504007', 'Cerebral infarction'),
      sct('422504002', 'Ischaemic stroke'),
      sct('274100004', 'Cerebral haemorrhage'),
      sct('266257000', 'Transient ischaemic attack'),
      sct('230716006', 'Anterior circulation transient ischaemic attack'),
      sct('230717002', 'Vertebrobasilar territory transient ischaemic attack'),
      sct('195206000', 'Intermittent cerebral ischaemia'),
    ],
    // G45.4, transient global amnesia, is not a TIA.
    icd10: ['I60', 'I61', 'I63', 'I64', 'I69', 'G45.0', 'G45.1', 'G45.2', 'G45.3', 'G45.8', 'G45.9'],
    source: `${QOF}, STRK_COD and TIA_COD clusters; ${ICD10}, I60-I61, I63-I64, I69 and G45 (not G45.4)`,
  },
  {
    key: 'chronic_kidney_disease',
    label: 'chronic kidney disease',
    snomed: [
      sct('433144002', 'Chronic kidney disease stage 3'),
      sct('700378005', 'Chronic kidney disease stage 3A'),
      sct('700379002', 'Chronic kidney disease stage 3B'),
      sct('431857002', 'Chronic kidney disease stage 4'),
      sct('433146000', 'Chronic kidney disease stage 5'),
      sct('46177005', 'End-stage renal disease'),
    ],
    // Stages 1 and 2 (N18.1, N18.2; 431855005, 431856006) and unstaged N18.9 do not count.
    icd10: ['N18.3', 'N18.4', 'N18.5'],
    source: `${QOF}, CKD_COD cluster (stages 3-5 only); ${ICD10}, N18.3-N18.5`,
  },
  {
    key: 'diabetes',
    label: 'diabetes',
    snomed: [
      sct('73211009', 'Diabetes mellitus'),
      sct('46635009', 'Diabetes mellitus type 1'),
      sct('44054006', 'Diabetes mellitus type 2'),
      sct('127013003', 'Disorder of kidney due to diabetes mellitus'),
      // A US-extension concept (a kind of type 2 diabetes) that Synthea records.
      sct('368581000119106', 'Neuropathy due to type 2 diabetes mellitus'),
    ],
    // Non-diabetic hyperglycaemia (prediabetes) and gestational diabetes are not on the register.
    icd10: ['E10-E14'],
    source: `${QOF}, DM_COD cluster; ${ICD10}, E10-E14`,
  },
  {
    key: 'dementia',
    label: 'dementia',
    snomed: [
      sct('52448006', 'Dementia'),
      sct('26929004', "Alzheimer's disease"),
      sct('230265002', "Familial Alzheimer's disease of early onset"),
      sct('429998004', 'Vascular dementia'),
      sct('312991009', 'Senile dementia of the Lewy body type'),
      sct('230270009', 'Frontotemporal dementia'),
      sct('15662003', 'Senile dementia'),
    ],
    icd10: ['F00-F03', 'G30', 'G31.0'],
    source: `${QOF}, DEM_COD cluster; ${ICD10}, F00-F03, G30 and G31.0`,
  },
  {
    key: 'parkinsons_disease',
    label: "Parkinson's disease",
    snomed: [sct('49049000', "Parkinson's disease")],
    // Secondary parkinsonism (G21) is not Parkinson's disease.
    icd10: ['G20'],
    source: `SNOMED CT UK edition, Parkinson's disease concept (QOF has no Parkinson's register); ${ICD10}, G20`,
  },
  {
    key: 'epilepsy',
    label: 'epilepsy',
    // "Seizure disorder" (128613002) and "History of single seizure" (703151001) are not epilepsy.
    snomed: [sct('84757009', 'Epilepsy')],
    icd10: ['G40', 'G41'],
    source: `${QOF}, EPIL_COD cluster; ${ICD10}, G40-G41`,
  },
  {
    key: 'depression',
    label: 'depression',
    snomed: [
      sct('35489007', 'Depressive disorder'),
      sct('370143000', 'Major depressive disorder'),
      sct('36923009', 'Major depression, single episode'),
      sct('310495003', 'Mild depression'),
      sct('310496002', 'Moderate depression'),
      sct('310497006', 'Severe depression'),
    ],
    icd10: ['F32', 'F33'],
    source: `${QOF}, DEPR_COD cluster; ${ICD10}, F32-F33`,
  },
  {
    key: 'serious_mental_illness',
    label: 'serious mental illness',
    snomed: [
      sct('58214004', 'Schizophrenia'),
      sct('68890003', 'Schizoaffective disorder'),
      sct('69322001', 'Psychotic disorder'),
      sct('13746004', 'Bipolar disorder'),
      sct('371596008', 'Bipolar I disorder'),
      sct('83225003', 'Bipolar II disorder'),
    ],
    icd10: ['F20-F29', 'F30', 'F31'],
    source: `${QOF}, MH_COD cluster (schizophrenia, bipolar disorder and other psychoses); ${ICD10}, F20-F31`,
  },
  {
    key: 'cancer',
    label: 'cancer',
    snomed: [
      sct('363346000', 'Malignant neoplastic disease'),
      sct('254837009', 'Malignant neoplasm of breast'),
      sct('399068003', 'Malignant tumour of prostate'),
      sct('363406005', 'Malignant tumour of colon'),
      sct('363358000', 'Malignant tumour of lung'),
      sct('254637007', 'Non-small cell lung cancer'),
      sct('372244006', 'Malignant melanoma'),
    ],
    // Non-melanoma skin cancer (C44) is left out, as the QOF cancer register leaves it out.
    icd10: ['C00-C43', 'C45-C97'],
    source: `${QOF}, CAN_COD cluster (not non-melanoma skin cancer); ${ICD10}, C00-C97 without C44`,
  },
  {
    key: 'osteoarthritis',
    label: 'osteoarthritis',
    snomed: [
      sct('396275006', 'Osteoarthritis'),
      sct('239873007', 'Osteoarthritis of knee'),
      sct('239872002', 'Osteoarthritis of hip'),
      sct('201834006', 'Localised, primary osteoarthritis of the hand'),
    ],
    icd10: ['M15-M19'],
    source: `SNOMED CT UK edition, osteoarthritis concepts (QOF has no osteoarthritis register); ${ICD10}, M15-M19`,
  },
  {
    key: 'rheumatoid_arthritis',
    label: 'rheumatoid arthritis',
    snomed: [
      sct('69896004', 'Rheumatoid arthritis'),
      sct('239791005', 'Seronegative rheumatoid arthritis'),
    ],
    icd10: ['M05', 'M06'],
    source: `${QOF}, RARTH_COD cluster; ${ICD10}, M05-M06`,
  },
  {
    key: 'learning_disability',
    label: 'learning disability',
    snomed: [
      sct('110359009', 'Intellectual disability'),
      sct('86765009', 'Mild intellectual disability'),
    ],
    icd10: ['F70-F79'],
    source: `${QOF}, LD_COD cluster; ${ICD10}, F70-F79`,
  },
];
