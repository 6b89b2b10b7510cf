/**
 * Where a directory service is delivered: locations with their addresses and accessibility, and
 * the service_at_location link between a service and a place (HSDS 3.0, UK profile; HSDS's
 * field names).
 */
import { z } from 'zod';
import { latitudeSchema, longitudeSchema, orukUriSchema } from './formats.js';
import { orukIdSchema } from './model-parts.js';

const text = z.string().min(1);

export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

/**
 * An address. ORUK requires every part, but an address missing its city is still somewhere a
 * person can be sent, so Kith keeps it and the import names the gap. A UK postcode is kept in
 * its normal form ("CR0 1AB") so distance search can find it.
 */
export const orukAddressSchema = z.strictObject({
  id: orukIdSchema,
  attention: text.optional(),
  address_1: text.optional(),
  address_2: text.optional(),
  city: text.optional(),
  region: text.optional(),
  state_province: text.optional(),
  postal_code: text.optional(),
  country: text.optional(),
  address_type: z.enum(LOCATION_TYPES),
});
export type OrukAddress = z.infer<typeof orukAddressSchema>;

/** Arrangements for disabled people. `accessibility` is the UK profile's field kept from ORUK v1. */
export const orukAccessibilitySchema = z.strictObject({
  id: orukIdSchema,
  description: text.optional(),
  details: text.optional(),
  url: orukUriSchema.optional(),
  accessibility: text.optional(),
});
export type OrukAccessibility = z.infer<typeof orukAccessibilitySchema>;

/** A place, with WGS84 coordinates only when both are given and on the globe. */
export const orukLocationSchema = z
  .strictObject({
    id: orukIdSchema,
    location_type: z.enum(LOCATION_TYPES),
    url: orukUriSchema.optional(),
    name: text.optional(),
    alternate_name: text.optional(),
    description: text.optional(),
    transportation: text.optional(),
    latitude: latitudeSchema.optional(),
    longitude: longitudeSchema.optional(),
    /** For example a UPRN, with external_identifier_type "UPRN". */
    external_identifier: text.optional(),
    external_identifier_type: text.optional(),
    addresses: z.array(orukAddressSchema),
    accessibility: z.array(orukAccessibilitySchema),
  })
  .refine((l) => (l.latitude === undefined) === (l.longitude === undefined), {
    message: 'Give both latitude and longitude, or neither',
    path: ['latitude'],
  });
export type OrukLocation = z.infer<typeof orukLocationSchema>;

export const orukServiceAtLocationSchema = z.strictObject({
  id: orukIdSchema,
  description: text.optional(),
  location: orukLocationSchema,
});
export type OrukServiceAtLocation = z.infer<typeof orukServiceAtLocationSchema>;
