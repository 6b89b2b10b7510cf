/**
 * Reading where a service runs: service_at_location links, locations, addresses and
 * accessibility, from ORUK v3 (`addresses`, `accessibility`) or v1 (`physical_addresses`,
 * `postal_addresses`, `accessibility_for_disabilities`).
 */
import { normalisePostcode } from '../../people/postcode.js';
import { type Fields, defined } from './fields.js';
import type { OrukSchedule } from './model-parts.js';
import { LOCATION_TYPES, type LocationType, type OrukAccessibility, type OrukAddress, type OrukLocation, type OrukServiceAtLocation } from './model-places.js';
import { readSchedule } from './read-parts.js';
import type { OrukVersion } from './versions.js';

/**
 * A place's coordinates, or none. ORUK's schema takes any number, so a feed can say latitude 100
 * (the official example does). Kith cannot put such a place on a map, and half a point is no
 * point, so both are left out with a warning and the place is found by its postcode instead.
 */
function coordinates(f: Fields): { latitude?: number; longitude?: number } {
  const latitude = f.number('latitude');
  const longitude = f.number('longitude');
  if (latitude === undefined && longitude === undefined) return {};
  const lost = 'the coordinates were left out, so Kith places this location by its postcode';
  if (latitude === undefined || longitude === undefined) {
    const alone = latitude === undefined ? 'longitude' : 'latitude';
    const partnerMissing = !f.has(alone === 'latitude' ? 'longitude' : 'latitude');
    if (partnerMissing) f.log.warning(f.at(alone), `Given without its partner; ${lost}`);
    return {};
  }
  if (Math.abs(latitude) > 90) {
    f.log.warning(f.at('latitude'), `${latitude} is outside -90 to 90; ${lost}`);
    return {};
  }
  if (Math.abs(longitude) > 180) {
    f.log.warning(f.at('longitude'), `${longitude} is outside -180 to 180; ${lost}`);
    return {};
  }
  if (latitude === 0 && longitude === 0) {
    f.log.warning(f.at('latitude'), `0, 0 is a placeholder, not a place; ${lost}`);
    return {};
  }
  return { latitude, longitude };
}

const UK_COUNTRIES = ['GB', 'GBR', 'UK', 'UNITED KINGDOM', 'ENGLAND', 'SCOTLAND', 'WALES', 'NORTHERN IRELAND'];

/** A UK postcode in its normal form; one that is not a postcode is kept as written, with a warning. */
function postcode(f: Fields, country: string | undefined): string | undefined {
  const written = f.text('postal_code')?.trim();
  const inUk = country === undefined || UK_COUNTRIES.includes(country.trim().toUpperCase());
  if (written === undefined || !inUk) return written;
  const normal = normalisePostcode(written);
  if (!normal) f.log.warning(f.at('postal_code'), `"${written}" is not a UK postcode, so distance search cannot find this address`);
  return normal ?? written;
}

function addressType(f: Fields, impliedType: LocationType | undefined): LocationType | undefined {
  if (f.has('address_type')) return f.choice('address_type', LOCATION_TYPES);
  if (impliedType) return impliedType;
  f.log.warning(f.at('address_type'), 'Required by ORUK; taken as physical');
  return 'physical';
}

/** ORUK requires every part of an address; Kith keeps one missing its first line, city or postcode and says so. */
export function readAddress(f: Fields, fallbackId: string, impliedType?: LocationType): OrukAddress | undefined {
  const country = f.text('country');
  const address = defined({
    id: f.id(fallbackId),
    attention: f.text('attention'),
    address_1: f.text('address_1', 'warning'),
    address_2: f.text('address_2'),
    city: f.text('city', 'warning'),
    region: f.text('region'),
    state_province: f.text('state_province'),
    postal_code: postcode(f, country),
    country,
  });
  if (address.postal_code === undefined) f.log.warning(f.at('postal_code'), 'Required by ORUK; kept without it');
  const type = addressType(f, impliedType);
  return type === undefined ? undefined : { ...address, address_type: type };
}

export function readAccessibility(f: Fields, fallbackId: string): OrukAccessibility {
  return defined({
    id: f.id(fallbackId),
    description: f.text('description'),
    details: f.text('details'),
    url: f.uri('url'),
    accessibility: f.text('accessibility'),
  });
}

function addresses(f: Fields, locationId: string): OrukAddress[] {
  const read = (key: string, implied?: LocationType) =>
    f.list(key).flatMap((a, i) => readAddress(a, `${locationId}/${key}/${i}`, implied) ?? []);
  return [...read('addresses'), ...read('physical_addresses', 'physical'), ...read('postal_addresses', 'postal')];
}

/** v1 has no location_type; a v3 location without one is read the same way, with a warning. */
function locationType(f: Fields, version: OrukVersion, hasPlace: boolean): LocationType | undefined {
  if (f.has('location_type')) return f.choice('location_type', LOCATION_TYPES);
  const implied: LocationType = hasPlace || !f.has('url') ? 'physical' : 'virtual';
  if (version === 'v3') f.log.warning(f.at('location_type'), `Required by ORUK; taken as ${implied}`);
  return implied;
}

export function readLocation(f: Fields, fallbackId: string, version: OrukVersion): OrukLocation | undefined {
  const id = f.id(fallbackId);
  const place = coordinates(f);
  const found = addresses(f, id);
  const accessibility = [...f.list('accessibility'), ...f.list('accessibility_for_disabilities')];
  const location = defined({
    id,
    url: f.uri('url'),
    name: f.text('name'),
    alternate_name: f.text('alternate_name'),
    description: f.text('description'),
    transportation: f.text('transportation'),
    ...place,
    external_identifier: f.text('external_identifier'),
    external_identifier_type: f.text('external_identifier_type'),
    addresses: found,
    accessibility: accessibility.map((a, i) => readAccessibility(a, `${id}/accessibility/${i}`)),
  });
  const type = locationType(f, version, found.length > 0 || place.latitude !== undefined);
  return type === undefined ? undefined : { ...location, location_type: type };
}

/**
 * A service at a place. Schedules written under it (v1's regular_schedule(s), HSDS's schedules)
 * move to the service, naming this place, as the UK profile keeps them.
 */
export function readServiceAtLocation(f: Fields, fallbackId: string, version: OrukVersion, schedules: OrukSchedule[]): OrukServiceAtLocation | undefined {
  const id = f.id(fallbackId);
  for (const key of ['schedules', 'regular_schedules', 'regular_schedule']) {
    f.list(key).forEach((s, i) => schedules.push(readSchedule(s, `${id}/${key}/${i}`, id)));
  }
  const where = f.object('location');
  if (!where) {
    f.log.warning(f.path, `Does not describe its location${f.has('location_id') ? ` (only its id)` : ''}; the place was left out`);
    return undefined;
  }
  const location = readLocation(where, `${id}/location`, version);
  return location ? defined({ id, description: f.text('description'), location }) : undefined;
}
