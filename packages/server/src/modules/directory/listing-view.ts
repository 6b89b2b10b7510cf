/**
 * A listing as people read it: what the service is, who runs it, where and when, what it costs,
 * whether it is taking people now and how to get someone to it, and how fresh the entry is. The
 * summary is a search result; the full listing is the service page.
 */
import {
  type DirectoryService,
  type HsdsScheduleFields,
  type LatLong,
  type ListingFreshness,
  type ServiceCapacityState,
  type ShownCapacity,
  describeSchedule,
  distanceMetres,
  listingFreshness,
  serviceCost,
  shownCapacity,
} from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';

export interface ListingPlace {
  name: string | null;
  address: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface ListingSummary {
  id: string;
  name: string;
  organisation: string | null;
  description: string | null;
  /** The place nearest the search's centre, or the first. */
  place: ListingPlace | null;
  /** Each schedule in words: "Thursdays 12:00 to 14:00". */
  when: string[];
  cost: 'free' | 'charged' | 'not stated';
  capacity: ShownCapacity;
  referral: { mode: 'signpost_only' | 'direct_referral'; how: string | null };
  freshness: ListingFreshness & { verifiedBy: string | null };
  /** The names of the terms it is classified by. */
  types: string[];
}

export interface ListingRow {
  id: string;
  name: string;
  document: DirectoryService;
  organisation: string | null;
  capacity: ServiceCapacityState | null;
  capacity_confirmed_on: string | null;
  referral_mode: 'signpost_only' | 'direct_referral';
  referral_how: string | null;
  last_verified_on: string | null;
  verified_by: string | null;
  places: ListingPlace[] | null;
  /** The names the vocabulary gives its terms. */
  type_names: string[] | null;
  version: number;
  feed_id: string;
  organization_id: string | null;
  partner_organisation_id: string | null;
}

/** The listings the condition picks, as rows; `also` adds columns of the service (`s`). */
export function listingRowsWhere(where: SQL, also: SQL = sql``) {
  return sql`SELECT s.id, s.name, s.document, o.name AS organisation, s.capacity, s.capacity_confirmed_on::text, s.referral_mode, s.referral_how,
      s.last_verified_on::text, s.verified_by, s.version, s.feed_id, s.organization_id, o.partner_organisation_id,
      (SELECT json_agg(json_build_object('name', p.name, 'address', p.address, 'postcode', p.postcode, 'latitude', p.latitude, 'longitude', p.longitude) ORDER BY p.name, p.id)
       FROM directory_place p WHERE p.service_id = s.id) AS places,
      (SELECT array_agg(DISTINCT t.name ORDER BY t.name) FROM directory_taxonomy_term t WHERE t.id = ANY(s.taxonomy_codes)) AS type_names
${also}
    FROM directory_service s LEFT JOIN directory_organization o ON o.id = s.organization_id
    WHERE ${where}`;
}

export function listingRowsQuery(ids: readonly string[]) {
  return listingRowsWhere(sql`s.id = ANY(${sql.param(ids)}::uuid[])`);
}

/** A schedule in words; one Kith cannot read is described by its own words, if it has any. */
function scheduleWords(schedule: HsdsScheduleFields & { description?: string }, today: string): string | undefined {
  try {
    return describeSchedule(schedule, today);
  } catch {
    return schedule.description;
  }
}

export function nearestPlace(places: readonly ListingPlace[], centre: LatLong | undefined): ListingPlace | null {
  if (!centre) return places[0] ?? null;
  const placed = places.filter((p) => p.latitude !== null && p.longitude !== null);
  const distance = (p: ListingPlace) => distanceMetres(centre, { latitude: p.latitude!, longitude: p.longitude! });
  return [...placed].sort((a, b) => distance(a) - distance(b))[0] ?? places[0] ?? null;
}

const SUMMARY_LENGTH = 300;

export function summaryOf(row: ListingRow, today: string, centre?: LatLong): ListingSummary {
  const service = row.document;
  const description = service.description ?? null;
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    description: description && description.length > SUMMARY_LENGTH ? `${description.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…` : description,
    place: nearestPlace(row.places ?? [], centre),
    when: service.schedules.flatMap((s) => scheduleWords(s, today) ?? []),
    cost: serviceCost(service),
    capacity: shownCapacity(row.capacity && row.capacity_confirmed_on ? { state: row.capacity, confirmedOn: row.capacity_confirmed_on } : null, today),
    referral: { mode: row.referral_mode, how: row.referral_how },
    freshness: { ...listingFreshness(row.last_verified_on, today), verifiedBy: row.verified_by },
    types: [...new Set([...(row.type_names ?? []), ...service.attributes.flatMap((a) => (a.taxonomy_term ? [a.taxonomy_term.name] : []))])].sort(),
  };
}
