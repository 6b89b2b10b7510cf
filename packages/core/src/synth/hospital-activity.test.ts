import { describe, expect, it } from 'vitest';
import { ageOn } from '../people/dates.js';
import { planBorough } from './borough.js';
import { dayNumber, isoDateOfDay } from './calendar.js';
import { HISTORY_DAYS } from './hospital-activity.js';
import { synthesisePeople } from './people.js';

const referenceDate = '2025-06-30';
const yearBefore = '2024-06-30';
const borough = planBorough({ seed: 2017, size: 60_000, referenceDate });
const { people, conditions, encounters } = synthesisePeople(borough, 0, borough.size);
const ageOf = new Map(people.map((p) => [p.id, ageOn(p.dateOfBirth, referenceDate)]));
const conditionCount = new Map<string, number>();
for (const c of conditions) conditionCount.set(c.personId, (conditionCount.get(c.personId) ?? 0) + 1);
const emergencyAdmissions = encounters.filter((e) => e.class === 'inpatient' && e.admissionMethod!.startsWith('2'));

/** Emergency admissions per person-year among people who pass the filter. */
function admissionRate(who: (personId: string) => boolean): number {
  const group = people.filter((p) => who(p.id)).length;
  return emergencyAdmissions.filter((e) => who(e.personId)).length / group / 3;
}

describe('hospital activity', () => {
  it('lies within the three years before the reference date, ending no earlier than it starts', () => {
    const earliest = isoDateOfDay(dayNumber(referenceDate) - HISTORY_DAYS);
    const outside = encounters.filter((e) => e.startDate < earliest || e.startDate >= referenceDate);
    const backwards = encounters.filter((e) => e.endDate !== null && e.endDate < e.startDate);
    expect(outside).toEqual([]);
    expect(backwards).toEqual([]);
  });

  it('uses the right classes and admission methods', () => {
    const wrong = encounters.filter((e) =>
      e.class === 'inpatient' ? !/^(1[123]|2[1-58])$/.test(e.admissionMethod ?? '') : e.admissionMethod !== null,
    );
    expect(wrong).toEqual([]);
    expect(new Set(encounters.map((e) => e.class))).toEqual(new Set(['inpatient', 'emergency', 'ambulatory']));
    const stays = emergencyAdmissions.filter((e) => e.endDate).map((e) => dayNumber(e.endDate!) - dayNumber(e.startDate));
    const meanStay = stays.reduce((a, b) => a + b, 0) / stays.length;
    expect(meanStay).toBeGreaterThan(3);
    expect(meanStay).toBeLessThan(8);
  });

  it('has emergency admissions rising with age', () => {
    const inAges = (from: number, to: number) => (id: string) => ageOf.get(id)! >= from && ageOf.get(id)! <= to;
    const young = admissionRate(inAges(18, 44));
    const middle = admissionRate(inAges(45, 64));
    const old = admissionRate(inAges(75, 84));
    const oldest = admissionRate(inAges(85, 120));
    expect(middle).toBeGreaterThan(young);
    expect(old).toBeGreaterThan(2 * middle);
    expect(oldest).toBeGreaterThan(old);
  });

  it('has emergency admissions rising with the number of conditions, at the same age', () => {
    const older = (n: (count: number) => boolean) => (id: string) => ageOf.get(id)! >= 65 && n(conditionCount.get(id) ?? 0);
    const none = admissionRate(older((n) => n === 0));
    const two = admissionRate(older((n) => n === 2));
    const four = admissionRate(older((n) => n >= 4));
    expect(two).toBeGreaterThan(1.5 * none);
    expect(four).toBeGreaterThan(1.5 * two);
  });

  it('finds 1-3% of adults meeting the documents\' rule, mostly older people', () => {
    const recent = new Map<string, number>();
    for (const e of emergencyAdmissions) if (e.startDate >= yearBefore) recent.set(e.personId, (recent.get(e.personId) ?? 0) + 1);
    const adults = people.filter((p) => ageOf.get(p.id)! >= 18);
    const meeting = adults.filter((p) => (conditionCount.get(p.id) ?? 0) >= 2 && (recent.get(p.id) ?? 0) >= 2);
    const share = meeting.length / adults.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.03);
    expect(meeting.filter((p) => ageOf.get(p.id)! >= 65).length / meeting.length).toBeGreaterThan(0.6);
  });
});
