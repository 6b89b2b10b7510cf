/**
 * `kith synth`: writes a synthetic borough into the configured database (DATABASE_URL, or the
 * embedded PGlite in KITH_DATA_DIR). It refuses a database that already has people, so it can
 * never mix synthetic people into real ones.
 *
 *   kith synth --size 400000 --seed 2017 --reference-date 2025-06-30
 */
import { parseArgs } from 'node:util';
import { DEMO_SIGN_INS, isIsoDate, isoDateOf, MAX_BOROUGH_SIZE, MIN_BOROUGH_SIZE } from '@kith/core';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/client.js';
import { demoSignInText } from '../platform/demo/index.js';
import { hasPeople, synthesiseBorough, type SynthesisProgress, type SynthesisSummary } from '../platform/demo/synthesise.js';

export { synthesiseBorough, type SynthesiseOptions, type SynthesisSummary } from '../platform/demo/synthesise.js';

const USAGE = `Usage: kith synth [--size N] [--seed N] [--reference-date YYYY-MM-DD]

  --size            people in the borough, ${MIN_BOROUGH_SIZE} to ${MAX_BOROUGH_SIZE.toLocaleString('en-GB')} (default 3000)
  --seed            any whole number; the same seed, size and date give the same rows (default 2017)
  --reference-date  the day the data is as at; histories run back three years from it (default today)
  --networks        Integrated Community Networks (default 6)
  --practices       GP practices (default 40)`;

/** Runs are this big or bigger before a progress bar is worth drawing. */
const PROGRESS_BAR_FROM = 20_000;

export interface SynthArguments {
  size: number;
  seed: number;
  referenceDate: string;
  networks: number;
  practices: number;
}

const OPTIONS = {
  size: { type: 'string' },
  seed: { type: 'string' },
  'reference-date': { type: 'string' },
  networks: { type: 'string' },
  practices: { type: 'string' },
} as const;

const DEFAULTS = { size: 3000, seed: 2017, networks: 6, practices: 40 };

/** The command's options, or a message saying what is wrong with them. */
export function parseSynthArguments(args: string[], today: string): SynthArguments | string {
  let values: Partial<Record<keyof typeof OPTIONS, string>>;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const numbers = { ...DEFAULTS };
  for (const name of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const text = values[name];
    if (text === undefined) continue;
    if (!/^-?\d+$/.test(text)) return `--${name} must be a whole number, not "${text}"`;
    numbers[name] = Number(text);
  }
  if (numbers.size < MIN_BOROUGH_SIZE || numbers.size > MAX_BOROUGH_SIZE) {
    return `--size must be from ${MIN_BOROUGH_SIZE} to ${MAX_BOROUGH_SIZE.toLocaleString('en-GB')}, not ${numbers.size}`;
  }
  const referenceDate = values['reference-date'] ?? today;
  if (!isIsoDate(referenceDate)) return `--reference-date must be a date written YYYY-MM-DD, not "${referenceDate}"`;
  return { ...numbers, referenceDate };
}

/** The command's entry point; returns the process exit code. */
export async function runSynthCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseSynthArguments(args, isoDateOf(new Date()));
  if (typeof options === 'string') {
    console.error(`${options}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    if (await hasPeople(database.db)) {
      console.error('This database already has people in it. kith synth only writes into an empty database, so that synthetic people never mix with real ones.');
      return 1;
    }
    const where = config.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server';
    console.log(`Synthesising ${options.size.toLocaleString('en-GB')} people (seed ${options.seed}, as at ${options.referenceDate}) into the ${where}…`);
    const summary = await withProgressBar(options.size, (onProgress) => synthesiseBorough(database.db, options, onProgress));
    console.log(summaryText(summary));
    console.log(demoSignInText());
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await database.close();
  }
}

async function withProgressBar<T>(size: number, work: (onProgress?: (p: SynthesisProgress) => void) => Promise<T>): Promise<T> {
  if (size < PROGRESS_BAR_FROM) return work();
  const bar = new cliProgress.SingleBar(
    { format: '  {bar} {percentage}% | {value}/{total} people | {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(size, 0);
  try {
    return await work((p) => bar.update(p.people));
  } finally {
    bar.stop();
  }
}

export function summaryText(summary: SynthesisSummary): string {
  const n = (value: number) => value.toLocaleString('en-GB');
  return [
    `Done in ${summary.seconds.toFixed(1)} s:`,
    `  ${n(summary.people)} people, ${n(summary.contacts)} contacts, ${n(summary.conditions)} conditions, ${n(summary.medicines)} medicines, ${n(summary.encounters)} encounters`,
    `  ${n(summary.referrals)} people referred to their network, each with a named coordinator and consent to share`,
    `  ${n(summary.staff)} staff (${DEMO_SIGN_INS.length} demo accounts), ${n(summary.organisations)} organisations, ${n(summary.practices)} practices, ${n(summary.networks)} networks, ${n(summary.teams)} teams`,
  ].join('\n');
}
