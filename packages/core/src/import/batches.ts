/**
 * Inputs cut into batches. A transaction Bundle is one batch that lands whole or not at all; a
 * batch (or collection) Bundle lands entry by entry; NDJSON lines are taken a chunk at a time
 * (the caller's chunk, such as 1,000 lines), each chunk one all-or-nothing batch, except that a
 * line holding a whole Bundle is a batch of its own, with that Bundle's rules.
 */
import { readFhirResource } from './fhir.js';
import { arrayOf, isObject, text } from './fhir-values.js';
import type { ImportBatch, ImportEntry } from './types.js';

/** Bundle types read: transaction (all-or-nothing), batch and collection (entry by entry). */
export const BUNDLE_TYPES = ['transaction', 'batch', 'collection'] as const;

export function bundleBatch(bundle: unknown, label: string, today: string): ImportBatch {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') {
    return { label, atomic: true, entries: [], issues: [{ index: 0, expression: 'resourceType', code: 'structure', reason: 'Must be a Bundle' }] };
  }
  const type = text(bundle.type);
  if (!type || !(BUNDLE_TYPES as readonly string[]).includes(type)) {
    const reason = `A Bundle to import must be of type ${BUNDLE_TYPES.join(', ')}`;
    return { label, atomic: true, entries: [], issues: [{ index: 0, expression: 'Bundle.type', code: 'not-supported', reason }] };
  }
  const entries = arrayOf(bundle.entry).map((entry, index) => bundleEntry(entry, index, today));
  return { label, atomic: type === 'transaction', entries, issues: [] };
}

function bundleEntry(entry: unknown, index: number, today: string): ImportEntry {
  const path = `Bundle.entry[${index}].resource`;
  const place = { index, path };
  if (!isObject(entry)) return { ...place, issues: [{ index, expression: `Bundle.entry[${index}]`, code: 'structure', reason: 'Must be an object' }] };
  const method = isObject(entry.request) ? text(entry.request.method) : null;
  if (method && method !== 'POST' && method !== 'PUT') {
    return { ...place, issues: [{ index, expression: `Bundle.entry[${index}].request.method`, code: 'not-supported', reason: 'Only POST and PUT entries are imported' }] };
  }
  if (isObject(entry.resource) && entry.resource.resourceType === 'Bundle') {
    return { ...place, issues: [{ index, expression: `${path}.resourceType`, code: 'not-supported', reason: 'A Bundle inside a Bundle is not imported' }] };
  }
  return readFhirResource(entry.resource, place, today, text(entry.fullUrl) ?? undefined);
}

export interface NumberedLine {
  /** From 1. */
  line: number;
  text: string;
}

/** A chunk of NDJSON lines as batches: runs of resource lines, and each Bundle line on its own. */
export function ndjsonBatches(lines: readonly NumberedLine[], today: string): ImportBatch[] {
  const batches: ImportBatch[] = [];
  let run: ImportEntry[] = [];
  const closeRun = () => {
    if (run.length === 0) return;
    const first = run[0]!.index;
    const last = run[run.length - 1]!.index;
    batches.push({ label: first === last ? `line ${first}` : `lines ${first}-${last}`, atomic: true, entries: run, issues: [] });
    run = [];
  };
  for (const { line, text: raw } of lines) {
    if (raw.trim() === '') continue;
    let resource: unknown;
    try {
      resource = JSON.parse(raw);
    } catch {
      run.push({ index: line, path: 'line', issues: [{ index: line, expression: '', code: 'structure', reason: 'Not valid JSON' }] });
      continue;
    }
    if (isObject(resource) && resource.resourceType === 'Bundle') {
      closeRun();
      batches.push(bundleBatch(resource, `line ${line} (Bundle)`, today));
      continue;
    }
    const path = isObject(resource) && typeof resource.resourceType === 'string' ? resource.resourceType : 'line';
    run.push(readFhirResource(resource, { index: line, path }, today));
  }
  closeRun();
  return batches;
}
