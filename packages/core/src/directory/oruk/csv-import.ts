/**
 * Importing an ORUK CSV set: the tables are joined on their ids into the nested services a JSON
 * feed would give (a service with its organisation, places, times, contacts...), then read by
 * the same reader, so a CSV import keeps and rejects exactly what the JSON one would. A row that
 * links to nothing in the set is reported and left out.
 */
import type { RawObject } from './fields.js';
import { ORUK_CSV_TABLES } from './csv-tables.js';
import { type CsvTablesRead, CsvRows, readCsvTables, rowsOf } from './csv-rows.js';
import { type OrukImportOptions, type OrukImportResult, checkFeedId, readServices } from './import-services.js';
import { type OrukTaxonomyImportResult, readTerms } from './import-terms.js';
import { ProblemLog } from './problems.js';

type Row = RawObject;

const text = (row: Row, key: string): string | undefined => (typeof row[key] === 'string' ? (row[key] as string).trim() : undefined);

function byId(rows: readonly Row[]): Map<string, Row> {
  const found = new Map<string, Row>();
  for (const row of rows) {
    const id = text(row, 'id');
    if (id !== undefined && !found.has(id)) found.set(id, row);
  }
  return found;
}

function push(owner: Row, collection: string, row: Row): void {
  const list = owner[collection];
  if (Array.isArray(list)) list.push(row);
  else owner[collection] = [row];
}

/** Joins rows to their owners: the owner named by the first key that has a value, else the row is reported. */
class Joiner {
  constructor(
    private readonly log: ProblemLog,
    private readonly rows: CsvRows,
  ) {}

  leftOut(row: Row, reason: string): void {
    const path = this.rows.pathOf(row, '');
    this.log.warning(path, `${reason}; not imported`);
    for (const problem of this.rows.rowProblems(row)) this.log.error(path, problem.reason);
  }

  join(rows: readonly Row[], owners: { key: string; from: ReadonlyMap<string, Row>; what: string }[], collection: string): void {
    for (const row of rows) {
      const link = owners.find((o) => text(row, o.key) !== undefined);
      const owner = link ? link.from.get(text(row, link.key) ?? '') : undefined;
      if (owner) push(owner, collection, row);
      else if (link) this.leftOut(row, `Names ${link.what} "${text(row, link.key)}", which the set does not have`);
      else this.leftOut(row, `Names no ${owners.map((o) => o.what).join(' or ')}`);
    }
  }
}

function joinPlaces(t: CsvTablesRead, join: Joiner): Map<string, Row> {
  const locations = byId(t.locations);
  for (const location of locations.values()) Object.assign(location, { addresses: [], accessibility: [] });
  join.join(t.addresses, [{ key: 'location_id', from: locations, what: 'location' }], 'addresses');
  join.join(t.accessibility, [{ key: 'location_id', from: locations, what: 'location' }], 'accessibility');
  return locations;
}

function joinOrganizations(t: CsvTablesRead, join: Joiner): Map<string, Row> {
  const organizations = byId(t.organizations);
  const owner = [{ key: 'organization_id', from: organizations, what: 'organization' }];
  join.join(t.organization_identifiers, owner, 'organization_identifiers');
  return organizations;
}

function joinServiceParts(t: CsvTablesRead, services: Map<string, Row>, join: Joiner): void {
  const service = { key: 'service_id', from: services, what: 'service' };
  const places = byId(t.service_at_locations);
  const placeService = new Map([...places].flatMap(([id, p]) => {
    const owner = services.get(text(p, 'service_id') ?? '');
    return owner ? [[id, owner] as const] : [];
  }));
  join.join(t.schedules, [service, { key: 'service_at_location_id', from: placeService, what: 'service_at_location' }], 'schedules');
  const contacts = byId(t.contacts);
  join.join(t.contacts, [service], 'contacts');
  join.join(t.phones, [{ key: 'contact_id', from: contacts, what: 'contact' }, service], 'phones');
  for (const [table, collection] of [['cost_options', 'cost_options'], ['funding', 'funding'], ['languages', 'languages'], ['service_areas', 'service_areas']] as const) {
    join.join(t[table], [service], collection);
  }
}

/** Attributes that classify a service, each with its term from taxonomy_terms when the set has it. */
function joinAttributes(t: CsvTablesRead, services: Map<string, Row>, join: Joiner): void {
  const terms = byId(t.taxonomy_terms);
  const forServices = t.attributes.filter((a) => {
    const entity = text(a, 'link_entity');
    if (entity && entity.toLowerCase() !== 'service') join.leftOut(a, `Classifies a ${entity}; Kith classifies services`);
    return !entity || entity.toLowerCase() === 'service';
  });
  for (const attribute of forServices) {
    const term = terms.get(text(attribute, 'taxonomy_term_id') ?? '');
    if (term) attribute.taxonomy_term = term;
  }
  join.join(forServices, [{ key: 'link_id', from: services, what: 'service' }], 'attributes');
}

function assemble(t: CsvTablesRead, log: ProblemLog, rows: CsvRows): Row[] {
  const join = new Joiner(log, rows);
  const locations = joinPlaces(t, join);
  const organizations = joinOrganizations(t, join);
  const services = byId(t.services);
  for (const service of t.services) {
    const organizationId = text(service, 'organization_id');
    const organization = organizations.get(organizationId ?? '');
    if (organization) service.organization = organization;
    else if (organizationId) log.warning(rows.pathOf(service, '') + '.organization_id', `"${organizationId}" is not in the set's organizations`);
  }
  for (const place of t.service_at_locations) {
    const location = locations.get(text(place, 'location_id') ?? '');
    if (location) place.location = location;
  }
  join.join(t.service_at_locations, [{ key: 'service_id', from: services, what: 'service' }], 'service_at_locations');
  joinServiceParts(t, services, join);
  joinAttributes(t, services, join);
  return t.services;
}

export function importOrukCsv(files: Readonly<Record<string, string>>, options: OrukImportOptions): OrukImportResult {
  checkFeedId(options.feedId);
  const log = new ProblemLog();
  const rows = new CsvRows();
  const tables = readCsvTables(files, log, rows);
  if (!tables.present.has('services')) {
    log.error(ORUK_CSV_TABLES.services.files[0], 'The set has no services file; a directory import starts from its services');
    return { services: [], refused: 0, problems: log.distinct() };
  }
  const candidates = assemble(tables, log, rows).map((raw) => ({ raw, path: rows.pathOf(raw, ''), version: 'v3' as const }));
  const { services, refused } = readServices(candidates, log, rows, options);
  reportBrokenRows(tables, log, rows);
  return { services, refused, problems: log.distinct() };
}

/** A malformed row no service used (an organisation or place of no service) is still reported; one already reported is not repeated. */
function reportBrokenRows(tables: CsvTablesRead, log: ProblemLog, rows: CsvRows): void {
  for (const name of tables.present) {
    for (const row of tables[name]) {
      for (const problem of rows.rowProblems(row)) log.error(rows.pathOf(row, ''), problem.reason);
    }
  }
}

/** A vocabulary sent as ORUK's taxonomy_terms.csv. */
export function importOrukTaxonomyTermsCsv(csvText: string, fileName = 'taxonomy_terms.csv'): OrukTaxonomyImportResult {
  const log = new ProblemLog();
  const rows = new CsvRows();
  const candidates = rowsOf({ name: fileName, text: csvText }, ORUK_CSV_TABLES.taxonomy_terms, rows).map((raw) => ({ raw, path: rows.pathOf(raw, '') }));
  return { terms: readTerms(candidates, log, rows, 'v3'), problems: log.distinct() };
}
