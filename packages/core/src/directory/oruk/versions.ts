/**
 * The two generations of Open Referral UK that live feeds speak: v1 (the original UK profile,
 * still served by many council directories) and v3 (the UK profile of HSDS 3.0). Most fields
 * kept their names, so one reader reads both; what differs is listed in docs/open-referral.md.
 */
import type { RawObject } from './fields.js';

export const ORUK_VERSIONS = ['v1', 'v3'] as const;
export type OrukVersion = (typeof ORUK_VERSIONS)[number];

/** Fields only a v1 service has (collections v3 renamed or removed, and v1's service enumerations). */
const V1_ONLY = [
  'regular_schedules',
  'holiday_schedules',
  'service_taxonomys',
  'eligibilitys',
  'fundings',
  'reviews',
  'deliverable_type',
  'attending_type',
  'attending_access',
];

/** A service is v1 when it carries a field only v1 has; otherwise it is read as v3. */
export function serviceVersion(service: RawObject): OrukVersion {
  return V1_ONLY.some((key) => key in service) ? 'v1' : 'v3';
}
