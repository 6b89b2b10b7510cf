/**
 * A service in Kith's directory of community services and activities, as Open Referral UK
 * describes it (HSDS 3.0 with the UK profile): the organisation that provides it, where and when
 * it runs, who it is for, what it costs, how to reach it and how it is classified. Every service
 * also names where it came from (the feed and its id there), which is how a re-import recognises
 * it and how two feeds describing one service are told apart.
 *
 * Inside `service` the field names are HSDS's; Kith's own words live outside it
 * (`source`, and the extensions in kith-extensions.ts).
 */
import { z } from 'zod';
import { orukDateSchema, orukDateTimeSchema, orukEmailSchema, orukUriSchema } from './formats.js';
import {
  orukAttributeSchema,
  orukContactSchema,
  orukCostOptionSchema,
  orukFundingSchema,
  orukIdSchema,
  orukLanguageSchema,
  orukPhoneSchema,
  orukScheduleSchema,
  orukServiceAreaSchema,
} from './model-parts.js';
import { orukServiceAtLocationSchema } from './model-places.js';

const text = z.string().min(1);

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** A third party's identifier for an organisation: a charity or company number, an ODS code. */
export const orukOrganizationIdentifierSchema = z.strictObject({
  id: orukIdSchema,
  /** org-id.guide's scheme, such as GB-CHC or GB-COH. */
  identifier_scheme: text.optional(),
  identifier_type: text.optional(),
  identifier: text,
});
export type OrukOrganizationIdentifier = z.infer<typeof orukOrganizationIdentifierSchema>;

/** The organisation that provides the service: a partner of the alliance, a charity, a group. */
export const orukOrganizationSchema = z.strictObject({
  id: orukIdSchema,
  name: text,
  alternate_name: text.optional(),
  description: text.optional(),
  email: orukEmailSchema.optional(),
  website: orukUriSchema.optional(),
  logo: text.optional(),
  uri: orukUriSchema.optional(),
  parent_organization_id: orukIdSchema.optional(),
  organization_identifiers: z.array(orukOrganizationIdentifierSchema),
});
export type OrukOrganization = z.infer<typeof orukOrganizationSchema>;

/** Who a service is for, in the fields HSDS 3.0 gives eligibility (ORUK v3 has no eligibility table). */
const eligibility = {
  eligibility_description: text.optional(),
  minimum_age: z.number().min(0).optional(),
  maximum_age: z.number().min(0).optional(),
};

export const orukServiceSchema = z.strictObject({
  id: orukIdSchema,
  name: text,
  alternate_name: text.optional(),
  description: text.optional(),
  url: orukUriSchema.optional(),
  email: orukEmailSchema.optional(),
  status: z.enum(SERVICE_STATUSES),
  interpretation_services: text.optional(),
  application_process: text.optional(),
  fees_description: text.optional(),
  fees: text.optional(),
  accreditations: text.optional(),
  ...eligibility,
  /** The date the publisher last checked the service's details, and who did. */
  assured_date: orukDateSchema.optional(),
  assurer_email: orukEmailSchema.optional(),
  alert: text.optional(),
  last_modified: orukDateTimeSchema.optional(),
  phones: z.array(orukPhoneSchema),
  schedules: z.array(orukScheduleSchema),
  service_areas: z.array(orukServiceAreaSchema),
  service_at_locations: z.array(orukServiceAtLocationSchema),
  languages: z.array(orukLanguageSchema),
  organization: orukOrganizationSchema.optional(),
  funding: z.array(orukFundingSchema),
  cost_options: z.array(orukCostOptionSchema),
  contacts: z.array(orukContactSchema),
  attributes: z.array(orukAttributeSchema),
});
export type DirectoryService = z.infer<typeof orukServiceSchema>;

/** Where a record came from: the feed Kith read it from and the record's id in that feed. */
export const directorySourceSchema = z.strictObject({
  feedId: z.string().min(1).max(200),
  sourceId: z.string().min(1).max(500),
});
export type DirectorySource = z.infer<typeof directorySourceSchema>;

/** One service as Kith holds it: its description and where that description came from. */
export const directoryServiceRecordSchema = z
  .strictObject({ source: directorySourceSchema, service: orukServiceSchema })
  .refine((r) => r.source.sourceId === r.service.id, {
    message: "The source id is the service's id in its feed",
    path: ['source', 'sourceId'],
  });
export type DirectoryServiceRecord = z.infer<typeof directoryServiceRecordSchema>;

/** The collections of a service, for code that walks them all. */
export const SERVICE_COLLECTIONS = [
  'service_at_locations',
  'schedules',
  'contacts',
  'phones',
  'cost_options',
  'languages',
  'funding',
  'service_areas',
  'attributes',
] as const satisfies readonly (keyof DirectoryService)[];
