/** Clinical data import: FHIR R4 and CSV read into checked records (docs/import.md). */
export * from './types.js';
export { readFhirResource, IMPORTED_RESOURCE_TYPES } from './fhir.js';
export { FHIR_CONDITION_CODE_SYSTEMS, FHIR_ENCOUNTER_CLASSES, FHIR_MEDICATION_CODE_SYSTEMS } from './fhir-clinical.js';
export { bundleBatch, ndjsonBatches, BUNDLE_TYPES, type NumberedLine } from './batches.js';
export { CsvReader, readCsv, type CsvRecord } from './csv-reader.js';
export { csvBatch, csvHeader, CSV_COLUMNS, CSV_KINDS, type CsvColumn } from './csv.js';
export { syntheticImportNhsNumbers } from './synthetic-nhs-number.js';
