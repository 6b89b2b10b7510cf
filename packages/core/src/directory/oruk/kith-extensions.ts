/**
 * What Kith knows about a directory service that Open Referral UK has no field for, kept beside
 * the ORUK record and never sent out in it. A PIC or navigator deciding where to send someone
 * needs to know whether the service is taking people now, whether Kith can refer directly or
 * can only signpost, and how recently someone checked the entry.
 */
import { z } from 'zod';
import { isIsoDate } from '../../people/dates.js';
import type { DirectoryService } from './model.js';

const day = z.string().refine(isIsoDate, 'Must be a date, YYYY-MM-DD');

export const SERVICE_CAPACITIES = ['taking_referrals', 'waiting_list', 'full'] as const;
export type ServiceCapacityState = (typeof SERVICE_CAPACITIES)[number];

/** Whether the service is taking people, as confirmed on a day (capacity changes; the day says how stale it is). */
export const serviceCapacitySchema = z.strictObject({
  state: z.enum(SERVICE_CAPACITIES),
  confirmedOn: day,
  note: z.string().min(1).max(500).optional(),
});
export type ServiceCapacity = z.infer<typeof serviceCapacitySchema>;

export const REFERRAL_MODES = ['signpost_only', 'direct_referral'] as const;
export type ReferralModeKind = (typeof REFERRAL_MODES)[number];

/**
 * How a person gets to the service: signposting (the person contacts it themselves) or a direct
 * referral, with how it is made in the service's words ("email referrals@…", "online form at …").
 */
export const referralModeSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('signpost_only') }),
  z.strictObject({ mode: z.literal('direct_referral'), how: z.string().trim().min(1).max(1000) }),
]);
export type ReferralMode = z.infer<typeof referralModeSchema>;

/** When someone last confirmed the entry is right, and who (a member of staff, or the publisher's feed). */
export const directoryFreshnessSchema = z.strictObject({
  lastVerifiedOn: day,
  verifiedBy: z.string().min(1).max(200),
});
export type DirectoryFreshness = z.infer<typeof directoryFreshnessSchema>;

export const directoryExtensionsSchema = z.strictObject({
  capacity: serviceCapacitySchema.optional(),
  referralMode: referralModeSchema.optional(),
  freshness: directoryFreshnessSchema.optional(),
});
export type DirectoryExtensions = z.infer<typeof directoryExtensionsSchema>;

/**
 * The freshness a feed itself claims: its assured_date, checked by its assurer (or the feed).
 * A starting point until a member of staff verifies the entry; undefined when the feed says nothing.
 */
export function feedFreshness(service: DirectoryService, feedId: string): DirectoryFreshness | undefined {
  if (!service.assured_date) return undefined;
  return { lastVerifiedOn: service.assured_date, verifiedBy: service.assurer_email ?? feedId };
}

export type ServiceCost = 'free' | 'charged' | 'not stated';

/**
 * Whether using the service costs money, from its cost options: free when every priced option is
 * 0 (or the fees say just "Free"), charged when any costs more, and "not stated" otherwise, since
 * a directory that guesses "free" sends people to bills they did not expect.
 */
export function serviceCost(service: DirectoryService): ServiceCost {
  const amounts = service.cost_options.flatMap((c) => (c.amount === undefined ? [] : [c.amount]));
  if (amounts.some((a) => a > 0)) return 'charged';
  if (amounts.length > 0) return 'free';
  const fees = [service.fees, service.fees_description].filter((f): f is string => f !== undefined);
  return fees.some((f) => /^\s*free[\s.!]*$/i.test(f)) ? 'free' : 'not stated';
}
