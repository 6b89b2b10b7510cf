/**
 * Importing services from an ORUK JSON response, v3 or v1: a page of /services (`contents`, or
 * v1's `content`), a bare list, one full service (/services/{id}), an organisation with its
 * services, or service_at_location responses (each read as its service at that one place).
 * Problems are named by their path in the document as the publisher wrote it.
 */
import { type RawObject, isRawObject } from './fields.js';
import { JsonPaths } from './json-paths.js';
import { type OrukImportOptions, type OrukImportResult, type ServiceCandidate, checkFeedId, readServices } from './import-services.js';
import { type FoundItem, listItems } from './pages.js';
import { ProblemLog, childPath } from './problems.js';
import type { OrukVersion } from './versions.js';

const isServiceAtLocation = (item: RawObject): boolean => isRawObject(item.service);

/** A service_at_location response read as its service, delivered at that one place. */
function serviceAtLocation(item: RawObject, path: string, paths: JsonPaths): RawObject {
  const service = item.service as RawObject;
  const place = paths.name({ id: item.id, location: item.location, location_id: item.location_id }, path);
  return paths.name({ ...service, service_at_locations: [place] }, childPath(path, 'service'));
}

function candidate(item: FoundItem, version: OrukVersion | undefined, log: ProblemLog, paths: JsonPaths): ServiceCandidate[] {
  if (!isRawObject(item.raw)) {
    log.error(item.path, 'Must be a service, an object');
    return [];
  }
  const raw = isServiceAtLocation(item.raw) ? serviceAtLocation(item.raw, item.path, paths) : item.raw;
  return [{ raw, path: item.path, ...(version ? { version } : {}) }];
}

/** An organisation with its services (the /organizations/{id} response): each service names it as provider. */
function organizationServices(body: RawObject, paths: JsonPaths): FoundItem[] {
  const { services, ...organization } = body;
  paths.name(organization, '');
  return (services as unknown[]).map((raw, i) => {
    const path = `services[${i}]`;
    const item = isRawObject(raw) && raw.organization === undefined ? paths.name({ ...raw, organization }, path) : raw;
    return { raw: item, path };
  });
}

function findServices(body: unknown, log: ProblemLog, paths: JsonPaths): ServiceCandidate[] {
  const list = listItems(body, log);
  if (list) return list.items.flatMap((item) => candidate(item, list.version, log, paths));
  if (isRawObject(body) && Array.isArray(body.services)) {
    return organizationServices(body, paths).flatMap((item) => candidate(item, undefined, log, paths));
  }
  if (isRawObject(body)) return candidate({ raw: body, path: '' }, undefined, log, paths);
  log.error('', 'Not an Open Referral services response: expected a page, a list or a service');
  return [];
}

export function importOrukJson(body: unknown, options: OrukImportOptions): OrukImportResult {
  checkFeedId(options.feedId);
  const log = new ProblemLog();
  const paths = new JsonPaths();
  const { services, refused } = readServices(findServices(body, log, paths), log, paths, options);
  return { services, refused, problems: log.distinct() };
}
