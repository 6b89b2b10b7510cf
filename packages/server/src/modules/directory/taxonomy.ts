/**
 * The directory's vocabulary: the taxonomy terms services are classified by (the LGA service
 * types, or whatever vocabulary the borough's feeds share). Loaded from an Open Referral UK
 * /taxonomy_terms page or CSV; loading again updates terms by id and never duplicates. Imports
 * check each service's terms against it.
 */
import {
  DomainError,
  type OrukProblem,
  type OrukTaxonomyTerm,
  importOrukTaxonomyTerms,
  importOrukTaxonomyTermsCsv,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';

interface TermRow {
  id: string;
  taxonomy: string;
  code: string;
  name: string;
  description: string | null;
  parent_id: string | null;
}

const termOf = (row: TermRow): OrukTaxonomyTerm => ({
  id: row.id,
  name: row.name,
  code: row.code,
  taxonomy: row.taxonomy,
  ...(row.description ? { description: row.description } : {}),
  ...(row.parent_id ? { parent_id: row.parent_id } : {}),
});

/** Every term Kith holds. A vocabulary is hundreds of terms, so it is read whole. */
export async function vocabulary(db: Db): Promise<OrukTaxonomyTerm[]> {
  const rows = await rowsOf<TermRow>(db, sql`SELECT id, taxonomy, code, name, description, parent_id FROM directory_taxonomy_term ORDER BY taxonomy, code`);
  return rows.map(termOf);
}

export interface VocabularyReport {
  loaded: number;
  problems: OrukProblem[];
}

/** Reads the terms (JSON or CSV) and writes those read without an error, in one statement. */
export async function loadVocabulary(db: Db, format: 'json' | 'csv', body: unknown): Promise<VocabularyReport> {
  const read = format === 'csv' ? importOrukTaxonomyTermsCsv(String(body)) : importOrukTaxonomyTerms(body);
  const errors = read.problems.filter((p) => p.severity === 'error');
  if (read.terms.length === 0) {
    throw new DomainError('invalid', 'No taxonomy term could be read', (errors.length ? errors : [{ path: 'body', reason: 'No terms found' }]).map((p) => ({ field: p.path || 'body', reason: p.reason })));
  }
  const rows = read.terms.map((t) => ({
    id: t.id,
    taxonomy: t.taxonomy ?? 'unnamed',
    code: t.code ?? t.term ?? t.id,
    name: t.name,
    description: t.description ?? null,
    parent_id: t.parent_id ?? null,
  }));
  await db.execute(sql`INSERT INTO directory_taxonomy_term (id, taxonomy, code, name, description, parent_id)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, taxonomy text, code text, name text, description text, parent_id text)
    ON CONFLICT (id) DO UPDATE SET taxonomy = excluded.taxonomy, code = excluded.code, name = excluded.name,
      description = excluded.description, parent_id = excluded.parent_id`);
  return { loaded: rows.length, problems: read.problems };
}
