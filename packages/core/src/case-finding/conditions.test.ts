import { describe, expect, it } from 'vitest';
import { LONG_TERM_CONDITIONS } from '../synth/conditions.js';
import { CONDITION_CODE_LISTS, CONDITION_KEYS, type ConditionKey } from './code-lists.js';
import { CONDITION_LABELS, conditionsOf, conditionsOfCode, expandIcd10Entry, normaliseIcd10 } from './conditions.js';

const snomed = (code: string) => ({ system: 'snomed' as const, code });
const icd10 = (code: string) => ({ system: 'icd10' as const, code });

/** SNOMED CT identifiers end in a Verhoeff check digit; a mistyped concept id fails it. */
function verhoeffValid(id: string): boolean {
  const d = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
  ];
  const p = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
  ];
  let c = 0;
  const digits = id.split('').reverse().map(Number);
  digits.forEach((digit, i) => {
    c = d[c]![p[i % 8]![digit]!]!;
  });
  return c === 0;
}

describe('the code lists', () => {
  it('cover the 18 long-term conditions, each with a label, a source and codes of both systems', () => {
    expect(CONDITION_CODE_LISTS.map((l) => l.key)).toEqual([...CONDITION_KEYS]);
    expect(CONDITION_KEYS).toHaveLength(18);
    for (const list of CONDITION_CODE_LISTS) {
      expect(list.label.length, list.key).toBeGreaterThan(0);
      expect(list.source, list.key).toMatch(/ICD-10 5th edition/);
      expect(list.source, list.key).toMatch(/QOF|SNOMED CT UK edition/);
      expect(list.snomed.length, list.key).toBeGreaterThan(0);
      expect(list.icd10.length, list.key).toBeGreaterThan(0);
    }
    expect(CONDITION_LABELS.copd).toBe('COPD');
    expect(CONDITION_LABELS.heart_failure).toBe('heart failure');
  });

  it('hold only well-formed SNOMED CT concept ids (check digit and concept partition)', () => {
    for (const list of CONDITION_CODE_LISTS) {
      for (const { code, term } of list.snomed) {
        expect(code, term).toMatch(/^\d{6,18}$/);
        expect(verhoeffValid(code), `${code} ${term}`).toBe(true);
        // The partition digits before the check digit: 00 a core concept, 10 an extension concept.
        expect(['00', '10'], `${code} ${term}`).toContain(code.slice(-3, -1));
      }
    }
  });

  it('put no SNOMED CT concept in two conditions', () => {
    const seen = new Map<string, ConditionKey>();
    for (const list of CONDITION_CODE_LISTS) {
      for (const { code } of list.snomed) {
        expect(seen.get(code), code).toBeUndefined();
        seen.set(code, list.key);
      }
    }
  });

  it('hold only ICD-10 categories, subdivisions and category ranges', () => {
    for (const list of CONDITION_CODE_LISTS) {
      for (const entry of list.icd10) expect(entry, list.key).toMatch(/^([A-Z]\d\d(\.\d{1,2})?|[A-Z]\d\d-[A-Z]\d\d)$/);
    }
    expect(expandIcd10Entry('E10-E14')).toEqual(['E10', 'E11', 'E12', 'E13', 'E14']);
    expect(expandIcd10Entry('C45-C97')).toHaveLength(53);
    expect(expandIcd10Entry('N18.3')).toEqual(['N183']);
  });
});

describe('every code the synthetic borough generates', () => {
  const expected = (synthKey: string): ConditionKey =>
    synthKey === 'diabetes_type_1' || synthKey === 'diabetes_type_2' ? 'diabetes' : (synthKey as ConditionKey);

  it('uses condition keys that are ours (type 1 and type 2 diabetes are both diabetes)', () => {
    for (const condition of LONG_TERM_CONDITIONS) expect(CONDITION_KEYS).toContain(expected(condition.key));
  });

  for (const condition of LONG_TERM_CONDITIONS) {
    for (const code of condition.codes) {
      it(`maps ${condition.key}: SNOMED CT ${code.snomed} and ICD-10 ${code.icd10} (${code.display})`, () => {
        expect(conditionsOfCode(snomed(code.snomed))).toEqual([expected(condition.key)]);
        expect(conditionsOfCode(icd10(code.icd10))).toEqual([expected(condition.key)]);
      });
    }
  }
});

