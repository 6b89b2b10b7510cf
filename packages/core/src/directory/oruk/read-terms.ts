/**
 * Reading taxonomy terms and how a service is classified by them: ORUK v3's `attributes` (each
 * with a nested `taxonomy_term`) and ORUK v1's `service_taxonomys` (each with a `taxonomy` whose
 * `vocabulary` names the taxonomy).
 *
 * Kith matches terms by id and code and shows their names; it never shows a term's link. So a
 * term's missing description or malformed term_uri is a warning (the field is left out), as the
 * ORUK validator itself treats the optional taxonomy endpoints; a term with no id or name cannot
 * be matched or shown at all.
 */
import { type Fields, defined, isRawObject } from './fields.js';
import type { OrukAttribute, OrukTaxonomyTerm } from './model-parts.js';
import type { ProblemSeverity } from './problems.js';

export interface TermReading {
  /** The severity of a missing id or name: an error for a vocabulary entry, a warning (the link is dropped) inside a service. */
  need: ProblemSeverity;
  /** Whether to warn of a missing description, which ORUK v3 requires of a vocabulary entry. */
  wantDescription: boolean;
}

/** v1 wrote a parent as an id or, in some feeds, as the parent term itself. */
function parentId(f: Fields): string | undefined {
  const parent = f.raw.parent;
  if (isRawObject(parent) && typeof parent.id === 'string') return parent.id;
  return f.text('parent_id') ?? (typeof parent === 'string' ? f.text('parent') : undefined);
}

export function readTaxonomyTerm(f: Fields, reading: TermReading): OrukTaxonomyTerm | undefined {
  const id = f.text('id', reading.need);
  const name = f.text('name', reading.need);
  if (reading.wantDescription && !f.has('description')) {
    f.log.warning(f.at('description'), 'Required by ORUK; the term is kept without it');
  }
  const term = defined({
    description: f.text('description'),
    code: f.text('code'),
    term: f.text('term'),
    parent_id: parentId(f),
    taxonomy: f.text('taxonomy') ?? f.text('vocabulary'),
    taxonomy_id: f.text('taxonomy_id'),
    term_uri: f.uri('term_uri', 'warning'),
  });
  return id === undefined || name === undefined ? undefined : { id, name, ...term };
}

const IN_SERVICE: TermReading = { need: 'warning', wantDescription: false };

/** A v3 attribute: its term nested, or only the term's id; with neither it classifies nothing and is left out. */
export function readAttribute(f: Fields, fallbackId: string): OrukAttribute | undefined {
  const id = f.id(fallbackId);
  const nested = f.object('taxonomy_term');
  const term = nested ? readTaxonomyTerm(nested, IN_SERVICE) : undefined;
  const termId = f.text('taxonomy_term_id') ?? term?.id;
  if (termId === undefined) {
    f.log.warning(f.path, 'Names no taxonomy term; it was left out');
    return undefined;
  }
  return defined({
    id,
    taxonomy_term_id: termId,
    link_type: f.text('link_type'),
    label: f.text('label'),
    value: f.text('value'),
    taxonomy_term: term,
  });
}

/** A v1 service_taxonomy, read as the v3 attribute it became. */
export function readServiceTaxonomy(f: Fields, fallbackId: string): OrukAttribute | undefined {
  const id = f.id(fallbackId);
  const taxonomy = f.object('taxonomy');
  const term = taxonomy ? readTaxonomyTerm(taxonomy, IN_SERVICE) : undefined;
  const termId = term?.id ?? f.text('taxonomy_id');
  if (termId === undefined) {
    f.log.warning(f.path, 'Names no taxonomy term; it was left out');
    return undefined;
  }
  return defined({ id, taxonomy_term_id: termId, taxonomy_term: term });
}
