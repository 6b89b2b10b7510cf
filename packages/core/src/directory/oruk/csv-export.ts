/**
 * Directory services as an ORUK CSV set: one file a table, under the UK data package's file
 * names, each row linked to its owner by id (a schedule's service_id, an address's location_id).
 * Organisations, places and terms shared by several services are written once.
 */
import { type CsvTableName, ORUK_CSV_TABLES } from './csv-tables.js';
import type { DirectoryService } from './model.js';

type CsvRow = Record<string, unknown>;

/** RFC 4180: a field holding a comma, quote or line break, or edged with spaces, is quoted, its quotes doubled. */
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const written = String(value);
  return /[",\r\n]|^\s|\s$/.test(written) ? `"${written.replace(/"/g, '""')}"` : written;
}

export function writeCsv(columns: readonly string[], rows: readonly CsvRow[]): string {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

class Tables {
  readonly rows = new Map<CsvTableName, CsvRow[]>();
  private readonly written = new Set<string>();

  add(table: CsvTableName, row: CsvRow): void {
    const key = `${table}\u0000${String(row.id)}`;
    if (this.written.has(key)) return;
    this.written.add(key);
    const rows = this.rows.get(table);
    if (rows) rows.push(row);
    else this.rows.set(table, [row]);
  }
}

function addPlaces(service: DirectoryService, t: Tables): void {
  for (const place of service.service_at_locations) {
    const { location } = place;
    t.add('service_at_locations', { id: place.id, service_id: service.id, location_id: location.id, description: place.description });
    t.add('locations', { ...location, addresses: undefined, accessibility: undefined });
    for (const address of location.addresses) t.add('addresses', { ...address, location_id: location.id });
    for (const access of location.accessibility) t.add('accessibility', { ...access, location_id: location.id });
  }
}

function addContacts(service: DirectoryService, t: Tables): void {
  for (const contact of service.contacts) {
    t.add('contacts', { ...contact, service_id: service.id });
    for (const phone of contact.phones) t.add('phones', { ...phone, contact_id: contact.id });
  }
  for (const phone of service.phones) t.add('phones', { ...phone, service_id: service.id });
}

function addClassification(service: DirectoryService, t: Tables): void {
  for (const attribute of service.attributes) {
    t.add('attributes', { ...attribute, link_id: service.id, link_entity: 'service' });
    if (attribute.taxonomy_term) t.add('taxonomy_terms', attribute.taxonomy_term);
  }
}

function addService(service: DirectoryService, t: Tables): void {
  const organization = service.organization;
  t.add('services', { ...service, organization_id: organization?.id });
  if (organization) {
    t.add('organizations', organization);
    for (const identifier of organization.organization_identifiers) {
      t.add('organization_identifiers', { ...identifier, organization_id: organization.id });
    }
  }
  addPlaces(service, t);
  for (const schedule of service.schedules) t.add('schedules', { ...schedule, service_id: service.id });
  addContacts(service, t);
  for (const table of ['cost_options', 'funding', 'languages', 'service_areas'] as const) {
    for (const row of service[table]) t.add(table, { ...row, service_id: service.id });
  }
  addClassification(service, t);
}

/** Every table's file, header and rows; a table no service uses is written with its header alone. */
export function exportOrukCsv(services: readonly DirectoryService[]): Record<string, string> {
  const t = new Tables();
  for (const service of services) addService(service, t);
  const files: Record<string, string> = {};
  for (const [name, table] of Object.entries(ORUK_CSV_TABLES) as [CsvTableName, (typeof ORUK_CSV_TABLES)[CsvTableName]][]) {
    files[table.files[0]] = writeCsv(table.columns, t.rows.get(name) ?? []);
  }
  return files;
}
