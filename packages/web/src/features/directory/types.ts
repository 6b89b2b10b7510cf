import type { ListingEdit, ListingFreshnessState, ShownCapacityState } from '@kith/core';

/** A place a service runs at, as the feed gave it. */
export interface ListingPlace {
  name: string | null;
  address: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
}

export type ListingCost = 'free' | 'charged' | 'not stated';
export type ReferralMode = 'signpost_only' | 'direct_referral';

/** A search result: what a card shows about one service. */
export interface ListingSummary {
  id: string;
  name: string;
  organisation: string | null;
  description: string | null;
  place: ListingPlace | null;
  /** Each schedule in words: "Thursdays 12:00 to 14:00". */
  when: string[];
  cost: ListingCost;
  capacity: {
    state: ShownCapacityState;
    reported: string | null;
    confirmedOn: string | null;
    daysSinceConfirmed: number | null;
    words: string;
  };
  referral: { mode: ReferralMode; how: string | null };
  freshness: {
    state: ListingFreshnessState;
    lastVerifiedOn: string | null;
    daysSinceVerified: number | null;
    staleFrom: string | null;
    verifiedBy: string | null;
  };
  types: string[];
}

export interface SearchResult extends ListingSummary {
  distanceMetres: number | null;
  score: number;
}

export interface DirectorySearchAnswer {
  items: SearchResult[];
  total: number;
  page: number;
  perPage: number;
  near: { postcode: string; radiusMetres: number } | null;
}

export interface ListingContact {
  name: string | null;
  title: string | null;
  email: string | null;
  phones: string[];
}

/** A service's page: the summary with everything the feed said about it. */
export interface Listing extends ListingSummary {
  places: ListingPlace[];
  contacts: ListingContact[];
  phones: string[];
  /** The first phone number as held, without its description: what an edit changes. */
  phone: string | null;
  email: string | null;
  website: string | null;
  eligibility: { minimumAge: number | null; maximumAge: number | null; description: string | null };
  costs: string[];
  languages: string[];
  accessibility: string[];
  feedId: string;
  /** The version read: a change is made at it, and refused (409) once someone else has changed it. */
  version: number;
  /** The directory organisation that runs it. */
  organizationId: string | null;
  /** Whether this member of staff's change shows at once; otherwise it waits for review. */
  editsDirectly: boolean;
}

/** A change someone proposed to a listing, waiting for a reviewer. */
export interface PendingEdit {
  id: string;
  serviceId: string;
  serviceName: string;
  basedOnVersion: number;
  currentVersion: number;
  proposed: ListingEdit;
  proposedBy: string;
  /** ISO date and time. */
  proposedAt: string;
}

export interface PendingEditsAnswer {
  edits: PendingEdit[];
}

/** A listing nobody has checked with its service for a long time, or ever. */
export interface StaleListing {
  id: string;
  name: string;
  organisation: string | null;
  feedId: string;
  lastVerifiedOn: string | null;
  verifiedBy: string | null;
  /** "Details last checked on 3 March 2026: they may be out of date". */
  words: string;
}

export interface StaleListingsAnswer {
  items: StaleListing[];
  total: number;
  page: number;
  perPage: number;
}

/** One term of the vocabulary services are classified by; a search filters on its code. */
export interface TaxonomyTerm {
  id: string;
  name: string;
  code: string;
  taxonomy?: string;
  description?: string;
}