/**
 * The SNOMED CT condition codes of the 30 Synthea R4 bundles used to test imports (all 57 of
 * them), then two more that Synthea's COPD and asthma modules record, each with the condition
 * it counts as, or null and why not.
 */
const SYNTHEA_CODES: readonly [code: string, display: string, counts: ConditionKey | null][] = [
  ['10509002', 'Acute bronchitis', null],
  ['124171000119105', 'Chronic intractable migraine without aura', null], // not one of the 18
  ['127013003', 'Diabetic renal disease', 'diabetes'], // diabetes with a complication: on the diabetes register
  ['127295002', 'Traumatic brain injury', null],
  ['128613002', 'Seizure disorder', null], // broader than epilepsy; the bundles record epilepsy itself too
  ['15777000', 'Prediabetes', null], // non-diabetic hyperglycaemia is not diabetes
  ['162864005', 'Body mass index 30+ - obesity', null], // not one of the 18
  ['185086009', 'Chronic obstructive bronchitis', 'copd'],
  ['19169002', 'Miscarriage in first trimester', null],
  ['192127007', 'Child attention deficit disorder', null],
  ['195662009', 'Acute viral pharyngitis', null],
  ['201834006', 'Localized, primary osteoarthritis of the hand', 'osteoarthritis'],
  ['22298006', 'Myocardial infarction', 'coronary_heart_disease'],
  ['230265002', "Familial Alzheimer's disease of early onset", 'dementia'],
  ['230690007', 'Stroke', 'stroke_tia'],
  ['233678006', 'Childhood asthma', 'asthma'],
  ['237602007', 'Metabolic syndrome X', null],
  ['26929004', "Alzheimer's disease", 'dementia'],
  ['271737000', 'Anemia', null],
  ['283385000', 'Laceration of thigh', null],
  ['302870006', 'Hypertriglyceridemia', null],
  ['307731004', 'Injury of tendon of the rotator cuff of shoulder', null],
  ['359817006', 'Closed fracture of hip', null],
  ['368581000119106', 'Neuropathy due to type 2 diabetes mellitus', 'diabetes'],
  ['370143000', 'Major depression disorder', 'depression'],
  ['370247008', 'Facial laceration', null],
  ['38341003', 'Hypertension', 'hypertension'],
  ['399211009', 'History of myocardial infarction', 'coronary_heart_disease'],
  ['40055000', 'Chronic sinusitis', null],
  ['410429000', 'Cardiac arrest', null], // an event, not a long-term condition
  ['428251008', 'History of appendectomy', null],
  ['429007001', 'History of cardiac arrest', null],
  ['431855005', 'Chronic kidney disease stage 1', null], // only stages 3-5 count
  ['43878008', 'Streptococcal sore throat', null],
  ['44054006', 'Diabetes', 'diabetes'],
  ['44465007', 'Sprain of ankle', null],
  ['446096008', 'Perennial allergic rhinitis', null],
  ['444814009', 'Viral sinusitis', null],
  ['449868002', 'Smokes tobacco daily', null],
  ['49436004', 'Atrial Fibrillation', 'atrial_fibrillation'],
  ['53741008', 'Coronary Heart Disease', 'coronary_heart_disease'],
  ['55680006', 'Drug overdose', null],
  ['5602001', 'Opioid abuse', null],
  ['64859006', 'Osteoporosis', null], // not one of the 18
  ['65363002', 'Otitis media', null],
  ['68496003', 'Polyp of colon', null], // benign
  ['69896004', 'Rheumatoid arthritis', 'rheumatoid_arthritis'],
  ['703151001', 'History of single seizure', null], // one seizure is not epilepsy
  ['70704007', 'Sprain of wrist', null],
  ['7200002', 'Alcoholism', null], // not one of the 18
  ['74400008', 'Appendicitis', null],
  ['79586000', 'Tubal pregnancy', null],
  ['80394007', 'Hyperglycemia', null],
  ['82423001', 'Chronic pain', null], // not one of the 18
  ['84757009', 'Epilepsy', 'epilepsy'],
  ['87433001', 'Pulmonary emphysema', 'copd'],
  ['88805009', 'Chronic congestive heart failure', 'heart_failure'],
  // Not in these bundles, but recorded by Synthea's COPD and asthma modules.
  ['13645005', 'Chronic obstructive lung disease', 'copd'],
  ['195967001', 'Asthma', 'asthma'],
];

