/**
 * Reading one service, with its organisation and every part, from ORUK v3 or v1. Every field is
 * read even after an error, so the publisher hears of every problem at once; the caller rejects
 * a service whose reading logged an error.
 */
import { type Fields, defined } from './fields.js';
import { SERVICE_STATUSES, type DirectoryService, type OrukOrganization, type OrukOrganizationIdentifier, type ServiceStatus } from './model.js';
import type { OrukSchedule } from './model-parts.js';
import { readContact, readCostOption, readFunding, readLanguage, readPhones, readSchedule, readServiceArea } from './read-parts.js';
import { readServiceAtLocation } from './read-places.js';
import { readAttribute, readServiceTaxonomy } from './read-terms.js';
import { readEligibilities } from './read-v1.js';
import type { OrukVersion } from './versions.js';

function status(f: Fields, version: OrukVersion): ServiceStatus | undefined {
  if (f.has('status') || version === 'v3') return f.choice('status', SERVICE_STATUSES, 'error');
  f.log.warning(f.at('status'), 'Not given (ORUK v1 leaves it optional); taken as active');
  return 'active';
}

function identifier(f: Fields, fallbackId: string): OrukOrganizationIdentifier | undefined {
  const id = f.id(fallbackId);
  const value = f.text('identifier');
  if (!f.has('identifier')) f.log.warning(f.at('identifier'), 'Required by ORUK; the identifier was left out');
  const type = f.text('identifier_type');
  if (value !== undefined && type === undefined) f.log.warning(f.at('identifier_type'), 'Required by ORUK; kept without it');
  const rest = defined({ identifier_scheme: f.text('identifier_scheme'), identifier_type: type });
  return value === undefined ? undefined : { id, ...rest, identifier: value };
}

/** v3 calls the organisation's website `website`; v1 called it `url`. */
export function readOrganization(f: Fields): OrukOrganization | undefined {
  const id = f.text('id', 'error');
  const name = f.text('name', 'error');
  if (!f.has('description')) f.log.warning(f.at('description'), 'Required by ORUK; kept without it');
  const orgId = id ?? 'organization';
  const rest = defined({
    alternate_name: f.text('alternate_name'),
    description: f.text('description'),
    email: f.email('email'),
    website: f.has('website') ? f.uri('website') : f.uri('url'),
    logo: f.text('logo'),
    uri: f.uri('uri'),
    parent_organization_id: f.text('parent_organization_id'),
  });
  const identifiers = f
    .list('organization_identifiers')
    .flatMap((o, i) => identifier(o, `${orgId}/organization_identifiers/${i}`) ?? []);
  return id === undefined || name === undefined ? undefined : { id, name, ...rest, organization_identifiers: identifiers };
}

function organization(f: Fields): OrukOrganization | undefined {
  const o = f.object('organization');
  if (!o) f.log.warning(f.at('organization'), 'Not given; ORUK expects every service to name the organisation that provides it');
  return o ? readOrganization(o) : undefined;
}

/** Who the service is for: v3's fields on the service, or v1's eligibility entries. */
function eligibility(f: Fields) {
  const v1 = readEligibilities(f);
  const found = defined({
    eligibility_description: f.text('eligibility_description') ?? v1.eligibility_description,
    minimum_age: f.number('minimum_age', { min: 0, max: 150 }) ?? v1.minimum_age,
    maximum_age: f.number('maximum_age', { min: 0, max: 150 }) ?? v1.maximum_age,
  });
  if (found.minimum_age !== undefined && found.maximum_age !== undefined && found.minimum_age > found.maximum_age) {
    f.log.warning(f.at('maximum_age'), `The maximum age ${found.maximum_age} is below the minimum ${found.minimum_age}`);
  }
  return found;
}

function details(f: Fields) {
  if (!f.has('description')) f.log.warning(f.at('description'), 'Not given; ORUK counts it among a service\'s core fields');
  return defined({
    alternate_name: f.text('alternate_name'),
    description: f.text('description'),
    url: f.uri('url'),
    email: f.email('email'),
    interpretation_services: f.text('interpretation_services'),
    application_process: f.text('application_process'),
    fees: f.text('fees'),
    fees_description: f.text('fees_description'),
    accreditations: f.text('accreditations'),
    ...eligibility(f),
    assured_date: f.date('assured_date'),
    assurer_email: f.email('assurer_email'),
    alert: f.text('alert'),
    last_modified: f.dateTime('last_modified'),
  });
}

function each<T>(f: Fields, key: string, serviceId: string, read: (item: Fields, fallbackId: string) => T | undefined): T[] {
  return f.list(key).flatMap((item, i) => read(item, `${serviceId}/${key}/${i}`) ?? []);
}

/** The collections, under v3's names and v1's (regular_schedules, fundings, service_taxonomys). */
function collections(f: Fields, serviceId: string, version: OrukVersion) {
  const placeSchedules: OrukSchedule[] = [];
  const places = each(f, 'service_at_locations', serviceId, (s, id) => readServiceAtLocation(s, id, version, placeSchedules));
  const schedules = [...each(f, 'schedules', serviceId, readSchedule), ...each(f, 'regular_schedules', serviceId, readSchedule)];
  return {
    service_at_locations: places,
    schedules: [...schedules, ...placeSchedules],
    contacts: each(f, 'contacts', serviceId, readContact),
    phones: readPhones(f, 'phones', serviceId),
    cost_options: each(f, 'cost_options', serviceId, readCostOption),
    languages: each(f, 'languages', serviceId, readLanguage),
    funding: [...each(f, 'funding', serviceId, readFunding), ...each(f, 'fundings', serviceId, readFunding)],
    service_areas: each(f, 'service_areas', serviceId, readServiceArea),
    attributes: [...each(f, 'attributes', serviceId, readAttribute), ...each(f, 'service_taxonomys', serviceId, readServiceTaxonomy)],
  };
}

export function readService(f: Fields, version: OrukVersion): DirectoryService | undefined {
  const id = f.text('id', 'error');
  const name = f.text('name', 'error');
  const serviceStatus = status(f, version);
  const rest = details(f);
  const provider = organization(f);
  const parts = collections(f, id ?? 'service', version);
  if (id === undefined || name === undefined || serviceStatus === undefined) return undefined;
  return { id, name, status: serviceStatus, ...rest, ...(provider ? { organization: provider } : {}), ...parts };
}
