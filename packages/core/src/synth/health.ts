/**
 * A synthetic person's long-term conditions and the communication needs that follow from age,
 * language and diagnoses. Conditions are drawn one by one from the catalogue at the person's
 * age-band prevalence, scaled by their health burden, so multimorbidity gathers in the same
 * people as it does in life.
 */
import type { Sex } from '../registry/roles.js';
import { isoDateOfDay } from './calendar.js';
import { LONG_TERM_CONDITIONS, type ConditionCode, type LongTermCondition } from './conditions.js';
import type { NameGroup } from './names.js';
import type { Random } from './random.js';
import { SYNTH_SOURCE_SYSTEM, type ConditionRow } from './rows.js';

const DAYS_PER_YEAR = 365.25;

/**
 * A person's health burden: lognormal with mean 1. It multiplies every condition's prevalence
 * and every hospital rate, which gives both the clustering of conditions and the long tail of
 * people with many admissions.
 */
export function drawHealthBurden(random: Random): number {
  const sigma = 0.8;
  return Math.exp(sigma * random.normal() - (sigma * sigma) / 2);
}

export interface SubjectOfConditions {
  personId: string;
  /** Zero-padded person index: source ids then sort in the order rows are made. */
  sourceKey: string;
  /** First 32 bits of the ids of the person's rows (people.ts). */
  idPrefix: number;
  age: number;
  band: number;
  sex: Sex;
  /** For 'unknown' sex, drawn at random so the person still gets names and relations. */
  female: boolean;
  burden: number;
  birthDay: number;
  referenceDay: number;
}

export interface DrawnCondition {
  condition: LongTermCondition;
  row: ConditionRow;
}

export function drawConditions(random: Random, subject: SubjectOfConditions): DrawnCondition[] {
  const { band } = subject;
  const female = subject.sex === 'unknown' ? undefined : subject.female;
  const drawn: DrawnCondition[] = [];
  for (const condition of LONG_TERM_CONDITIONS) {
    const chance = Math.min(0.95, condition.prevalence[band]! * sexFactor(condition, female) * subject.burden);
    // One draw per condition whatever the outcome, so each person uses the same draws.
    const hit = random.next() < chance;
    if (!hit || (condition.excludes && drawn.some((d) => d.condition.key === condition.excludes))) continue;
    const code = drawCode(random, condition, female);
    const k = drawn.length;
    drawn.push({
      condition,
      row: {
        id: random.uuidAfter(subject.idPrefix),
        personId: subject.personId,
        codeSystem: 'snomed',
        code: code.snomed,
        display: code.display,
        onsetDate: isoDateOfDay(onsetDay(random, condition, subject)),
        sourceSystem: SYNTH_SOURCE_SYSTEM,
        sourceId: `${subject.sourceKey}-c${k}`,
      },
    });
  }
  return drawn;
}

/** Split a sex ratio so that the average over men and women stays at the band's prevalence. */
function sexFactor(condition: LongTermCondition, female: boolean | undefined): number {
  const ratio = condition.femaleToMale ?? 1;
  if (ratio === 1 || female === undefined) return 1;
  return female ? (2 * ratio) / (1 + ratio) : 2 / (1 + ratio);
}

function drawCode(random: Random, condition: LongTermCondition, female: boolean | undefined): ConditionCode {
  const fits = condition.codes.filter((c) => !c.sex || female === undefined || (c.sex === 'female') === female);
  let target = random.next() * fits.reduce((sum, c) => sum + c.share, 0);
  for (const c of fits) if ((target -= c.share) < 0) return c;
  return fits[fits.length - 1]!;
}

/** Diagnosed at some age between the condition's earliest and today, within its longest span. */
function onsetDay(random: Random, condition: LongTermCondition, subject: SubjectOfConditions): number {
  const earliest = Math.min(subject.age, Math.max(condition.fromAge, subject.age - condition.longestYears));
  const onsetAge = earliest + random.next() * (subject.age + 1 - earliest);
  return Math.min(subject.referenceDay - 1, subject.birthDay + Math.floor(onsetAge * DAYS_PER_YEAR));
}

export interface Communication {
  communicationNeeds: string | null;
  interpreterLanguage: string | null;
}

/** Chance an adult of a group that speaks another language needs an interpreter, by age. */
function interpreterChance(age: number): number {
  if (age < 18) return 0.01;
  if (age < 45) return 0.05;
  if (age < 65) return 0.1;
  return age < 75 ? 0.2 : 0.3;
}

const NEEDS_FROM_CONDITIONS: ReadonlyArray<readonly [string, number, string]> = [
  ['learning_disability', 0.7, 'Easy read letters, please; allow a double appointment'],
  ['dementia', 0.6, 'Memory problems: please tell their carer about appointments too'],
  ['stroke_tia', 0.1, 'Aphasia after a stroke: allow time and ask short questions'],
];

export function drawCommunication(random: Random, age: number, group: NameGroup, conditionKeys: ReadonlySet<string>): Communication {
  const needs: string[] = [];
  let interpreterLanguage: string | null = null;
  if (group.languages.length > 0 && random.chance(interpreterChance(age) * group.interpreterLikelihood)) {
    interpreterLanguage = random.pick(group.languages);
    needs.push(`Speaks little English: book a ${interpreterLanguage} interpreter`);
  } else if (age >= 5 && random.chance(0.001)) {
    interpreterLanguage = 'British Sign Language';
    needs.push('Deaf, uses British Sign Language: contact by text message or email');
  }
  const hearing = age >= 85 ? 0.25 : age >= 75 ? 0.15 : age >= 65 ? 0.08 : 0.005;
  if (random.chance(hearing)) needs.push('Hard of hearing: uses hearing aids; face them and speak clearly');
  if (random.chance(age >= 75 ? 0.06 : 0.003)) needs.push('Sight loss: large print letters (16 point) or a phone call');
  for (const [key, chance, need] of NEEDS_FROM_CONDITIONS) {
    if (conditionKeys.has(key) && random.chance(chance)) needs.push(need);
  }
  return { communicationNeeds: needs.length > 0 ? needs.join('. ') : null, interpreterLanguage };
}

/** Sum of the admission weights of a person's conditions: how much they add to hospital use. */
export function admissionLoad(conditions: readonly DrawnCondition[]): number {
  let load = 0;
  for (const c of conditions) load += c.condition.admissionWeight;
  return load;
}
