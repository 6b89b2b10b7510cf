/**
 * The directory of community services and activities in Open Referral UK's terms: the model,
 * Kith's own additions, import (JSON v1 and v3, CSV), export (JSON, CSV), vocabulary checks and
 * planning a feed's merge (docs/open-referral.md).
 */
export * from './formats.js';
export * from './model-parts.js';
export * from './model-places.js';
export * from './model.js';
export * from './kith-extensions.js';
export { type OrukProblem, type ProblemSeverity } from './problems.js';
export { ORUK_VERSIONS, type OrukVersion } from './versions.js';
export { type OrukImportOptions, type OrukImportResult } from './import-services.js';
export { importOrukJson } from './import-json.js';
export { importOrukCsv, importOrukTaxonomyTermsCsv } from './csv-import.js';
export { importOrukTaxonomyTerms, type OrukTaxonomyImportResult } from './import-terms.js';
export { ORUK_CSV_TABLES, type CsvTableName } from './csv-tables.js';
export { exportOrukCsv } from './csv-export.js';
export { orukPage, type OrukPage, type PageRequest } from './pages.js';
export { toOrukService, toOrukServiceSummary, orukServicePage, type OrukJsonObject } from './export-json.js';
export { taxonomyTermIndex, isKnownTaxonomyTerm, unknownTaxonomyTerms, type TaxonomyTermIndex } from './taxonomy.js';
export { comparableServiceFields, changedServiceFields, serviceDisagreements, type FieldDisagreement } from './compare.js';
export {
  planDirectoryMerge,
  type DirectoryMergeInput,
  type DirectoryMergePlan,
  type DirectoryUpdate,
  type DirectoryConflict,
} from './merge.js';
export { ORUK_V3_VERSION, ORUK_V3_PROFILE, orukFeedRoot, readOrukFeedRoot, type OrukFeedRoot, type OrukFeedRootReading } from './feed-root.js';
