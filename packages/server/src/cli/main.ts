/**
 * The kith command line: `npm run kith -- <command> [options]`. Each command lives in its own
 * file and returns an exit code.
 */
import { runAuditCommand } from './audit.js';
import { runImportCommand } from './import.js';
import { runPostcodesCommand } from './postcodes.js';
import { runSynthCommand } from './synth.js';

const commands: Record<string, { run: (args: string[]) => Promise<number>; about: string }> = {
  synth: { run: runSynthCommand, about: 'generate a synthetic borough into an empty database (--size, --seed, --reference-date)' },
  import: { run: runImportCommand, about: 'FILE: import clinical data, a FHIR Bundle (.json), NDJSON or CSV (--source, --format, --batch-lines)' },
  postcodes: { run: runPostcodesCommand, about: 'import FILE: load postcode centroids for directory distances from a CSV (the ONS Postcode Directory, say)' },
  audit: { run: runAuditCommand, about: 'verify: check the hash chain of the audit log; exits non-zero if it is broken (--expect)' },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.about}`);
  return ['Usage: npm run kith -- <command> [options]', '', 'Commands:', ...lines].join('\n');
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(name ? `Unknown command: ${name}\n\n${usage()}` : usage());
  process.exit(2);
}
command.run(args).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
