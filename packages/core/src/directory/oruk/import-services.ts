/**
 * The step every import shares, from JSON or CSV: read each service found, keep the ones read
 * without an error, and say where each came from. A service with any error is rejected whole,
 * its problems still reported, so the directory never holds half of what a publisher wrote.
 */
import { DomainError } from '../../errors.js';
import { Fields, type Origins, type RawObject } from './fields.js';
import type { DirectoryServiceRecord } from './model.js';
import type { OrukProblem, ProblemLog } from './problems.js';
import { readService } from './read-service.js';
import { type OrukVersion, serviceVersion } from './versions.js';

export interface OrukImportOptions {
  /** Kith's name for the feed the services came from; with each service's id it identifies a record. */
  feedId: string;
  /** The generation the feed speaks; when absent each service's own fields tell. */
  version?: OrukVersion;
}

export interface OrukImportResult {
  services: DirectoryServiceRecord[];
  problems: OrukProblem[];
  /** Services found but refused for an error, each error among the problems. */
  refused: number;
}

export interface ServiceCandidate {
  raw: RawObject;
  path: string;
  version?: OrukVersion;
}

export function checkFeedId(feedId: string): void {
  if (typeof feedId !== 'string' || feedId.trim() === '') throw DomainError.field('feedId', 'Name the feed the services come from');
}

/** The first place each id was seen: a second service with the same id is refused, as a feed's ids must be unique. */
function duplicateOf(candidate: ServiceCandidate, seen: Map<string, string>): string | undefined {
  const id = candidate.raw.id;
  if (typeof id !== 'string' || id.trim() === '') return undefined;
  const earlier = seen.get(id);
  if (earlier === undefined) seen.set(id, candidate.path);
  return earlier;
}

/** Each candidate read whole or refused whole; the kept records, and how many were refused. */
export function readServices(
  candidates: readonly ServiceCandidate[],
  log: ProblemLog,
  origins: Origins,
  options: OrukImportOptions,
): { services: DirectoryServiceRecord[]; refused: number } {
  const seen = new Map<string, string>();
  const records: DirectoryServiceRecord[] = [];
  for (const candidate of candidates) {
    const before = log.errorCount();
    const fields = new Fields(candidate.raw, candidate.path, log, origins);
    const earlier = duplicateOf(candidate, seen);
    if (earlier !== undefined) log.error(fields.at('id'), `The feed already gave a service with this id (at ${earlier || 'the top'}); this one was not imported`);
    const service = readService(fields, options.version ?? candidate.version ?? serviceVersion(candidate.raw));
    if (!service || log.errorCount() > before) continue;
    records.push({ source: { feedId: options.feedId, sourceId: service.id }, service });
  }
  return { services: records, refused: candidates.length - records.length };
}
