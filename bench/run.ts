/**
 * npm run bench: Kith's speed targets measured on the local PostgreSQL server, written to
 * docs/benchmarks.md. Each run records the figure, the data size and the machine.
 *
 *   BENCH_SIZE (400000)   people in the synthetic borough
 *   BENCH_DATABASE_URL    server to use (postgres://postgres@127.0.0.1:5432/postgres); scratch
 *                         databases are created on it and dropped afterwards
 *   BENCH_ACCESS_SIZE (100000) people in the access benchmark's borough
 *   BENCH_IMPORT_SIZE (20000) people in the import benchmark's FHIR NDJSON (about 6 resources each)
 *   BENCH_CARE_SIZE (50000) people in the care benchmark's borough (BENCH_CARE_PEOPLE of them with five years of history)
 *   BENCH_DIRECTORY_SERVICES (10000) services in the directory benchmark's feed
 *   BENCH_ONLY            a comma-separated choice of benchmarks (foundation, audit, access, case-finding, import, huddles, care, directory); all by default
 */
import { access } from './access.js';
import { audit } from './audit.js';
import { care } from './care.js';
import { directory } from './directory.js';
import { caseFinding } from './case-finding.js';
import { foundation } from './foundation.js';
import { huddles } from './huddles.js';
import { importBenchmark } from './import.js';
import { machine, type Section, writeSection } from './report.js';

const size = Number(process.env.BENCH_SIZE ?? 400_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchmarks: Record<string, () => Promise<Section>> = {
  foundation: () => foundation({ size, serverUrl }),
  audit: () => audit({ serverUrl }),
  'case-finding': () => caseFinding({ size, serverUrl }),
  access: () => access({ size: Number(process.env.BENCH_ACCESS_SIZE ?? 100_000), serverUrl }),
  import: () => importBenchmark({ size: Number(process.env.BENCH_IMPORT_SIZE ?? 20_000), serverUrl }),
  huddles: () => huddles({ size, serverUrl }),
  care: () => care({ size: Number(process.env.BENCH_CARE_SIZE ?? 50_000), serverUrl }),
  directory: () => directory({ serverUrl }),
};
const chosen = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()) : Object.keys(benchmarks);

for (const name of chosen) {
  const run = benchmarks[name];
  if (!run) throw new Error(`Unknown benchmark ${name}; choose from ${Object.keys(benchmarks).join(', ')}`);
  const section = await run();
  await writeSection(section, await machine(serverUrl));
  console.log(`\n${section.title}: written to docs/benchmarks.md`);
}
