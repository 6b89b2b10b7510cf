// Sums the JUnit reports that vitest and Playwright write, and prints the closing line
// "N passed, N failed". Exits non-zero when a report is missing or a test failed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'reports';
const expected = ['vitest-pglite.xml', 'vitest-postgres.xml', 'e2e.xml'];
let passed = 0;
let failed = 0;
let missing = 0;

for (const name of expected) {
  let xml;
  try {
    xml = readFileSync(join(dir, name), 'utf8');
  } catch {
    console.log(`report missing: ${name}`);
    missing++;
    continue;
  }
  // Count <testcase> elements: a failure or error inside one makes it failed.
  const cases = xml.match(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g) ?? [];
  for (const c of cases) {
    if (/<skipped\b/.test(c)) continue;
    if (/<(failure|error)\b/.test(c)) failed++;
    else passed++;
  }
}
const known = new Set(readdirSync(dir));
for (const name of known) if (!expected.includes(name) && name.endsWith('.xml')) console.log(`extra report ignored: ${name}`);
console.log(`${passed} passed, ${failed + missing} failed`);
process.exit(failed + missing > 0 ? 1 : 0);
