import { describe, expect, it } from 'vitest';
import { ageOn } from '../people/dates.js';
import { planBorough } from './borough.js';
import { LONG_TERM_CONDITIONS } from './conditions.js';
import { synthesisePeople } from './people.js';
import { AGE_BANDS, ageBandIndex } from './population.js';

const referenceDate = '2025-06-30';
const borough = planBorough({ seed: 2017, size: 40_000, referenceDate });
const { people, conditions } = synthesisePeople(borough, 0, borough.size);
const bandOf = new Map(people.map((p) => [p.id, ageBandIndex(ageOn(p.dateOfBirth, referenceDate))]));
const keyOfCode = new Map(LONG_TERM_CONDITIONS.flatMap((c) => c.codes.map((k) => [k.snomed, c.key] as const)));

/** Share of each age band with the condition. */
function prevalenceByBand(key: string): number[] {
  const peopleInBand = new Array<number>(AGE_BANDS.length).fill(0);
  const withCondition = new Array<number>(AGE_BANDS.length).fill(0);
  for (const band of bandOf.values()) peopleInBand[band]!++;
  for (const c of conditions) if (keyOfCode.get(c.code) === key) withCondition[bandOf.get(c.personId)!]!++;
  return withCondition.map((n, band) => n / peopleInBand[band]!);
}

describe('the age structure of a synthetic borough', () => {
  it('follows the ONS shape within a percentage point per band', () => {
    const counts = new Array<number>(AGE_BANDS.length).fill(0);
    for (const band of bandOf.values()) counts[band]!++;
    AGE_BANDS.forEach((band, i) => expect(Math.abs(counts[i]! / people.length - band.share)).toBeLessThan(0.01));
  });

  it('has more women than men among the oldest', () => {
    const oldest = people.filter((p) => bandOf.get(p.id) === AGE_BANDS.length - 1);
    expect(oldest.filter((p) => p.sex === 'female').length / oldest.length).toBeGreaterThan(0.55);
  });
});

describe('long-term conditions', () => {
  it('use the catalogue: real SNOMED CT concepts, onset after birth and before the reference date', () => {
    const born = new Map(people.map((p) => [p.id, p.dateOfBirth]));
    const wrong = conditions.filter(
      (c) =>
        !keyOfCode.has(c.code) ||
        c.codeSystem !== 'snomed' ||
        c.sourceSystem !== 'kith-synth' ||
        c.onsetDate < born.get(c.personId)! ||
        c.onsetDate >= referenceDate,
    );
    expect(wrong).toEqual([]);
    expect(conditions.length).toBeGreaterThan(people.length / 3);
  });

  it('become more common with age for the conditions of later life', () => {
    for (const key of ['hypertension', 'coronary_heart_disease', 'atrial_fibrillation', 'heart_failure', 'chronic_kidney_disease', 'dementia', 'copd', 'osteoarthritis']) {
      const [, , young, , middle, , old, oldest] = prevalenceByBand(key);
      expect(middle, key).toBeGreaterThan(young!);
      expect(old, key).toBeGreaterThan(middle!);
      expect(oldest! + 0.02, key).toBeGreaterThan(old!);
    }
  });

  it('come close to England prevalence (QOF) across the whole population', () => {
    const share = (key: string) => prevalenceByBand(key).reduce((sum, p, band) => sum + p * AGE_BANDS[band]!.share, 0);
    expect(share('hypertension')).toBeGreaterThan(0.11);
    expect(share('hypertension')).toBeLessThan(0.17);
    expect(share('asthma')).toBeGreaterThan(0.05);
    expect(share('asthma')).toBeLessThan(0.08);
    expect(share('dementia')).toBeGreaterThan(0.004);
    expect(share('dementia')).toBeLessThan(0.012);
  });

  it('gather in the same people, as multimorbidity does', () => {
    const perPerson = new Map<string, number>();
    for (const c of conditions) perPerson.set(c.personId, (perPerson.get(c.personId) ?? 0) + 1);
    const older = people.filter((p) => bandOf.get(p.id)! >= 6);
    const withTwoOrMore = older.filter((p) => (perPerson.get(p.id) ?? 0) >= 2).length / older.length;
    expect(withTwoOrMore).toBeGreaterThan(0.4);
  });
});
