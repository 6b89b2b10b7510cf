import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONDITION_CODE_LISTS } from './code-lists.js';
import type { CodedCondition } from './conditions.js';
import { evaluateRule, type PersonFacts } from './evaluate.js';
import type { EncounterFact } from './hospital-use.js';
import { DEFAULT_REFERRAL_RULE, type Criterion, type ReferralRule } from './rule.js';
import { agePoints, caseFindingScore, CASE_FINDING_SCORE_VERSION } from './score.js';

const AS_OF = '2026-07-19';
const snomed = (code: string): CodedCondition => ({ system: 'snomed', code });
const icd10 = (code: string): CodedCondition => ({ system: 'icd10', code });
const emergency = (startDate: string, endDate: string | null = startDate, admissionMethod = '21'): EncounterFact => ({
  class: 'inpatient',
  admissionMethod,
  startDate,
  endDate,
});
const elective = (startDate: string, endDate: string | null = startDate): EncounterFact => ({
  class: 'inpatient',
  admissionMethod: '11',
  startDate,
  endDate,
});
const ae = (startDate: string): EncounterFact => ({ class: 'emergency', admissionMethod: null, startDate, endDate: startDate });
const person = (p: Partial<PersonFacts>): PersonFacts => ({ dateOfBirth: '1944-05-02', conditions: [], encounters: [], ...p });
const ruleOf = (criteria: Criterion): ReferralRule => ({ name: 'test', criteria });

const COPD = snomed('13645005');
const HEART_FAILURE = icd10('I50.9');
const DIABETES = snomed('44054006');

describe('the default rule, with its reasons', () => {
  it('says why, in the words and order of the example', () => {
    const result = evaluateRule(
      DEFAULT_REFERRAL_RULE,
      person({
        conditions: [DIABETES, HEART_FAILURE, COPD, icd10('E11.9')],
        encounters: [emergency('2026-07-19', null), emergency('2026-03-04', '2026-03-09'), elective('2026-05-01')],
      }),
      AS_OF,
    );
    expect(result.meets).toBe(true);
    expect(result.reasons).toEqual([
      '3 long-term conditions: COPD, heart failure, diabetes',
      '2 emergency admissions: 2026-03-04, 2026-07-19',
    ]);
    expect(result.reasonText).toBe('3 long-term conditions: COPD, heart failure, diabetes; 2 emergency admissions: 2026-03-04, 2026-07-19');
  });

  it('two codes for one condition count once, so one condition twice is not two conditions', () => {
    const result = evaluateRule(
      DEFAULT_REFERRAL_RULE,
      person({ conditions: [snomed('44054006'), icd10('E11.9'), snomed('46635009')], encounters: [emergency('2026-01-01'), emergency('2026-02-01')] }),
      AS_OF,
    );
    expect(result.meets).toBe(false);
    expect(result.reasons).toEqual(['1 long-term condition: diabetes']);
  });

  it('an admission exactly 12 months before does not count; one a day later does', () => {
    const facts = (first: string) =>
      person({ conditions: [COPD, HEART_FAILURE], encounters: [emergency(first), emergency('2026-06-01', '2026-06-04')] });
    const edge = evaluateRule(DEFAULT_REFERRAL_RULE, facts('2025-07-19'), AS_OF);
    expect(edge.meets).toBe(false);
    expect(edge.reasons).toEqual(['1 emergency admission: 2026-06-01']);
    const inside = evaluateRule(DEFAULT_REFERRAL_RULE, facts('2025-07-20'), AS_OF);
    expect(inside.meets).toBe(true);
    expect(inside.reasons[1]).toBe('2 emergency admissions: 2025-07-20, 2026-06-01');
  });

  it('an elective admission does not count', () => {
    const result = evaluateRule(
      DEFAULT_REFERRAL_RULE,
      person({ conditions: [COPD, HEART_FAILURE], encounters: [emergency('2026-02-01'), elective('2026-04-01', '2026-04-03')] }),
      AS_OF,
    );
    expect(result.meets).toBe(false);
    expect(result.reasons).toEqual(['1 emergency admission: 2026-02-01']);
  });

  it('a transfer between hospitals counts once', () => {
    const result = evaluateRule(
      DEFAULT_REFERRAL_RULE,
      person({
        conditions: [COPD, HEART_FAILURE],
        encounters: [emergency('2026-02-01', '2026-02-04'), emergency('2026-02-04', '2026-02-15', '2B')],
      }),
      AS_OF,
    );
    expect(result.meets).toBe(false);
    expect(result.found.emergencyAdmissions).toEqual(['2026-02-01']);
  });

  it('says what is missing when nobody qualifies', () => {
    const result = evaluateRule(DEFAULT_REFERRAL_RULE, person({}), AS_OF);
    expect(result.meets).toBe(false);
    expect(result.reasonText).toBe('no long-term conditions; no emergency admissions in the last 12 months');
  });
});

