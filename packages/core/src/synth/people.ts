/**
 * Synthetic people. Person i is made from its own random stream (seed, i), so it is the same
 * whichever batch it is made in, and batches can be made one at a time: two million people never
 * sit in memory together.
 */
import type { Borough } from './borough.js';
import { isoDateOfDay } from './calendar.js';
import { londonLandline, mobileNumber, personalEmail } from './contact-details.js';
import { drawContacts, type SubjectOfContacts } from './family.js';
import { admissionLoad, drawCommunication, drawConditions, drawHealthBurden, type SubjectOfConditions } from './health.js';
import { drawHospitalActivity, type SubjectOfActivity } from './hospital-activity.js';
import { drawFamilyName, drawGivenName, drawNameGroup } from './names.js';
import { syntheticNhsNumber } from './nhs-numbers.js';
import { addressAt, boroughPostcodes, postTown } from './places.js';
import { ageBandIndex, drawAge, drawGenderIdentity, drawSex } from './population.js';
import { Random, STREAM } from './random.js';
import type { ConditionRow, ContactRow, EncounterRow, PersonRow } from './rows.js';

export interface SyntheticPerson {
  person: PersonRow;
  contacts: ContactRow[];
  conditions: ConditionRow[];
  encounters: EncounterRow[];
}

/** Short forms some people go by. */
const PREFERRED_NAMES = new Map(
  Object.entries({
    Margaret: 'Peggy', Elizabeth: 'Liz', Patricia: 'Pat', Kathleen: 'Kath', Jacqueline: 'Jackie', Susan: 'Sue',
    William: 'Bill', Robert: 'Bob', Christopher: 'Chris', Anthony: 'Tony', Edward: 'Ted', Raymond: 'Ray',
    Oluwaseun: 'Seun', Mohammed: 'Mo', Katarzyna: 'Kasia', Tomasz: 'Tomek',
  }),
);

/** What later draws need to know about the person: one object, filled in as it is drawn. */
interface PersonSubject extends SubjectOfConditions, SubjectOfContacts, SubjectOfActivity {
  index: number;
  givenName: string;
}

export function synthesisePerson(borough: Borough, index: number): SyntheticPerson {
  const random = new Random(borough.seed, STREAM.person, index);
  const subject = drawSubject(random, borough, index);
  const drawn = drawConditions(random, subject);
  const keys = new Set<string>();
  for (const d of drawn) keys.add(d.condition.key);
  subject.conditionLoad = admissionLoad(drawn);
  subject.needsCare = keys.has('dementia') || keys.has('learning_disability') || (subject.age >= 80 && subject.burden > 2);
  const person = personRow(random, borough, subject, keys);
  const contacts = drawContacts(random, subject);
  const encounters = drawHospitalActivity(random, subject);
  return { person, contacts, conditions: drawn.map((d) => d.row), encounters };
}

function drawSubject(random: Random, borough: Borough, index: number): PersonSubject {
  // Person i's rows all have ids starting with the seed's byte then i: ids rise with i.
  const idPrefix = borough.sampling.idPrefixBase + index;
  const personId = random.uuidAfter(idPrefix);
  const age = drawAge(random);
  const sex = drawSex(random, age);
  const female = sex === 'female' || (sex !== 'male' && random.chance(0.5));
  const birthDay = birthDayAt(random, age, borough.sampling.birthdayAnchors);
  const birthYear = Number(isoDateOfDay(birthDay).slice(0, 4));
  const group = drawNameGroup(random);
  const givenName = drawGivenName(random, group, female, birthYear);
  return {
    index,
    personId,
    sourceKey: `p${String(index).padStart(7, '0')}`,
    idPrefix,
    age,
    band: ageBandIndex(age),
    sex,
    female,
    birthDay,
    birthYear,
    group,
    givenName,
    familyName: drawFamilyName(random, group, female),
    burden: drawHealthBurden(random),
    referenceDay: borough.sampling.referenceDay,
    conditionLoad: 0,
    needsCare: false,
  };
}

/** A birth date that makes the person exactly `age` on the reference date. */
function birthDayAt(random: Random, age: number, anchors: readonly number[]): number {
  const latest = anchors[age]!;
  return latest - random.int(latest - anchors[age + 1]!);
}

/**
 * The person's registry row: registered at a practice chosen by list size, living at a postcode
 * in its catchment. Fields are set one by one rather than spread from parts, which made
 * generation markedly slower.
 */
function personRow(random: Random, borough: Borough, subject: PersonSubject, keys: ReadonlySet<string>): PersonRow {
  const { sampling } = borough;
  const { age, givenName, familyName } = subject;
  const practice = random.weighted(sampling.practiceCumulative);
  const catchment = sampling.catchments[practice]!;
  const home = random.pick(catchment.length > 0 ? catchment : boroughPostcodes());
  const flat = random.chance(age >= 18 && age < 45 ? 0.4 : 0.25) ? random.between(1, 24) : undefined;
  const address = addressAt(home.postcode, random.between(1, 180), flat);
  const mobileShare = age >= 75 ? 0.4 : 0.85;
  const emailShare = age < 18 ? 0 : age < 65 ? 0.45 : age < 75 ? 0.25 : 0.1;
  const preferred = PREFERRED_NAMES.get(givenName);
  const phone = random.chance(0.92) ? (random.chance(mobileShare) ? mobileNumber(random) : londonLandline(random)) : null;
  const email = random.chance(emailShare) ? personalEmail(random, givenName, familyName) : null;
  const communication = drawCommunication(random, age, subject.group, keys);
  return {
    id: subject.personId,
    nhsNumber: syntheticNhsNumber(sampling.nhsNumbering, subject.index),
    givenName,
    familyName,
    preferredName: preferred !== undefined && random.chance(0.4) ? preferred : null,
    dateOfBirth: isoDateOfDay(subject.birthDay),
    sex: subject.sex,
    genderIdentity: drawGenderIdentity(random, age),
    addressLine1: address.addressLine1,
    addressLine2: address.addressLine2,
    town: postTown(home.postcode),
    postcode: home.postcode,
    phone,
    email,
    registeredPracticeId: sampling.practiceIds[practice]!,
    communicationNeeds: communication.communicationNeeds,
    interpreterLanguage: communication.interpreterLanguage,
  };
}

export interface PeopleBatch {
  /** Index of the first person in the batch. */
  first: number;
  people: PersonRow[];
  contacts: ContactRow[];
  conditions: ConditionRow[];
  encounters: EncounterRow[];
}

/** People from index `first` up to (not including) `end`, with everything that is theirs. */
export function synthesisePeople(borough: Borough, first: number, end: number): PeopleBatch {
  const batch: PeopleBatch = { first, people: [], contacts: [], conditions: [], encounters: [] };
  for (let i = first; i < Math.min(end, borough.size); i++) {
    const made = synthesisePerson(borough, i);
    batch.people.push(made.person);
    for (const c of made.contacts) batch.contacts.push(c);
    for (const c of made.conditions) batch.conditions.push(c);
    for (const e of made.encounters) batch.encounters.push(e);
  }
  return batch;
}

/** The whole borough's people, a batch at a time. */
export function* peopleBatches(borough: Borough, batchSize = 5000): Generator<PeopleBatch> {
  for (let first = 0; first < borough.size; first += batchSize) yield synthesisePeople(borough, first, first + batchSize);
}
