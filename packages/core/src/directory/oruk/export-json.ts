/**
 * A directory service as Open Referral UK v3 JSON: the full nested object `/services/{id}`
 * returns, the one-to-one summary a `/services` page lists, and the page itself. The model
 * already uses HSDS's names, so export orders the fields as the standard lists them and leaves
 * out what is empty, as ORUK asks.
 */
import type { DirectoryService, OrukOrganization } from './model.js';
import { orukOrganizationIdentifierSchema, orukOrganizationSchema, orukServiceSchema } from './model.js';
import type { OrukAttribute, OrukContact } from './model-parts.js';
import {
  orukAttributeSchema,
  orukContactSchema,
  orukCostOptionSchema,
  orukFundingSchema,
  orukLanguageSchema,
  orukPhoneSchema,
  orukScheduleSchema,
  orukServiceAreaSchema,
  orukTaxonomyTermSchema,
} from './model-parts.js';
import type { OrukLocation, OrukServiceAtLocation } from './model-places.js';
import { orukAccessibilitySchema, orukAddressSchema, orukLocationSchema, orukServiceAtLocationSchema } from './model-places.js';
import { type OrukPage, type PageRequest, orukPage } from './pages.js';

export type OrukJsonObject = { [field: string]: unknown };

const keysOf = (schema: { shape: object }): readonly string[] => Object.keys(schema.shape);

/** The fields in the standard's order, without the empty ones. */
function pick(value: object, keys: readonly string[]): OrukJsonObject {
  const source = value as OrukJsonObject;
  const out: OrukJsonObject = {};
  for (const key of keys) {
    const field = source[key];
    if (field === undefined || (Array.isArray(field) && field.length === 0)) continue;
    out[key] = field;
  }
  return out;
}

const each = (items: readonly object[], schema: { shape: object }) => items.map((item) => pick(item, keysOf(schema)));

function location(l: OrukLocation): OrukJsonObject {
  const parts = { addresses: each(l.addresses, orukAddressSchema), accessibility: each(l.accessibility, orukAccessibilitySchema) };
  return pick({ ...l, ...parts }, keysOf(orukLocationSchema));
}

const serviceAtLocation = (s: OrukServiceAtLocation): OrukJsonObject =>
  pick({ ...s, location: location(s.location) }, keysOf(orukServiceAtLocationSchema));

const contact = (c: OrukContact): OrukJsonObject => pick({ ...c, phones: each(c.phones, orukPhoneSchema) }, keysOf(orukContactSchema));

function attribute(a: OrukAttribute): OrukJsonObject {
  const term = a.taxonomy_term ? pick(a.taxonomy_term, keysOf(orukTaxonomyTermSchema)) : undefined;
  return pick({ ...a, taxonomy_term: term }, keysOf(orukAttributeSchema));
}

function organization(o: OrukOrganization, full: boolean): OrukJsonObject {
  const identifiers = full ? each(o.organization_identifiers, orukOrganizationIdentifierSchema) : [];
  return pick({ ...o, organization_identifiers: identifiers }, keysOf(orukOrganizationSchema));
}

/** The fully nested service, as `/services/{id}` returns it. */
export function toOrukService(service: DirectoryService): OrukJsonObject {
  return pick(
    {
      ...service,
      organization: service.organization ? organization(service.organization, true) : undefined,
      service_at_locations: service.service_at_locations.map(serviceAtLocation),
      schedules: each(service.schedules, orukScheduleSchema),
      contacts: service.contacts.map(contact),
      phones: each(service.phones, orukPhoneSchema),
      cost_options: each(service.cost_options, orukCostOptionSchema),
      languages: each(service.languages, orukLanguageSchema),
      funding: each(service.funding, orukFundingSchema),
      service_areas: each(service.service_areas, orukServiceAreaSchema),
      attributes: service.attributes.map(attribute),
    },
    keysOf(orukServiceSchema),
  );
}

/** A list item: the service's one-to-one fields and its organisation, as ORUK lists carry them. */
export function toOrukServiceSummary(service: DirectoryService): OrukJsonObject {
  const { organization: provider, ...rest } = service;
  const summary = pick({ ...rest, organization: provider ? organization(provider, false) : undefined }, keysOf(orukServiceSchema));
  for (const [key, value] of Object.entries(summary)) if (Array.isArray(value)) delete summary[key];
  return summary;
}

/** A page of `/services`: summaries, or full services when the request asked for `full`. */
export function orukServicePage(services: readonly DirectoryService[], request: PageRequest & { full?: boolean }): OrukPage<OrukJsonObject> {
  const contents = services.map(request.full ? toOrukService : toOrukServiceSummary);
  return orukPage(contents, request);
}
