/**
 * The ORUK tabular (CSV) set, one file a table. Each table lists the file names Kith accepts,
 * the UK data package's first (address.csv, schedule.csv), then HSDS 3.0's (addresses.csv,
 * schedules.csv) and singular or plural variants. Columns are the UK data package's, then the
 * HSDS 3.0 columns Kith models; an export writes them in this order, and a reader that ignores
 * unknown columns, as the Frictionless rules allow, reads it as the UK set.
 */
export interface CsvTable {
  files: readonly string[];
  columns: readonly string[];
  /** Columns whose text is read as a number. */
  numbers?: readonly string[];
}

export const ORUK_CSV_TABLES = {
  organizations: {
    files: ['organizations.csv', 'organization.csv'],
    columns: ['id', 'name', 'description', 'email', 'website', 'logo', 'uri', 'parent_organization_id', 'alternate_name'],
  },
  organization_identifiers: {
    files: ['organization_identifiers.csv', 'organization_identifier.csv'],
    columns: ['id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier'],
  },
  services: {
    files: ['services.csv', 'service.csv'],
    columns: [
      'id', 'organization_id', 'name', 'description', 'url', 'email', 'status', 'fees', 'accreditations', 'minimum_age',
      'maximum_age', 'assured_date', 'assurer_email', 'alert', 'last_modified',
      'alternate_name', 'interpretation_services', 'application_process', 'fees_description', 'eligibility_description',
    ],
    numbers: ['minimum_age', 'maximum_age'],
  },
  service_at_locations: {
    files: ['service_at_location.csv', 'service_at_locations.csv', 'services_at_location.csv'],
    columns: ['id', 'service_id', 'location_id', 'description'],
  },
  locations: {
    files: ['locations.csv', 'location.csv'],
    columns: [
      'id', 'location_type', 'name', 'description', 'latitude', 'longitude', 'external_identifier', 'external_identifier_type',
      'url', 'alternate_name', 'transportation',
    ],
    numbers: ['latitude', 'longitude'],
  },
  addresses: {
    files: ['address.csv', 'addresses.csv'],
    columns: ['id', 'location_id', 'attention', 'address_1', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type', 'address_2'],
  },
  accessibility: {
    files: ['accessibility.csv', 'accessibilities.csv', 'accessibility_for_disabilities.csv'],
    columns: ['id', 'location_id', 'description', 'details', 'url', 'accessibility'],
  },
  schedules: {
    files: ['schedule.csv', 'schedules.csv', 'regular_schedules.csv'],
    columns: [
      'id', 'service_id', 'service_at_location_id', 'valid_from', 'valid_to', 'dtstart', 'freq', 'interval', 'byday', 'bymonthday',
      'description', 'opens_at', 'closes_at', 'schedule_link', 'attending_type', 'notes',
      'location_id', 'timezone', 'until', 'count', 'wkst', 'byweekno', 'byyearday',
    ],
    numbers: ['interval', 'timezone', 'count'],
  },
  contacts: {
    files: ['contacts.csv', 'contact.csv'],
    columns: ['id', 'service_id', 'name', 'title', 'department', 'email'],
  },
  phones: {
    files: ['phones.csv', 'phone.csv'],
    columns: ['id', 'contact_id', 'number', 'description', 'service_id', 'extension', 'type'],
    numbers: ['extension'],
  },
  cost_options: {
    files: ['cost_options.csv', 'cost_option.csv'],
    columns: ['id', 'service_id', 'valid_from', 'valid_to', 'option', 'amount', 'amount_description', 'currency'],
    numbers: ['amount'],
  },
  funding: { files: ['funding.csv', 'fundings.csv'], columns: ['id', 'service_id', 'source'] },
  languages: { files: ['languages.csv', 'language.csv'], columns: ['id', 'service_id', 'phone_id', 'name', 'code', 'note'] },
  service_areas: {
    files: ['service_areas.csv', 'service_area.csv'],
    columns: ['id', 'service_id', 'name', 'extent', 'extent_type', 'uri', 'service_area', 'description'],
  },
  attributes: {
    files: ['attribute.csv', 'attributes.csv'],
    columns: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'label', 'value'],
  },
  taxonomy_terms: {
    files: ['taxonomy_terms.csv', 'taxonomy_term.csv'],
    columns: ['id', 'name', 'description', 'parent_id', 'taxonomy', 'taxonomy_id', 'term_uri', 'term', 'code'],
  },
} as const satisfies Record<string, CsvTable>;

export type CsvTableName = keyof typeof ORUK_CSV_TABLES;
