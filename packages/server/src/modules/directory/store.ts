/**
 * Writing services into the directory, set-based: each batch is a handful of statements whatever
 * its size (organisations, services, then their places and weekly session windows), so a feed of
 * ten thousand services loads in seconds. A service written again replaces its places and
 * sessions, which are derived from its document, and keeps what Kith itself knows of it
 * (capacity, referral mode, a verification by a member of staff).
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  type DirectoryServiceRecord,
  type DirectoryService,
  type OrukServiceAtLocation,
  WEEKDAYS,
  feedFreshness,
  normalisePostcode,
  scheduleWeeklySpans,
  serviceCost,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';

/** What a service's document says that search filters on. */
export function searchColumnsOf(service: DirectoryService) {
  const codes = service.attributes.flatMap((a) => [a.taxonomy_term_id, a.taxonomy_term?.code, a.taxonomy_term?.term]);
  return {
    name: service.name,
    description: service.description ?? null,
    status: service.status,
    minimumAge: service.minimum_age ?? null,
    maximumAge: service.maximum_age ?? null,
    free: serviceCost(service) === 'free',
    taxonomyCodes: [...new Set(codes.filter((c): c is string => Boolean(c)))],
    languages: [...new Set(service.languages.flatMap((l) => [l.code, l.name]).filter((c): c is string => Boolean(c)))],
    accessibility: [
      ...new Set(
        service.service_at_locations
          .flatMap((sal) => sal.location.accessibility.flatMap((a) => [a.accessibility, a.description]))
          .filter((c): c is string => Boolean(c))
          .map((c) => c.trim().toLowerCase()),
      ),
    ],
  };
}

