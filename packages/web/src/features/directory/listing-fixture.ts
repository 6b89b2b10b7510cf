import type { Listing } from './types';

/** A listing as the API gives it, for the tests of what an edit sends. */
export function listingFixture(overrides: Partial<Listing> = {}): Listing {
  return {
    id: '7d0c8a9e-5f7e-4b0a-9a41-2f4d0c3b9e10',
    name: 'Thursday lunch club',
    organisation: 'Croydon Age Friends',
    description: 'A hot lunch and a chat.',
    place: null,
    when: ['Thursdays 12:00 to 14:00'],
    cost: 'charged',
    capacity: { state: 'taking_referrals', reported: 'taking_referrals', confirmedOn: '2026-05-01', daysSinceConfirmed: 3, words: 'Taking referrals' },
    referral: { mode: 'signpost_only', how: null },
    freshness: { state: 'fresh', lastVerifiedOn: '2026-05-01', daysSinceVerified: 3, staleFrom: '2026-11-02', verifiedBy: 'Sam Patel' },
    types: ['Lunch club'],
    places: [],
    contacts: [],
    phones: ['020 8726 6000'],
    phone: '020 8726 6000',
    email: 'lunch@example.org',
    website: 'https://example.org/lunch',
    eligibility: { minimumAge: 60, maximumAge: null, description: 'Older people living alone' },
    costs: [],
    languages: [],
    accessibility: [],
    feedId: 'croydon',
    version: 4,
    organizationId: null,
    editsDirectly: false,
    ...overrides,
  };
}
