/**
 * `kith audit verify`: checks the audit log's hash chain in the configured database
 * (DATABASE_URL, or the embedded PGlite in KITH_DATA_DIR) and exits non-zero if it is broken.
 *
 *   kith audit verify
 *   kith audit verify --expect 1000000:93302faf...   (a last link printed by an earlier run)
 *
 * It seals any events still waiting first, as a running server's sealer would.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.js';
import { sealAuditEvents } from '../platform/audit/seal.js';
import { lastPosition, verifyAuditChain, type AuditChainVerdict, type AuditLink, type BrokenLink } from '../platform/audit/verify.js';
import { openDatabase, type Db } from '../platform/db/client.js';

const USAGE = `Usage: kith audit verify [--expect POSITION:HASH]

  verify     seal events still waiting, then recompute every hash of the audit log, in chain
             order, and report the first broken link
  --expect   a last link printed by an earlier run: that event must still be there, unchanged`;

/** Logs this long or longer are worth a progress bar. */
const PROGRESS_BAR_FROM = 200_000;

/** The options of `audit verify`, or a message saying what is wrong with them. */
export function parseAuditArguments(args: string[]): { expect?: AuditLink } | string {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'verify') return subcommand ? `Unknown audit command: ${subcommand}` : 'Say what to do: kith audit verify';
  let values: { expect?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { expect: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (values.expect === undefined) return {};
  const match = /^(\d+):([0-9a-f]{64})$/i.exec(values.expect);
  if (!match) return `--expect must be POSITION:HASH, a number and 64 hex digits, not "${values.expect}"`;
  return { expect: { position: Number(match[1]), hash: match[2]!.toLowerCase() } };
}

/** The command's entry point; returns the process exit code. */
export async function runAuditCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseAuditArguments(args);
  if (typeof options === 'string') {
    console.error(`${options}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const where = config.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server';
    console.log(`Verifying the audit log in the ${where}…`);
    const sealed = await sealAuditEvents(database.db);
    if (sealed > 0) console.log(`Sealed ${sealed.toLocaleString('en-GB')} events that were waiting.`);
    const started = performance.now();
    const verdict = await verifyWithProgress(database.db, options.expect);
    console.log(verdictText(verdict, (performance.now() - started) / 1000));
    return verdict.ok ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await database.close();
  }
}

async function verifyWithProgress(db: Db, expect: AuditLink | undefined): Promise<AuditChainVerdict> {
  const end = await lastPosition(db);
  if (end < PROGRESS_BAR_FROM || !process.stdout.isTTY) return verifyAuditChain(db, { expect });
  const bar = new cliProgress.SingleBar(
    { format: '  {bar} {percentage}% | event {value} of {total} | {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(end, 0);
  try {
    return await verifyAuditChain(db, { expect, onProgress: (p) => bar.update(p.position) });
  } finally {
    bar.stop();
  }
}

export function verdictText(verdict: AuditChainVerdict, seconds: number): string {
  const n = (value: number) => value.toLocaleString('en-GB');
  if (!verdict.ok) return brokenText(verdict);
  const rate = seconds > 0 ? ` (${n(Math.round(verdict.events / seconds))} a second)` : '';
  if (!verdict.last) return 'The audit log is empty: nothing to verify.';
  return [
    `Audit log intact: ${n(verdict.events)} events checked in ${seconds.toFixed(1)} s${rate}.`,
    `Last link: ${verdict.last.position}:${verdict.last.hash}`,
    'Keep the last link somewhere outside the database. Passing it back later with --expect shows that',
    'no event up to it has been removed or rewritten since, which the chain alone cannot show.',
  ].join('\n');
}

function brokenText(broken: BrokenLink): string {
  const what = {
    hash: 'its recorded details were changed after it was written',
    prev_hash: 'it does not follow the event before it: events between them were removed, or the one before was rewritten',
    expected_link: 'the link given with --expect is no longer in the log as it was',
  }[broken.problem];
  const before =
    broken.after === null ? 'It is the first event in the log.' : `The ${broken.eventsChecked.toLocaleString('en-GB')} events up to position ${broken.after} are intact.`;
  const event = broken.sequence === null ? '' : ` (event ${broken.sequence})`;
  return [
    `Audit log BROKEN at position ${broken.position}${event}: ${what}.`,
    `  expected ${broken.expected}`,
    `  found    ${broken.found}`,
    before,
  ].join('\n');
}
