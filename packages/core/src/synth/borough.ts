/**
 * The plan of a synthetic borough: partner organisations, GP practices grouped into Integrated
 * Community Networks, their teams and staff. It is small (hundreds of rows even for two million
 * people) and made whole; the people are made afterwards, in batches (people.ts).
 */
import { DomainError } from '../errors.js';
import { isIsoDate } from '../people/dates.js';
import { dayNumber, yearsBefore } from './calendar.js';
import { nhsNumbering, SYNTHETIC_NHS_NUMBER_CAPACITY, type NhsNumbering } from './nhs-numbers.js';
import {
  catchments,
  MAX_PRACTICES,
  networkSlices,
  partnerOrganisations,
  placePractices,
  type PartnerKey,
  type PlannedPractice,
} from './organisations.js';
import type { PostcodePoint } from './places.js';
import { MAX_AGE } from './population.js';
import { cumulativeOf, Random, seedWord, STREAM } from './random.js';
import type { NetworkRow, OrganisationRow, PracticeRow, TeamRow } from './rows.js';
import { planStaff, type Staffing } from './staff.js';

export interface BoroughOptions {
  seed: number;
  /** Number of people, 100 to 2,000,000. */
  size: number;
  /** The day the data is "as at" (YYYY-MM-DD); ages and event histories count back from it. */
  referenceDate: string;
  networks?: number;
  practices?: number;
}

export const MIN_BOROUGH_SIZE = 100;
export const MAX_BOROUGH_SIZE = 2_000_000;

/** What people generation draws on: practices by list size and where their patients live. */
export interface PeopleSampling {
  practiceIds: string[];
  practiceCumulative: number[];
  catchments: PostcodePoint[][];
  nhsNumbering: NhsNumbering;
  referenceDay: number;
  /** The seed's byte in the top of the id prefix; person i's rows have prefix base + i. */
  idPrefixBase: number;
  /** Day numbers of the reference date n years back: birthdays of people aged n fall after the n+1th. */
  birthdayAnchors: number[];
}

export interface Borough extends Staffing {
  seed: number;
  size: number;
  referenceDate: string;
  partners: Record<PartnerKey, OrganisationRow>;
  /** Partners first, then one per practice. */
  organisations: OrganisationRow[];
  networks: NetworkRow[];
  practices: PracticeRow[];
  teams: TeamRow[];
  sampling: PeopleSampling;
}

export function planBorough(options: BoroughOptions): Borough {
  const { seed, size, referenceDate, networks: networkCount = 6, practices: practiceCount = 40 } = options;
  checkOptions(seed, size, referenceDate, networkCount, practiceCount);
  const random = new Random(seed, STREAM.borough);
  const partners = partnerOrganisations(random);
  const { networks, planned } = planNetworks(random, practiceCount, networkCount);
  const totalWeight = planned.reduce((sum, p) => sum + p.weight, 0);
  const listSize = (p: PlannedPractice) => (size * p.weight) / totalWeight;
  const networkTeams = networks.map((network) => ({
    icn: team(random, `${network.name} ICN team`, partners.trust, network),
    coordinators: team(random, `${network.name} personal independence coordinators`, partners.voluntary, network),
    population: planned.filter((p) => p.practice.networkId === network.id).reduce((sum, p) => sum + listSize(p), 0),
  }));
  const boroughTeams = {
    independentLiving: team(random, 'Independent living team', partners.council, null),
    pointOfAccess: team(random, 'Point of access', partners.voluntary, null),
  };
  const practices = planned.map((p) => ({ organisation: p.organisation, expectedListSize: listSize(p) }));
  return {
    seed,
    size,
    referenceDate,
    partners,
    organisations: [...Object.values(partners), ...planned.map((p) => p.organisation)],
    networks,
    practices: planned.map((p) => p.practice),
    teams: [...networkTeams.flatMap((t) => [t.icn, t.coordinators]), boroughTeams.independentLiving, boroughTeams.pointOfAccess],
    ...planStaff(random, { partners, practices, networkTeams, boroughTeams, size }),
    sampling: samplingFor(seed, referenceDate, planned),
  };
}

/** Practices placed over the borough and grouped into networks, listed network by network. */
function planNetworks(random: Random, practiceCount: number, networkCount: number) {
  const slices = networkSlices(placePractices(random, practiceCount), networkCount);
  const networks: NetworkRow[] = slices.map((s) => ({ id: random.uuid(), name: s.name }));
  const planned = slices.flatMap((s, n) =>
    s.members.map((p): PlannedPractice => ({ ...p, practice: { ...p.practice, networkId: networks[n]!.id } })),
  );
  return { networks, planned };
}

function samplingFor(seed: number, referenceDate: string, planned: readonly PlannedPractice[]): PeopleSampling {
  return {
    practiceIds: planned.map((p) => p.practice.id),
    practiceCumulative: cumulativeOf(planned.map((p) => p.weight)),
    catchments: catchments(planned),
    nhsNumbering: nhsNumbering(seed),
    referenceDay: dayNumber(referenceDate),
    idPrefixBase: (seedWord(seed) & 0xff) * 0x100_0000,
    birthdayAnchors: Array.from({ length: MAX_AGE + 2 }, (_, years) => dayNumber(yearsBefore(referenceDate, years))),
  };
}

function team(random: Random, name: string, organisation: OrganisationRow, network: NetworkRow | null): TeamRow {
  return { id: random.uuid(), name, organisationId: organisation.id, networkId: network?.id ?? null };
}

function checkOptions(seed: number, size: number, referenceDate: string, networks: number, practices: number): void {
  if (!Number.isSafeInteger(seed)) throw DomainError.field('seed', 'Must be a whole number');
  if (!Number.isInteger(size) || size < MIN_BOROUGH_SIZE || size > MAX_BOROUGH_SIZE) {
    throw DomainError.field('size', `Must be a whole number from ${MIN_BOROUGH_SIZE} to ${MAX_BOROUGH_SIZE}`);
  }
  if (size > SYNTHETIC_NHS_NUMBER_CAPACITY) throw DomainError.field('size', 'More people than synthetic NHS numbers');
  if (!isIsoDate(referenceDate) || referenceDate < '1990-01-01') {
    throw DomainError.field('referenceDate', 'Must be a real date from 1990 on, written as YYYY-MM-DD');
  }
  if (!Number.isInteger(practices) || practices < 1 || practices > MAX_PRACTICES) {
    throw DomainError.field('practices', `Must be a whole number from 1 to ${MAX_PRACTICES}`);
  }
  if (!Number.isInteger(networks) || networks < 1 || networks > practices) {
    throw DomainError.field('networks', 'Must be a whole number from 1 to the number of practices');
  }
}