describe('the Synthea bundles’ condition codes', () => {
  for (const [code, display, counts] of SYNTHEA_CODES) {
    it(`${code} ${display} → ${counts ?? 'not counted'}`, () => {
      expect(conditionsOfCode(snomed(code))).toEqual(counts === null ? [] : [counts]);
    });
  }
});

describe('conditionsOf', () => {
  it('counts a condition once however many codes say it, in either system', () => {
    const found = conditionsOf([
      snomed('44054006'),
      snomed('44054006'),
      snomed('46635009'),
      icd10('E11.9'),
      icd10('E119'),
      snomed('13645005'),
    ]);
    expect([...found]).toEqual(['copd', 'diabetes']);
  });

  it('lists conditions in the order of the code lists, whatever order the codes come in', () => {
    const codes = [snomed('44054006'), snomed('84114007'), snomed('13645005')];
    expect([...conditionsOf(codes)]).toEqual(['copd', 'heart_failure', 'diabetes']);
    expect([...conditionsOf([...codes].reverse())]).toEqual(['copd', 'heart_failure', 'diabetes']);
  });

  it('ignores codes that are not long-term conditions, and an empty record has none', () => {
    expect(conditionsOf([snomed('444814009'), icd10('J06.9')]).size).toBe(0);
    expect(conditionsOf([]).size).toBe(0);
  });
});

describe('ICD-10 prefix matching', () => {
  const of = (code: string) => conditionsOfCode(icd10(code));

  it('matches a category and everything under it, with or without the dot, in any case', () => {
    for (const code of ['E10', 'E11', 'E11.9', 'E119', 'e11.65', 'E14.9', 'E12']) expect(of(code), code).toEqual(['diabetes']);
    expect(of('I50.0')).toEqual(['heart_failure']);
    expect(of('J44.1')).toEqual(['copd']);
    expect(of('J46X')).toEqual(['asthma']);
    expect(of(' g20 ')).toEqual(['parkinsons_disease']);
  });

  it('matches subdivisions only where a subdivision is listed: CKD stages 3-5, not 1, 2 or unstaged', () => {
    expect(of('N18.3')).toEqual(['chronic_kidney_disease']);
    expect(of('N18.31')).toEqual(['chronic_kidney_disease']);
    expect(of('N18.5')).toEqual(['chronic_kidney_disease']);
    for (const code of ['N18.1', 'N18.2', 'N18.9', 'N18']) expect(of(code), code).toEqual([]);
  });

  it('leaves out what the register leaves out: C44, G45.4, J40, prediabetes R73', () => {
    expect(of('C44.3')).toEqual([]);
    expect(of('C43.9')).toEqual(['cancer']);
    expect(of('C97')).toEqual(['cancer']);
    expect(of('G45.4')).toEqual([]);
    expect(of('G45.9')).toEqual(['stroke_tia']);
    expect(of('J40')).toEqual([]);
    expect(of('R73.0')).toEqual([]);
  });

  it('gives both conditions for a code that says both', () => {
    expect(of('I11.0').sort()).toEqual(['heart_failure', 'hypertension']);
    expect(of('I11.9')).toEqual(['hypertension']);
  });

  it('never matches a prefix shorter than a category', () => {
    expect(of('I5')).toEqual([]);
    expect(of('E')).toEqual([]);
    expect(of('')).toEqual([]);
  });

  it('SNOMED CT ids match exactly, never by prefix', () => {
    expect(conditionsOfCode(snomed('4405400'))).toEqual([]);
    expect(conditionsOfCode(snomed('440540061'))).toEqual([]);
    expect(conditionsOfCode(snomed(' 44054006 '))).toEqual(['diabetes']);
  });

  it('normalises codes', () => {
    expect(normaliseIcd10('i11.0')).toBe('I110');
    expect(normaliseIcd10('G30.9†')).toBe('G309');
  });
});
