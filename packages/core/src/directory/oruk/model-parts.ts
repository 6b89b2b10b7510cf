/**
 * The parts of a directory service that Open Referral UK (HSDS 3.0, UK profile) describes:
 * opening times, contacts and phones, costs, languages, funding, service areas and taxonomy
 * terms. Field names are HSDS's own, so a reader of the standard finds each field under the name
 * it knows and an export is a copy, not a translation. Optional fields are left out when empty,
 * as ORUK asks ("omitted rather than included with null or empty values").
 */
import { z } from 'zod';
import {
  RECURRENCE_WEEKDAYS,
  orukBydaySchema,
  orukCurrencySchema,
  orukDateSchema,
  orukEmailSchema,
  orukNumberListSchema,
  orukTimeSchema,
  orukUriSchema,
} from './formats.js';

export const orukIdSchema = z.string().min(1);
const text = z.string().min(1);

export const SCHEDULE_FREQUENCIES = ['WEEKLY', 'MONTHLY'] as const;

/**
 * When a service is open or runs, as an RFC 5545 recurrence (HSDS's schedule). A schedule that
 * belongs to one place names its service_at_location_id; the UK profile keeps every schedule on
 * the service.
 */
export const orukScheduleSchema = z.strictObject({
  id: orukIdSchema,
  service_at_location_id: orukIdSchema.optional(),
  location_id: orukIdSchema.optional(),
  valid_from: orukDateSchema.optional(),
  valid_to: orukDateSchema.optional(),
  dtstart: orukDateSchema.optional(),
  until: orukDateSchema.optional(),
  /** The UTC offset, in hours, that the schedule's dates are written in. */
  timezone: z.number().min(-12).max(14).optional(),
  count: z.number().int().min(1).optional(),
  wkst: z.enum(RECURRENCE_WEEKDAYS).optional(),
  freq: z.enum(SCHEDULE_FREQUENCIES).optional(),
  interval: z.number().int().min(1).optional(),
  byday: orukBydaySchema.optional(),
  byweekno: orukNumberListSchema.optional(),
  bymonthday: orukNumberListSchema.optional(),
  byyearday: orukNumberListSchema.optional(),
  description: text.optional(),
  opens_at: orukTimeSchema.optional(),
  closes_at: orukTimeSchema.optional(),
  schedule_link: orukUriSchema.optional(),
  attending_type: text.optional(),
  notes: text.optional(),
});
export type OrukSchedule = z.infer<typeof orukScheduleSchema>;

export const orukPhoneSchema = z.strictObject({
  id: orukIdSchema,
  number: text,
  extension: z.number().optional(),
  /** RFC 6350's kinds: text, voice, fax, cell, video, pager, textphone. */
  type: text.optional(),
  description: text.optional(),
});
export type OrukPhone = z.infer<typeof orukPhoneSchema>;

export const orukContactSchema = z.strictObject({
  id: orukIdSchema,
  name: text.optional(),
  title: text.optional(),
  department: text.optional(),
  email: orukEmailSchema.optional(),
  phones: z.array(orukPhoneSchema),
});
export type OrukContact = z.infer<typeof orukContactSchema>;

/** One price: an amount (with its currency), the condition it applies under, and when. An amount of 0 is free. */
export const orukCostOptionSchema = z.strictObject({
  id: orukIdSchema,
  valid_from: orukDateSchema.optional(),
  valid_to: orukDateSchema.optional(),
  option: text.optional(),
  currency: orukCurrencySchema.optional(),
  amount: z.number().optional(),
  amount_description: text.optional(),
});
export type OrukCostOption = z.infer<typeof orukCostOptionSchema>;

/** A language the service is delivered in. The UK profile carries only the id and links. */
export const orukLanguageSchema = z.strictObject({
  id: orukIdSchema,
  name: text.optional(),
  /** ISO 639-1 or 639-3. */
  code: text.optional(),
  note: text.optional(),
  phone_id: orukIdSchema.optional(),
});
export type OrukLanguage = z.infer<typeof orukLanguageSchema>;

export const orukFundingSchema = z.strictObject({ id: orukIdSchema, source: text.optional() });
export type OrukFunding = z.infer<typeof orukFundingSchema>;

/** Where the service is available. `service_area` is the UK profile's free-text name kept from ORUK v1. */
export const orukServiceAreaSchema = z.strictObject({
  id: orukIdSchema,
  name: text.optional(),
  description: text.optional(),
  extent: text.optional(),
  extent_type: text.optional(),
  uri: text.optional(),
  service_area: text.optional(),
});
export type OrukServiceArea = z.infer<typeof orukServiceAreaSchema>;

/**
 * A term from a vocabulary (ORUK's `taxonomy_term`; ORUK v1's `taxonomy`). `taxonomy` names the
 * vocabulary (v1 called it `vocabulary`); `code` is the term's identifier inside it (HSDS 3.0);
 * the UK profile writes the term's words in `term`.
 */
export const orukTaxonomyTermSchema = z.strictObject({
  id: orukIdSchema,
  name: text,
  description: text.optional(),
  code: text.optional(),
  term: text.optional(),
  parent_id: orukIdSchema.optional(),
  taxonomy: text.optional(),
  taxonomy_id: orukIdSchema.optional(),
  term_uri: orukUriSchema.optional(),
});
export type OrukTaxonomyTerm = z.infer<typeof orukTaxonomyTermSchema>;

/** A service classified by a taxonomy term (ORUK v3's attribute; v1's service_taxonomy). */
export const orukAttributeSchema = z.strictObject({
  id: orukIdSchema,
  taxonomy_term_id: orukIdSchema,
  link_type: text.optional(),
  label: text.optional(),
  value: text.optional(),
  taxonomy_term: orukTaxonomyTermSchema.optional(),
});
export type OrukAttribute = z.infer<typeof orukAttributeSchema>;
