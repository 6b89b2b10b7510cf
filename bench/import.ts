/**
 * Clinical data import (target: FHIR NDJSON at over 10,000 resources a second on PostgreSQL).
 * A synthetic borough (core's generator) is written out as FHIR NDJSON the way a bulk export
 * sends it, every Patient first, then every Condition, then every Encounter, each naming its
 * patient as `Patient/<id>`; then imported through the import service (as `kith import` does:
 * batches of 1,000 lines read from the file as a stream, one transaction each, audited) into an
 * empty scratch database, and imported a second time, when nothing changes.
 */
import { createReadStream } from 'node:fs';
import { appendFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isoDateOf, peopleBatches, planBorough, type ConditionRow, type EncounterRow, type PersonRow } from '@kith/core';
import { sql } from 'drizzle-orm';
import { ndjsonBatchesOf } from '../packages/server/src/modules/imports/input.js';
import { importBatches, type ImportReport } from '../packages/server/src/modules/imports/service.js';
import { openDatabase, rowsOf, type Db } from '../packages/server/src/platform/db/client.js';
import type { Section } from './report.js';
import { admin, scratchUrl } from './scratch.js';

const SCRATCH = 'kith_import_bench';
const BATCH_LINES = 1000;
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const ADMISSION_METHOD = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AdmissionMethod';
const ACT_CODE = { inpatient: 'IMP', emergency: 'EMER', ambulatory: 'AMB' } as const;

const patient = (p: PersonRow) => ({
  resourceType: 'Patient',
  id: p.id,
  identifier: [{ system: NHS, value: p.nhsNumber }],
  name: [{ use: 'official', family: p.familyName, given: [p.givenName] }],
  gender: p.sex,
  birthDate: p.dateOfBirth,
  ...(p.postcode ? { address: [{ use: 'home', line: [p.addressLine1], city: p.town, postalCode: p.postcode }] } : {}),
});

const condition = (c: ConditionRow) => ({
  resourceType: 'Condition',
  id: c.sourceId,
  subject: { reference: `Patient/${c.personId}` },
  code: { coding: [{ system: 'http://snomed.info/sct', code: c.code, display: c.display }] },
  onsetDateTime: c.onsetDate,
});

const encounter = (e: EncounterRow) => ({
  resourceType: 'Encounter',
  id: e.sourceId,
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: ACT_CODE[e.class] },
  subject: { reference: `Patient/${e.personId}` },
  period: { start: e.startDate, ...(e.endDate ? { end: e.endDate } : {}) },
  ...(e.admissionMethod ? { extension: [{ url: ADMISSION_METHOD, valueCodeableConcept: { coding: [{ code: e.admissionMethod }] } }] } : {}),
});

/**
 * The borough as an NDJSON file: Patients, then Conditions, then Encounters. Each kind is
 * written to its own file a batch of people at a time, and the three are read one after the
 * other, so the benchmark never holds the whole text.
 */
async function writeBoroughNdjson(size: number, folder: string) {
  const borough = planBorough({ size, seed: 2017, referenceDate: isoDateOf(new Date()) });
  const files = { patients: join(folder, 'patients.ndjson'), conditions: join(folder, 'conditions.ndjson'), encounters: join(folder, 'encounters.ndjson') };
  const counts = { patients: 0, conditions: 0, encounters: 0 };
  for (const batch of peopleBatches(borough, 5000)) {
    const lines = {
      patients: batch.people.map((p) => JSON.stringify(patient(p))),
      conditions: batch.conditions.map((c) => JSON.stringify(condition(c))),
      encounters: batch.encounters.map((e) => JSON.stringify(encounter(e))),
    };
    for (const kind of ['patients', 'conditions', 'encounters'] as const) {
      if (lines[kind].length > 0) await appendFile(files[kind], `${lines[kind].join('\n')}\n`);
      counts[kind] += lines[kind].length;
    }
  }
  let bytes = 0;
  for (const file of Object.values(files)) bytes += (await stat(file)).size;
  return { files: Object.values(files), resources: counts.patients + counts.conditions + counts.encounters, ...counts, bytes };
}

