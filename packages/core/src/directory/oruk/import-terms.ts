/**
 * Importing a vocabulary: the taxonomy terms Kith checks services' classifications against.
 * Reads a page of /taxonomy_terms (v3 `contents`, or a v1 /taxonomies page's `content`), a bare
 * list, one term, or a taxonomy with its `taxonomy_terms` (each term then names that taxonomy).
 * As in the service import, a term with an error is left out whole.
 */
import { Fields, type Origins, type RawObject, isRawObject } from './fields.js';
import { JsonPaths } from './json-paths.js';
import type { OrukTaxonomyTerm } from './model-parts.js';
import { type FoundItem, listItems } from './pages.js';
import { type OrukProblem, ProblemLog, itemPath } from './problems.js';
import { readTaxonomyTerm } from './read-terms.js';
import type { OrukVersion } from './versions.js';

export interface OrukTaxonomyImportResult {
  terms: OrukTaxonomyTerm[];
  problems: OrukProblem[];
}

export interface TermCandidate {
  raw: RawObject;
  path: string;
}

/** Each term read whole or not at all; a second term with an id already read is refused. */
export function readTerms(candidates: readonly TermCandidate[], log: ProblemLog, origins: Origins, version: OrukVersion): OrukTaxonomyTerm[] {
  const seen = new Map<string, string>();
  const terms: OrukTaxonomyTerm[] = [];
  for (const candidate of candidates) {
    const before = log.errorCount();
    const fields = new Fields(candidate.raw, candidate.path, log, origins);
    // v1 terms had no description, so only a v3 term is asked for one.
    const term = readTaxonomyTerm(fields, { need: 'error', wantDescription: version === 'v3' });
    const earlier = term ? seen.get(term.id) : undefined;
    if (earlier !== undefined) log.error(fields.at('id'), `The vocabulary already gave a term with this id (at ${earlier || 'the top'}); this one was left out`);
    if (!term || log.errorCount() > before) continue;
    seen.set(term.id, fields.path);
    terms.push(term);
  }
  return terms;
}

/** A taxonomy's terms, each naming the taxonomy it belongs to unless it already does. */
function taxonomyTerms(taxonomy: RawObject, paths: JsonPaths): FoundItem[] {
  const named = { taxonomy_id: taxonomy.id, taxonomy: taxonomy.name };
  return (taxonomy.taxonomy_terms as unknown[]).map((raw, i) => {
    const path = itemPath('taxonomy_terms', i);
    return { raw: isRawObject(raw) ? paths.name({ ...named, ...raw }, path) : raw, path };
  });
}

function findTerms(body: unknown, log: ProblemLog, paths: JsonPaths): { items: FoundItem[]; version: OrukVersion } {
  const list = listItems(body, log);
  if (list) return { items: list.items, version: list.version ?? 'v3' };
  if (isRawObject(body) && Array.isArray(body.taxonomy_terms)) return { items: taxonomyTerms(body, paths), version: 'v3' };
  return { items: [{ raw: body, path: '' }], version: 'v3' };
}

export function importOrukTaxonomyTerms(body: unknown): OrukTaxonomyImportResult {
  const log = new ProblemLog();
  const paths = new JsonPaths();
  const found = findTerms(body, log, paths);
  const candidates = found.items.flatMap((item) => {
    if (isRawObject(item.raw)) return [{ raw: item.raw, path: item.path }];
    log.error(item.path, 'Must be a taxonomy term, an object');
    return [];
  });
  return { terms: readTerms(candidates, log, paths, found.version), problems: log.distinct() };
}
