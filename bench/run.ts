/**
 * npm run bench: Kith's speed targets measured on the local PostgreSQL server, written to
 * docs/benchmarks.md. Each run records the figure, the data size and the machine.
 *
 *   BENCH_SIZE (400000)   people in the synthetic borough
 *   BENCH_DATABASE_URL    server to use (postgres://postgres@127.0.0.1:5432/postgres); a scratch
 *                         database kith_bench is created on it and dropped afterwards
 */
import { foundation } from './foundation.js';
import { machine, writeSection } from './report.js';

const size = Number(process.env.BENCH_SIZE ?? 400_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const sections = [await foundation({ size, serverUrl })];
const header = await machine(serverUrl);
for (const section of sections) await writeSection(section, header);
console.log('\nWritten to docs/benchmarks.md');