describe('and / or', () => {
  const twoAdmissions = { kind: 'emergency_admissions', atLeast: 2, months: 12 } as const;
  const threeAe = { kind: 'ae_attendances', atLeast: 3, months: 6 } as const;
  const over75 = { kind: 'age', from: 75 } as const;
  const facts = person({
    dateOfBirth: '1944-05-02',
    conditions: [COPD],
    encounters: [ae('2026-02-01'), ae('2026-03-01'), ae('2026-07-01'), emergency('2026-07-01')],
  });

  it('an "or" is met by one branch, and gives only the branches that hold', () => {
    const result = evaluateRule(ruleOf({ kind: 'or', clauses: [twoAdmissions, threeAe] }), facts, AS_OF);
    expect(result.meets).toBe(true);
    expect(result.reasons).toEqual(['3 A&E attendances: 2026-02-01, 2026-03-01, 2026-07-01']);
  });

  it('an "or" that fails gives every branch', () => {
    const result = evaluateRule(
      ruleOf({ kind: 'or', clauses: [twoAdmissions, { kind: 'ae_attendances', atLeast: 4, months: 12 }] }),
      facts,
      AS_OF,
    );
    expect(result.meets).toBe(false);
    expect(result.reasons).toEqual(['1 emergency admission: 2026-07-01', '3 A&E attendances: 2026-02-01, 2026-03-01, 2026-07-01']);
  });

  it('an "and" that fails gives only the failing branches', () => {
    const result = evaluateRule(ruleOf({ kind: 'and', clauses: [over75, twoAdmissions] }), facts, AS_OF);
    expect(result.meets).toBe(false);
    expect(result.reasons).toEqual(['1 emergency admission: 2026-07-01']);
  });

  it('nests: aged 75 or over and (2 emergency admissions or 3 A&E attendances)', () => {
    const criteria: Criterion = { kind: 'and', clauses: [over75, { kind: 'or', clauses: [twoAdmissions, threeAe] }] };
    const result = evaluateRule(ruleOf(criteria), facts, AS_OF);
    expect(result.meets).toBe(true);
    expect(result.reasonText).toBe('aged 82; 3 A&E attendances: 2026-02-01, 2026-03-01, 2026-07-01');
    expect(result.result).toMatchObject({ kind: 'and', met: true, clauses: [{ kind: 'age', met: true }, { kind: 'or', met: true }] });
    const younger = evaluateRule(ruleOf(criteria), { ...facts, dateOfBirth: '1951-07-20' }, AS_OF);
    expect(younger.meets).toBe(false);
    expect(younger.reasons).toEqual(['aged 74']);
  });

  it('says the same words once when two clauses see the same facts', () => {
    const result = evaluateRule(
      ruleOf({ kind: 'or', clauses: [{ kind: 'long_term_conditions', atLeast: 1 }, { kind: 'long_term_conditions', atLeast: 5 }] }),
      facts,
      AS_OF,
    );
    expect(result.reasons).toEqual(['1 long-term condition: COPD']);
  });
});