async function* readAll(files: string[]): AsyncGenerator<string> {
  for (const file of files) yield* createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 }) as AsyncIterable<string>;
}

/** The collector, so that memory is measured from what the import itself holds. */
function collectGarbage() {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

interface Run {
  seconds: number;
  report: ImportReport;
  baselineRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

async function importOnce(db: Db, files: string[]): Promise<Run> {
  collectGarbage();
  const baselineRss = process.memoryUsage().rss;
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 100);
  const now = new Date();
  const started = performance.now();
  try {
    const batches = ndjsonBatchesOf(readAll(files), isoDateOf(now), BATCH_LINES);
    const report = await importBatches(db, { kind: 'system', now, runId: 'bench-import' }, 'bench-feed', batches);
    sample();
    return { seconds: (performance.now() - started) / 1000, report, baselineRssMb: baselineRss / 2 ** 20, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

export async function importBenchmark({ size, serverUrl }: { size: number; serverUrl: string }): Promise<Section> {
  console.log(`Writing ${size.toLocaleString('en-GB')} synthetic people as FHIR NDJSON…`);
  const folder = await mkdtemp(join(tmpdir(), 'kith-import-bench-'));
  const input = await writeBoroughNdjson(size, folder);
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE ${SCRATCH}`);
  const database = await openDatabase({ kind: 'postgres', url: scratchUrl(serverUrl, SCRATCH) });
  try {
    await database.migrate();
    console.log(`Importing ${input.resources.toLocaleString('en-GB')} resources…`);
    const first = await importOnce(database.db, input.files);
    console.log('Importing them again…');
    const again = await importOnce(database.db, input.files);
    const [events] = await rowsOf<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM audit_event`);
    return report(input, first, again, events!.n);
  } finally {
    await database.close();
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
    await rm(folder, { recursive: true, force: true });
  }
}

const n = (value: number) => Math.round(value).toLocaleString('en-GB');

function report(input: Awaited<ReturnType<typeof writeBoroughNdjson>>, first: Run, again: Run, auditEvents: number): Section {
  const line = (label: string, run: Run, target: string) =>
    `| ${label} | ${run.seconds.toFixed(1)} s | **${n(input.resources / run.seconds)}** | ${run.report.batches} | ${run.report.entriesRefused} | ${Math.round(run.baselineRssMb)} → ${Math.round(run.peakRssMb)} MB | ${Math.round(run.peakHeapMb)} MB | ${target} |`;
  const c = first.report.counts;
  return {
    title: 'Clinical data import: FHIR NDJSON',
    lines: [
      `Input: ${n(input.resources)} resources (${n(input.patients)} Patient, ${n(input.conditions)} Condition, ${n(input.encounters)} Encounter; ${(input.bytes / 2 ** 20).toFixed(0)} MB of NDJSON) from the synthetic borough (seed 2017), Patients first, each Condition and Encounter naming its patient as \`Patient/<id>\`.`,
      `Imported through the import service in batches of ${BATCH_LINES} lines, one transaction each, with one audit event per person a batch changed (${n(auditEvents)} events in all), into an empty database; then the same file again.`,
      '',
      '| run | time | resources a second | batches | refused | RSS before → peak | peak heap | target |',
      '|---|---|---|---|---|---|---|---|',
      line('first import', first, 'over 10,000 a second'),
      line('the same again (nothing changes)', again, ''),
      '',
      `First import wrote ${n(c.peopleCreated)} people, ${n(c.conditionsCreated)} conditions and ${n(c.encountersCreated)} encounters; the second wrote ${again.report.counts.peopleCreated + again.report.counts.peopleUpdated + again.report.counts.conditionsCreated + again.report.counts.conditionsUpdated + again.report.counts.encountersCreated + again.report.counts.encountersUpdated} rows. The file is read as a stream, a batch at a time, as \`kith import\` reads it; memory is the benchmark process's, measured from a garbage collection just before each run.`,
    ],
  };
}
