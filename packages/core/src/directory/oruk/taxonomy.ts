/**
 * Checking a service's classification against the vocabulary Kith knows (for example the LGA
 * service types, loaded from a feed's /taxonomy_terms). A term is known by its id, or by its code
 * within its taxonomy: feeds that share a vocabulary often mint their own ids for its terms but
 * keep its codes. The server holds the list; this only compares.
 */
import type { DirectoryService } from './model.js';
import type { OrukAttribute, OrukTaxonomyTerm } from './model-parts.js';
import { type OrukProblem, type ProblemSeverity, childPath, itemPath } from './problems.js';

export interface TaxonomyTermIndex {
  readonly ids: ReadonlySet<string>;
  /** taxonomy + code (or the UK profile's `term`), compared without case. */
  readonly codes: ReadonlySet<string>;
}

const codeKey = (taxonomy: string | undefined, code: string): string =>
  `${(taxonomy ?? '').trim().toLowerCase()}\u0000${code.trim().toLowerCase()}`;

function codesOf(term: Pick<OrukTaxonomyTerm, 'taxonomy' | 'code' | 'term'>): string[] {
  return [term.code, term.term].flatMap((code) => (code ? [codeKey(term.taxonomy, code)] : []));
}

export function taxonomyTermIndex(terms: readonly OrukTaxonomyTerm[]): TaxonomyTermIndex {
  return { ids: new Set(terms.map((t) => t.id)), codes: new Set(terms.flatMap(codesOf)) };
}

export function isKnownTaxonomyTerm(index: TaxonomyTermIndex, attribute: OrukAttribute): boolean {
  if (index.ids.has(attribute.taxonomy_term_id)) return true;
  return attribute.taxonomy_term ? codesOf(attribute.taxonomy_term).some((key) => index.codes.has(key)) : false;
}

function describe(attribute: OrukAttribute): string {
  const term = attribute.taxonomy_term;
  if (!term) return `"${attribute.taxonomy_term_id}"`;
  const code = term.code ?? term.term;
  return `"${term.name}"${code && code !== term.name ? ` (${code})` : ''}${term.taxonomy ? ` from ${term.taxonomy}` : ''}`;
}

/**
 * The service's taxonomy terms that are not in the index, each named by its place in the
 * service's ORUK v3 form (`attributes[2]`). A warning unless the caller wants them refused.
 */
export function unknownTaxonomyTerms(
  service: DirectoryService,
  index: TaxonomyTermIndex,
  options: { basePath?: string; severity?: ProblemSeverity } = {},
): OrukProblem[] {
  const base = childPath(options.basePath ?? '', 'attributes');
  return service.attributes.flatMap((attribute, i) =>
    isKnownTaxonomyTerm(index, attribute)
      ? []
      : [{ path: itemPath(base, i), reason: `Taxonomy term ${describe(attribute)} is not in Kith's vocabulary`, severity: options.severity ?? 'warning' }],
  );
}
