/**
 * The age and sex structure of a London borough, in the shape of the ONS mid-year population
 * estimates for England (2022): shares of the population by age band, and the share of women
 * rising with age because women live longer.
 */
import type { Sex } from '../registry/roles.js';
import type { Random } from './random.js';
import { cumulativeOf } from './random.js';

export interface AgeBand {
  label: string;
  from: number;
  to: number;
  share: number;
  /** Share of the band recorded as female. */
  female: number;
}

export const AGE_BANDS: readonly AgeBand[] = [
  { label: '0-4', from: 0, to: 4, share: 0.06, female: 0.488 },
  { label: '5-17', from: 5, to: 17, share: 0.16, female: 0.488 },
  { label: '18-29', from: 18, to: 29, share: 0.15, female: 0.5 },
  { label: '30-44', from: 30, to: 44, share: 0.21, female: 0.505 },
  { label: '45-64', from: 45, to: 64, share: 0.245, female: 0.505 },
  { label: '65-74', from: 65, to: 74, share: 0.09, female: 0.525 },
  { label: '75-84', from: 75, to: 84, share: 0.06, female: 0.56 },
  { label: '85+', from: 85, to: 104, share: 0.025, female: 0.64 }, // to = MAX_AGE
];

/** The oldest synthetic person. */
export const MAX_AGE = 104;

const BAND_CUMULATIVE = cumulativeOf(AGE_BANDS.map((b) => b.share));

/** The band an age falls in (ages past the last band stay in it). */
export function ageBandIndex(age: number): number {
  for (let i = AGE_BANDS.length - 1; i > 0; i--) if (age >= AGE_BANDS[i]!.from) return i;
  return 0;
}

/** An age in whole years: uniform within a band, thinning out past 85. */
export function drawAge(random: Random): number {
  const band = AGE_BANDS[random.weighted(BAND_CUMULATIVE)]!;
  if (band.to < 100) return random.between(band.from, band.to);
  // Past 85 the number alive falls by about a fifth a year.
  return Math.min(band.to, band.from + Math.floor(-Math.log(1 - random.next()) * 4.5));
}

/** About 1 in 5,000 records has sex not known or not given. */
export function drawSex(random: Random, age: number): Sex {
  if (random.chance(0.0002)) return 'unknown';
  return random.chance(AGE_BANDS[ageBandIndex(age)]!.female) ? 'female' : 'male';
}

/**
 * Gender identity in the person's own words, for the 0.5% of adults whose identity differs
 * from the sex registered at birth (Census 2021, England and Wales).
 */
export function drawGenderIdentity(random: Random, age: number): string | null {
  if (age < 16 || !random.chance(0.005)) return null;
  return random.pick(['Non-binary', 'Trans woman', 'Trans man', 'Woman', 'Man', 'Genderfluid']);
}
