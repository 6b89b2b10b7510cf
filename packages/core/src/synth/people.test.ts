import { describe, expect, it } from 'vitest';
import { ageOn, isIsoDate } from '../people/dates.js';
import { isValidNhsNumber } from '../people/nhs-number.js';
import { normalisePostcode } from '../people/postcode.js';
import { CONTACT_ROLES, SEXES } from '../registry/roles.js';
import { planBorough } from './borough.js';
import { peopleBatches, synthesisePeople, synthesisePerson } from './people.js';

const referenceDate = '2025-06-30';
const borough = planBorough({ seed: 2017, size: 12_000, referenceDate });

describe('synthetic people', () => {
  it('are the same rows, ids included, for the same seed, size and date', () => {
    const again = planBorough({ seed: 2017, size: 12_000, referenceDate });
    expect(synthesisePeople(again, 0, 500)).toEqual(synthesisePeople(borough, 0, 500));
    const otherSeed = planBorough({ seed: 7, size: 12_000, referenceDate });
    expect(synthesisePerson(otherSeed, 3).person.id).not.toBe(synthesisePerson(borough, 3).person.id);
  });

  it('depend only on the seed and their own number, so batches can be made in any order', () => {
    const batches = [...peopleBatches(borough, 1000)];
    expect(batches).toHaveLength(12);
    expect(batches[7]!.first).toBe(7000);
    expect(synthesisePeople(borough, 7000, 8000)).toEqual(batches[7]);
    expect(synthesisePerson(borough, 7123)).toEqual(synthesisePerson(borough, 7123));
    const bigger = planBorough({ seed: 2017, size: 50_000, referenceDate });
    expect(synthesisePerson(bigger, 42).person.nhsNumber).toBe(synthesisePerson(borough, 42).person.nhsNumber);
  });

  it('have valid, unique NHS numbers and ids, and children rows that point at them', () => {
    const batch = synthesisePeople(borough, 0, borough.size);
    const numbers = new Set(batch.people.map((p) => p.nhsNumber));
    expect(numbers.size).toBe(batch.people.length);
    expect(batch.people.filter((p) => !isValidNhsNumber(p.nhsNumber))).toEqual([]);
    const ids = [...batch.people, ...batch.contacts, ...batch.conditions, ...batch.encounters].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const personIds = new Set(batch.people.map((p) => p.id));
    const orphans = [...batch.contacts, ...batch.conditions, ...batch.encounters].filter((c) => !personIds.has(c.personId));
    expect(orphans).toEqual([]);
    const sourceIds = [...batch.conditions, ...batch.encounters].map((r) => r.sourceId);
    expect(new Set(sourceIds).size).toBe(sourceIds.length);
  });

  it('have plausible, harmless details: real postcodes, drama phone numbers, reserved email domains', () => {
    const { people, contacts } = synthesisePeople(borough, 0, 3000);
    const practiceIds = new Set(borough.practices.map((p) => p.id));
    for (const p of people) {
      expect(isIsoDate(p.dateOfBirth) && p.dateOfBirth <= referenceDate).toBe(true);
      expect(ageOn(p.dateOfBirth, referenceDate)).toBeLessThanOrEqual(104);
      expect(SEXES).toContain(p.sex);
      expect(normalisePostcode(p.postcode!)).toBe(p.postcode);
      expect(practiceIds.has(p.registeredPracticeId!)).toBe(true);
      if (p.phone) expect(p.phone).toMatch(/^(020 7946 0\d{3}|07700 900\d{3})$/);
      if (p.email) expect(p.email).toMatch(/^[a-z]+(\.[a-z]+)?\d*@example\.(com|org|net)$/);
    }
    for (const c of contacts) {
      expect(CONTACT_ROLES).toContain(c.role);
      expect(c.relationship.length).toBeGreaterThan(0);
    }
    expect(new Set(people.map((p) => p.familyName)).size).toBeGreaterThan(150);
    expect(people.some((p) => p.interpreterLanguage)).toBe(true);
    expect(people.some((p) => p.communicationNeeds)).toBe(true);
  });

  it('have contacts more often when older, and one next of kin at most', () => {
    const { people, contacts } = synthesisePeople(borough, 0, borough.size);
    const byPerson = new Map<string, typeof contacts>();
    for (const c of contacts) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
    const share = (from: number, to: number) => {
      const group = people.filter((p) => {
        const age = ageOn(p.dateOfBirth, referenceDate);
        return age >= from && age <= to;
      });
      return group.filter((p) => byPerson.has(p.id)).length / group.length;
    };
    expect(share(75, 120)).toBeGreaterThan(share(18, 64) + 0.25);
    for (const list of byPerson.values()) expect(list.filter((c) => c.isNextOfKin).length).toBeLessThanOrEqual(1);
    expect(contacts.some((c) => c.role === 'carer' && c.maySeePlan)).toBe(true);
  });
});