describe('age and condition clauses', () => {
  it('age bands include both ends, on the birthday', () => {
    const band = ruleOf({ kind: 'age', from: 65, to: 74 });
    expect(evaluateRule(band, person({ dateOfBirth: '1961-07-19' }), AS_OF).meets).toBe(true); // 65 today
    expect(evaluateRule(band, person({ dateOfBirth: '1961-07-20' }), AS_OF).meets).toBe(false); // 64
    expect(evaluateRule(band, person({ dateOfBirth: '1951-07-20' }), AS_OF).meets).toBe(true); // 74
    expect(evaluateRule(band, person({ dateOfBirth: '1951-07-19' }), AS_OF).meets).toBe(false); // 75 today
  });

  it('an unknown date of birth fails an age clause and says so', () => {
    const result = evaluateRule(ruleOf({ kind: 'age', to: 17 }), person({ dateOfBirth: null }), AS_OF);
    expect(result).toMatchObject({ meets: false, reasons: ['date of birth not recorded'] });
  });

  it('has any or all of named conditions', () => {
    const facts = person({ conditions: [COPD, icd10('F03')] });
    const any = ruleOf({ kind: 'has_condition', conditions: ['heart_failure', 'dementia'], match: 'any' });
    expect(evaluateRule(any, facts, AS_OF)).toMatchObject({ meets: true, reasons: ['has dementia'] });
    const all = ruleOf({ kind: 'has_condition', conditions: ['copd', 'dementia', 'heart_failure'], match: 'all' });
    expect(evaluateRule(all, facts, AS_OF)).toMatchObject({ meets: false, reasons: ['no heart failure recorded'] });
    const none = ruleOf({ kind: 'has_condition', conditions: ['heart_failure', 'epilepsy'], match: 'any' });
    expect(evaluateRule(none, facts, AS_OF).reasons).toEqual(['no heart failure or epilepsy recorded']);
  });

  it('refuses a day that is not a calendar date', () => {
    expect(() => evaluateRule(DEFAULT_REFERRAL_RULE, person({}), '2026-02-30')).toThrow(/calendar date/);
  });
});

