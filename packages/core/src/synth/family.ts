/**
 * The people around a synthetic person: parents for children; partners, children, siblings,
 * friends and neighbours for adults, more often the older and the frailer they are. The first
 * family member is next of kin; someone who looks after the person is their carer and may see
 * their plan.
 */
import type { ContactRole } from '../registry/roles.js';
import { londonLandline, mobileNumber, personalEmail } from './contact-details.js';
import { drawFamilyName, drawGivenName, familyNameFor, type NameGroup } from './names.js';
import type { Random } from './random.js';
import type { ContactRow } from './rows.js';

export interface SubjectOfContacts {
  personId: string;
  /** First 32 bits of the ids of the person's rows (people.ts). */
  idPrefix: number;
  age: number;
  birthYear: number;
  /** For 'unknown' sex, drawn at random so the person still gets relations. */
  female: boolean;
  familyName: string;
  group: NameGroup;
  /** Needs someone to look after them: dementia, learning disability, frailty. */
  needsCare: boolean;
}

interface Relation {
  relationship: string;
  female: boolean;
  /** Years older than the person, roughly; negative for children. */
  ageGap: number;
  sharesFamilyName: number;
  role: 'family' | 'friend' | 'neighbour' | 'other';
}

const rel = (relationship: string, female: boolean, ageGap: number, sharesFamilyName: number, role: Relation['role'] = 'family'): Relation => ({
  relationship,
  female,
  ageGap,
  sharesFamilyName,
  role,
});

/** Relationships a person can have more than one of, among those recorded. */
const REPEATABLE = new Set(['daughter', 'son', 'sister', 'brother', 'friend', 'niece', 'nephew']);

/** Chance of having anyone recorded, by age; higher for people who need care. */
function contactChance(subject: SubjectOfContacts): number {
  if (subject.needsCare) return 0.95;
  const { age } = subject;
  if (age < 16) return 0.9;
  if (age < 65) return 0.35;
  if (age < 75) return 0.55;
  return age < 85 ? 0.75 : 0.88;
}

export function drawContacts(random: Random, subject: SubjectOfContacts): ContactRow[] {
  if (!random.chance(contactChance(subject))) return [];
  // Both parents for half of children; a second contact for many older people, a third for a few.
  let count = 1;
  if (random.chance(subject.age < 16 ? 0.55 : subject.age >= 65 ? 0.45 : 0.2)) count++;
  if (subject.age >= 75 && random.chance(0.1)) count++;
  const contacts: ContactRow[] = [];
  const used = new Set<string>();
  for (let position = 0; position < count; position++) {
    const relation = drawRelation(random, subject);
    if (used.has(relation.relationship) && !REPEATABLE.has(relation.relationship)) continue;
    used.add(relation.relationship);
    contacts.push(contactFor(random, subject, relation, contacts));
  }
  return contacts;
}

function drawRelation(random: Random, subject: SubjectOfContacts): Relation {
  const { age } = subject;
  const roll = random.next();
  if (age < 16) return roll < 0.65 ? rel('mother', true, 30, 0.75) : rel('father', false, 32, 0.85);
  if (age < 40) {
    if (roll < 0.35) return partnerOf(random, subject.female);
    if (roll < 0.65) return rel('mother', true, 28, 0.7);
    if (roll < 0.75) return rel('father', false, 30, 0.8);
    if (roll < 0.9) return random.chance(0.5) ? rel('sister', true, 2, 0.8) : rel('brother', false, -2, 0.8);
    return rel('friend', random.chance(0.5), 0, 0, 'friend');
  }
  const partnerShare = age < 65 ? 0.55 : age < 85 ? 0.35 : 0.15;
  if (roll < partnerShare) return partnerOf(random, subject.female);
  if (roll < partnerShare + 0.3) return rel('daughter', true, -28, 0.5);
  if (roll < partnerShare + 0.45) return rel('son', false, -28, 0.9);
  if (roll < partnerShare + 0.53) return random.chance(0.5) ? rel('sister', true, 0, 0.4) : rel('brother', false, 0, 0.9);
  if (roll < partnerShare + 0.58) return random.chance(0.5) ? rel('niece', true, -30, 0.3) : rel('nephew', false, -30, 0.6);
  if (roll < partnerShare + 0.66) return rel('friend', random.chance(0.6), 0, 0, 'friend');
  if (roll < partnerShare + 0.73 || age < 75) return rel('neighbour', random.chance(0.6), -10, 0, 'neighbour');
  return rel('warden at their sheltered housing', random.chance(0.7), -35, 0, 'other');
}

function partnerOf(random: Random, female: boolean): Relation {
  const partnerFemale = random.chance(0.05) ? female : !female;
  const word = random.chance(0.3) ? 'partner' : partnerFemale ? 'wife' : 'husband';
  return rel(word, partnerFemale, random.between(-4, 4), word === 'partner' ? 0.2 : 0.8);
}

function contactFor(random: Random, subject: SubjectOfContacts, relation: Relation, earlier: readonly ContactRow[]): ContactRow {
  const birthYear = Math.min(subject.birthYear - relation.ageGap + random.between(-4, 4), subject.birthYear + 60);
  const given = drawGivenName(random, subject.group, relation.female, birthYear);
  const family = random.chance(relation.sharesFamilyName)
    ? familyNameFor(subject.familyName.replace(/ska$/, 'ski'), relation.female)
    : drawFamilyName(random, subject.group, relation.female);
  const isFamily = relation.role === 'family';
  const firstFamily = isFamily && !earlier.some((c) => c.isNextOfKin);
  const role: ContactRole = isFamily && subject.needsCare && !earlier.some((c) => c.role === 'carer')
    ? 'carer'
    : firstFamily
      ? 'next_of_kin'
      : relation.role;
  const child = subject.age < 16 && isFamily;
  return {
    id: random.uuidAfter(subject.idPrefix),
    personId: subject.personId,
    name: `${given} ${family}`,
    role,
    relationship: relation.relationship,
    phone: random.chance(0.85) ? mobileNumber(random) : londonLandline(random),
    email: random.chance(0.25) ? personalEmail(random, given, family) : null,
    isNextOfKin: firstFamily,
    maySeePlan: role === 'carer' || child || random.chance(role === 'next_of_kin' ? 0.7 : isFamily ? 0.4 : 0.15),
    position: earlier.length,
  };
}
