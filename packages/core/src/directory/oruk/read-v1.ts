/**
 * ORUK v1's eligibility entries, read into the fields HSDS 3.0 gives eligibility. A service with
 * several entries serves everyone any of them admits, so the ages widen to the lowest minimum and
 * the highest maximum, and the entries' words ("adult", "family") become the description.
 */
import type { Fields } from './fields.js';

export interface Eligibility {
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
}

export function readEligibilities(f: Fields): Eligibility {
  const entries = f.list('eligibilitys').map((e) => ({
    words: e.text('eligibility'),
    minimum: e.number('minimum_age', { min: 0, max: 150 }),
    maximum: e.number('maximum_age', { min: 0, max: 150 }),
  }));
  const minimums = entries.flatMap((e) => (e.minimum === undefined ? [] : [e.minimum]));
  const maximums = entries.flatMap((e) => (e.maximum === undefined ? [] : [e.maximum]));
  const words = [...new Set(entries.flatMap((e) => (e.words ? [e.words.trim()] : [])))];
  const found: Eligibility = {};
  if (minimums.length > 0) found.minimum_age = Math.min(...minimums);
  if (maximums.length > 0) found.maximum_age = Math.max(...maximums);
  if (words.length > 0) found.eligibility_description = words.join(', ');
  return found;
}