describe('Kith case-finding score v1', () => {
  it('is 3 per emergency admission, 2 per condition, 1 per A&E attendance in 12 months, plus age points', () => {
    const result = evaluateRule(
      DEFAULT_REFERRAL_RULE,
      person({
        dateOfBirth: '1944-05-02', // 82: 2 age points
        conditions: [COPD, HEART_FAILURE, DIABETES],
        encounters: [
          ae('2026-03-04'),
          emergency('2026-03-04', '2026-03-09'),
          emergency('2026-07-19', null),
          ae('2025-07-19'), // exactly 12 months before: outside
          emergency('2025-01-01'), // older than 12 months
        ],
      }),
      AS_OF,
    );
    expect(result.score).toEqual({
      version: CASE_FINDING_SCORE_VERSION,
      total: 6 + 6 + 1 + 2,
      parts: { emergencyAdmissions: 6, longTermConditions: 6, aeAttendances: 1, age: 2 },
    });
    expect(CASE_FINDING_SCORE_VERSION).toBe('Kith case-finding score v1');
  });

  it('gives age points by band', () => {
    expect([null, 0, 64, 65, 74, 75, 84, 85, 104].map(agePoints)).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('ranks one more emergency admission above one more condition', () => {
    const admissions = caseFindingScore({ longTermConditions: 2, emergencyAdmissionsLast12Months: 3, aeAttendancesLast12Months: 0, age: 70 });
    const conditions = caseFindingScore({ longTermConditions: 3, emergencyAdmissionsLast12Months: 2, aeAttendancesLast12Months: 0, age: 70 });
    expect(admissions.total).toBeGreaterThan(conditions.total);
  });
});

describe('properties', () => {
  const day = fc
    .integer({ min: 0, max: 3 * 365 + 30 })
    .map((n) => new Date(Date.UTC(2023, 6, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const METHODS = ['11', '12', '13', '21', '22', '24', '28', '2A', '2B', '2D', '31', '81', '82'];
  const encounter: fc.Arbitrary<EncounterFact> = fc.oneof(
    fc.record({
      class: fc.constant('inpatient' as const),
      admissionMethod: fc.constantFrom(...METHODS),
      startDate: day,
      stay: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    }).map(({ stay, startDate, ...e }) => ({
      ...e,
      startDate,
      endDate: stay === null ? null : new Date(Date.parse(startDate) + stay * 86_400_000).toISOString().slice(0, 10),
    })),
    day.map(ae),
  );
  const ALL_CODES: CodedCondition[] = [
    ...CONDITION_CODE_LISTS.flatMap((l) => [snomed(l.snomed[0]!.code), icd10(l.icd10[0]!.split('-')[0]!)]),
    snomed('444814009'),
    icd10('J06.9'),
  ];
  const facts: fc.Arbitrary<PersonFacts> = fc.record({
    dateOfBirth: fc.option(fc.constantFrom('1930-02-10', '1950-07-19', '1961-07-20', '2010-01-01'), { nil: null }),
    conditions: fc.array(fc.constantFrom(...ALL_CODES), { maxLength: 8 }),
    encounters: fc.array(encounter, { maxLength: 12 }),
  });
  const leaf: fc.Arbitrary<Criterion> = fc.oneof(
    fc.record({ kind: fc.constant('long_term_conditions' as const), atLeast: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('emergency_admissions' as const), atLeast: fc.integer({ min: 1, max: 3 }), months: fc.constantFrom(1, 6, 12, 24) }),
    fc.record({ kind: fc.constant('ae_attendances' as const), atLeast: fc.integer({ min: 1, max: 3 }), months: fc.constantFrom(3, 12) }),
    fc.record({ kind: fc.constant('age' as const), from: fc.constantFrom(18, 65, 75), to: fc.constantFrom(80, 120) }),
  );
  const criteria: fc.Arbitrary<Criterion> = fc.oneof(
    leaf,
    fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), clauses: fc.array(leaf, { minLength: 1, maxLength: 3 }) }),
  );
  const rule = criteria.map(ruleOf);
  const asOf = fc.constantFrom('2026-07-19', '2025-12-31', '2026-03-31');

  it('adding an elective admission never changes the outcome, the reasons or the score', () => {
    fc.assert(
      fc.property(rule, facts, day, fc.integer({ min: 0, max: 10 }), asOf, (r, f, start, stay, when) => {
        const end = new Date(Date.parse(start) + stay * 86_400_000).toISOString().slice(0, 10);
        const before = evaluateRule(r, f, when);
        const after = evaluateRule(r, { ...f, encounters: [...f.encounters, elective(start, end)] }, when);
        expect(after.meets).toBe(before.meets);
        expect(after.reasons).toEqual(before.reasons);
        expect(after.score).toEqual(before.score);
      }),
    );
  });

  it('adding an outpatient appointment, a code that is not a long-term condition, or a repeated code changes nothing', () => {
    fc.assert(
      fc.property(rule, facts, day, asOf, (r, f, start, when) => {
        const before = evaluateRule(r, f, when);
        const outpatient: EncounterFact = { class: 'ambulatory', admissionMethod: null, startDate: start, endDate: start };
        const more: PersonFacts = {
          ...f,
          conditions: [...f.conditions, ...f.conditions.slice(0, 1), snomed('444814009')],
          encounters: [...f.encounters, outpatient],
        };
        const after = evaluateRule(r, more, when);
        expect(after.meets).toBe(before.meets);
        expect(after.reasonText).toBe(before.reasonText);
      }),
    );
  });

  it('anything after the day of evaluation changes nothing', () => {
    fc.assert(
      fc.property(rule, facts, encounter, (r, f, later) => {
        const shifted = { ...later, startDate: '2026-07-20', endDate: later.endDate === null ? null : '2026-07-25' };
        expect(evaluateRule(r, { ...f, encounters: [...f.encounters, shifted] }, AS_OF)).toEqual(evaluateRule(r, f, AS_OF));
      }),
    );
  });

  it('the order records arrive in changes nothing', () => {
    fc.assert(
      fc.property(rule, facts, asOf, (r, f, when) => {
        const reversed = { ...f, conditions: [...f.conditions].reverse(), encounters: [...f.encounters].reverse() };
        expect(evaluateRule(r, reversed, when)).toEqual(evaluateRule(r, f, when));
      }),
    );
  });

  it('an "and" group is met when every clause is, an "or" group when any is', () => {
    fc.assert(
      fc.property(fc.array(leaf, { minLength: 1, maxLength: 4 }), facts, asOf, (leaves, f, when) => {
        const each = leaves.map((l) => evaluateRule(ruleOf(l), f, when).meets);
        expect(evaluateRule(ruleOf({ kind: 'and', clauses: leaves }), f, when).meets).toBe(each.every(Boolean));
        expect(evaluateRule(ruleOf({ kind: 'or', clauses: leaves }), f, when).meets).toBe(each.some(Boolean));
      }),
    );
  });

  it('the emergency admissions counted are never more than the emergency encounters, and a longer window never finds fewer', () => {
    fc.assert(
      fc.property(facts, asOf, (f, when) => {
        const found = evaluateRule(DEFAULT_REFERRAL_RULE, f, when).found.emergencyAdmissions;
        const emergencies = f.encounters.filter((e) => e.class === 'inpatient' && e.admissionMethod?.startsWith('2') && e.startDate <= when);
        expect(found.length).toBeLessThanOrEqual(emergencies.length);
        const within = (months: number) =>
          evaluateRule(ruleOf({ kind: 'emergency_admissions', atLeast: 1, months }), f, when).result;
        if (within(6).met) expect(within(24).met).toBe(true);
      }),
    );
  });
});
