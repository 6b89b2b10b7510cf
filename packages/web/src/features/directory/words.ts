import { formatDate } from '../../format';
import type { ListingCost, ListingSummary, ReferralMode } from './types';

/** "500 m", "1 km", "2.5 km": a distance to search within. */
export function radiusWords(metres: number): string {
  if (metres < 1000) return `${metres} m`;
  return `${Number((metres / 1000).toFixed(1))} km`;
}

/** "0.5 km away", "12.3 km away", in kilometres to one decimal place. */
export function distanceWords(metres: number | null | undefined): string | undefined {
  if (metres === null || metres === undefined || !Number.isFinite(metres)) return undefined;
  if (metres < 50) return 'Less than 0.1 km away';
  return `${(metres / 1000).toFixed(1)} km away`;
}

const servicesWord = (count: number) => (count === 1 ? '1 service' : `${count} services`);

/** The count in words, saying what the search was near when it was near somewhere. */
export function countWords(total: number, near: { postcode: string; radiusMetres: number } | null, filtered: boolean): string {
  if (near) {
    const where = `within ${radiusWords(near.radiusMetres)} of ${near.postcode}`;
    return total === 0 ? `No services found ${where}` : `${servicesWord(total)} found ${where}`;
  }
  if (filtered) return total === 0 ? 'No services found' : `${servicesWord(total)} found`;
  return total === 0 ? 'There are no services in the directory yet' : `${servicesWord(total)} in the directory`;
}

/** "Showing 21 to 40 of 53", when there is more than one page. */
export function rangeWords(page: number, perPage: number, shown: number, total: number): string | undefined {
  if (total <= perPage || shown === 0) return undefined;
  const first = (page - 1) * perPage + 1;
  return `Showing ${first} to ${first + shown - 1} of ${total}`;
}

const COST_WORDS: Readonly<Record<ListingCost, string>> = {
  free: 'Free',
  charged: 'There is a charge',
  'not stated': 'Cost not stated',
};

export function costWords(cost: ListingCost): string {
  return COST_WORDS[cost];
}

const REFERRAL_WORDS: Readonly<Record<ReferralMode, string>> = {
  direct_referral: 'Takes direct referrals',
  signpost_only: 'Signpost only',
};

export function referralWords(mode: ReferralMode): string {
  return REFERRAL_WORDS[mode];
}

const AVERAGE_MONTH_DAYS = 365.25 / 12;

/** How long ago, in the largest whole unit: "7 months", "1 year", "3 years". */
export function ageOfCheckWords(days: number): string {
  const months = Math.floor(days / AVERAGE_MONTH_DAYS);
  if (months < 1) return days === 1 ? '1 day' : `${days} days`;
  if (months < 12) return months === 1 ? '1 month' : `${months} months`;
  const years = Math.floor(months / 12);
  return years === 1 ? '1 year' : `${years} years`;
}

/**
 * The warning a listing carries when its details may be out of date: "Not checked for
 * 7 months", or "Never checked"; nothing while it is fresh.
 */
export function freshnessWarning(freshness: ListingSummary['freshness']): string | undefined {
  if (freshness.state === 'fresh') return undefined;
  if (freshness.state === 'never_verified' || freshness.daysSinceVerified === null) return 'Never checked';
  return `Not checked for ${ageOfCheckWords(freshness.daysSinceVerified)}`;
}

/** "Ages 18 to 65", "Aged 50 and over", "Aged up to 25"; undefined when the feed gives no ages. */
export function ageRangeWords(minimumAge: number | null, maximumAge: number | null): string | undefined {
  if (minimumAge !== null && maximumAge !== null) return `Ages ${minimumAge} to ${maximumAge}`;
  if (minimumAge !== null) return `Aged ${minimumAge} and over`;
  if (maximumAge !== null) return `Aged up to ${maximumAge}`;
  return undefined;
}

/** A website worth linking to: only http and https addresses, never a script hiding in a feed. */
export function safeWebAddress(address: string | null | undefined): string | undefined {
  const trimmed = address?.trim();
  if (!trimmed) return undefined;
  // Feeds often leave the scheme off: "www.example.org" is still a web address.
  const withScheme = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(trimmed) ? `https://${trimmed}` : trimmed;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A phone number as the feed wrote it ("020 8726 6000 (reception)") as a tel: link's target. */
export function telHref(phone: string): string | undefined {
  const number = phone.split('(')[0]!.replace(/[^\d+]/g, '');
  return number.length >= 3 ? `tel:${number}` : undefined;
}

/** When the details were last checked with the service, and by whom, with a warning when that was long ago. */
export function checkedWords(freshness: ListingSummary['freshness']): string {
  if (freshness.state === 'never_verified' || !freshness.lastVerifiedOn) {
    return 'These details have not been checked with the service. Check them before you refer or signpost someone.';
  }
  const by = freshness.verifiedBy ? ` by ${freshness.verifiedBy}` : '';
  const on = formatDate(freshness.lastVerifiedOn);
  return freshness.state === 'fresh'
    ? `Details checked with the service on ${on}${by}.`
    : `Details last checked with the service on ${on}${by}. They may be out of date: check them before you refer or signpost someone.`;
}