/** The same document always hashes the same: keys in order, so a re-import with fields reordered is unchanged. */
export function contentHashOf(service: DirectoryService): string {
  return createHash('sha256').update(stableJson(service)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Organisations named by the services, upserted; their Kith ids by their id in the feed. */
async function upsertOrganizations(tx: Db, feedId: string, records: readonly DirectoryServiceRecord[], now: Date): Promise<Map<string, string>> {
  const byId = new Map(records.flatMap((r) => (r.service.organization ? [[r.service.organization.id, r.service.organization] as const] : [])));
  if (byId.size === 0) return new Map();
  const rows = [...byId.values()].map((o) => ({ id: randomUUID(), source_id: o.id, name: o.name, document: o }));
  const written = await rowsOf<{ id: string; source_id: string }>(
    tx,
    sql`INSERT INTO directory_organization (id, name, feed_id, source_id, document, updated_at)
        SELECT r.id, r.name, ${feedId}, r.source_id, r.document, ${now.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${json(rows)}) AS r(id uuid, source_id text, name text, document jsonb)
        ON CONFLICT (feed_id, source_id) DO UPDATE SET name = excluded.name, document = excluded.document, updated_at = excluded.updated_at
        RETURNING id, source_id`,
  );
  return new Map(written.map((w) => [w.source_id, w.id]));
}

/** Services upserted by (feed, id in the feed); their Kith ids by their id in the feed. */
async function upsertServices(tx: Db, feedId: string, records: readonly DirectoryServiceRecord[], organizations: Map<string, string>, now: Date): Promise<Map<string, string>> {
  const rows = records.map(({ service, source }) => {
    const freshness = feedFreshness(service, feedId);
    return {
      id: randomUUID(),
      source_id: source.sourceId,
      organization_id: service.organization ? organizations.get(service.organization.id) ?? null : null,
      ...snake(searchColumnsOf(service)),
      document: service,
      content_hash: contentHashOf(service),
      last_verified_on: freshness?.lastVerifiedOn ?? null,
      verified_by: freshness?.verifiedBy ?? null,
    };
  });
  const written = await rowsOf<{ id: string; source_id: string }>(
    tx,
    sql`INSERT INTO directory_service (id, organization_id, feed_id, source_id, name, description, status, minimum_age, maximum_age, free,
          taxonomy_codes, languages, accessibility, document, content_hash, last_verified_on, verified_by, created_at, updated_at)
        SELECT r.id, r.organization_id, ${feedId}, r.source_id, r.name, r.description, r.status, r.minimum_age, r.maximum_age, r.free,
          ARRAY(SELECT jsonb_array_elements_text(r.taxonomy_codes)), ARRAY(SELECT jsonb_array_elements_text(r.languages)),
          ARRAY(SELECT jsonb_array_elements_text(r.accessibility)),
          r.document, r.content_hash, r.last_verified_on, r.verified_by, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${json(rows)}) AS r(id uuid, source_id text, organization_id uuid, name text, description text, status text,
          minimum_age int, maximum_age int, free boolean, taxonomy_codes jsonb, languages jsonb, accessibility jsonb, document jsonb, content_hash text,
          last_verified_on date, verified_by text)
        ON CONFLICT (feed_id, source_id) DO UPDATE SET
          organization_id = excluded.organization_id, name = excluded.name, description = excluded.description, status = excluded.status,
          minimum_age = excluded.minimum_age, maximum_age = excluded.maximum_age, free = excluded.free, taxonomy_codes = excluded.taxonomy_codes,
          languages = excluded.languages, accessibility = excluded.accessibility, document = excluded.document, content_hash = excluded.content_hash, updated_at = excluded.updated_at,
          version = directory_service.version + 1,
          -- A member of staff's verification outranks what the feed claims.
          last_verified_on = CASE WHEN directory_service.verified_by_staff_id IS NULL THEN excluded.last_verified_on ELSE directory_service.last_verified_on END,
          verified_by = CASE WHEN directory_service.verified_by_staff_id IS NULL THEN excluded.verified_by ELSE directory_service.verified_by END
        RETURNING id, source_id`,
  );
  return new Map(written.map((w) => [w.source_id, w.id]));
}

function snake(columns: ReturnType<typeof searchColumnsOf>) {
  return {
    name: columns.name,
    description: columns.description,
    status: columns.status,
    minimum_age: columns.minimumAge,
    maximum_age: columns.maximumAge,
    free: columns.free,
    taxonomy_codes: columns.taxonomyCodes,
    languages: columns.languages,
    accessibility: columns.accessibility,
  };
}

interface PlaceRow {
  id: string;
  service_id: string;
  sal_id: string;
  name: string | null;
  address: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
}

function placeOf(serviceId: string, sal: OrukServiceAtLocation): PlaceRow {
  const location = sal.location;
  const address = location.addresses.find((a) => a.address_type === 'physical') ?? location.addresses[0];
  const lines = [address?.address_1, address?.address_2, address?.city].filter(Boolean);
  return {
    id: randomUUID(),
    service_id: serviceId,
    sal_id: sal.id,
    name: location.name ?? null,
    address: lines.length ? lines.join(', ') : null,
    postcode: (address?.postal_code && normalisePostcode(address.postal_code)) || null,
    latitude: location.latitude ?? null,
    longitude: location.longitude ?? null,
  };
}

/** Each schedule's weekly windows, at the place it names or at every place of the service. */
function sessionsOf(service: DirectoryService, serviceId: string, places: readonly PlaceRow[]) {
  return service.schedules.flatMap((schedule) => {
    const place = places.find((p) => p.sal_id === schedule.service_at_location_id);
    return scheduleWeeklySpans(schedule).map((span) => ({
      service_id: serviceId,
      place_id: place?.id ?? null,
      weekday: WEEKDAYS.indexOf(span.weekday) + 1,
      opens_minute: span.fromMinute,
      closes_minute: span.toMinute,
      every_week: span.everyWeek,
      valid_from: span.validFrom,
      valid_to: span.validTo,
    }));
  });
}

/** Replaces the places and sessions of the services written; a place without coordinates is put at its postcode. */
async function replacePlacesAndSessions(tx: Db, records: readonly DirectoryServiceRecord[], ids: Map<string, string>): Promise<void> {
  const serviceIds = [...ids.values()];
  await tx.execute(sql`DELETE FROM directory_session WHERE service_id = ANY(${sql.param(serviceIds)}::uuid[])`);
  await tx.execute(sql`DELETE FROM directory_place WHERE service_id = ANY(${sql.param(serviceIds)}::uuid[])`);
  const places: PlaceRow[] = [];
  const sessions: ReturnType<typeof sessionsOf> = [];
  for (const { service, source } of records) {
    const serviceId = ids.get(source.sourceId)!;
    const own = service.service_at_locations.map((sal) => placeOf(serviceId, sal));
    places.push(...own);
    sessions.push(...sessionsOf(service, serviceId, own));
  }
  if (places.length > 0) {
    await tx.execute(sql`INSERT INTO directory_place (id, service_id, name, address, postcode, latitude, longitude)
      SELECT r.id, r.service_id, r.name, r.address, r.postcode, coalesce(r.latitude, pc.latitude), coalesce(r.longitude, pc.longitude)
      FROM jsonb_to_recordset(${json(places)}) AS r(id uuid, service_id uuid, name text, address text, postcode text, latitude float8, longitude float8)
      LEFT JOIN postcode_centroid pc ON pc.postcode = r.postcode AND r.latitude IS NULL`);
  }
  if (sessions.length > 0) {
    await tx.execute(sql`INSERT INTO directory_session (service_id, place_id, weekday, opens_minute, closes_minute, every_week, valid_from, valid_to)
      SELECT r.service_id, r.place_id, r.weekday, r.opens_minute, r.closes_minute, r.every_week, r.valid_from, r.valid_to
      FROM jsonb_to_recordset(${json(sessions)}) AS r(service_id uuid, place_id uuid, weekday smallint, opens_minute smallint, closes_minute smallint,
        every_week boolean, valid_from date, valid_to date)`);
  }
}

/** Writes the records of one feed (new or changed), with their organisations, places and sessions. */
export async function writeServices(tx: Db, feedId: string, records: readonly DirectoryServiceRecord[], now: Date): Promise<Map<string, string>> {
  if (records.length === 0) return new Map();
  const organizations = await upsertOrganizations(tx, feedId, records, now);
  const ids = await upsertServices(tx, feedId, records, organizations, now);
  await replacePlacesAndSessions(tx, records, ids);
  return ids;
}
