/** The machine a figure was measured on, and writing one section of docs/benchmarks.md. */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';

export interface Section {
  /** Heading; a later run replaces the section of the same heading. */
  title: string;
  lines: string[];
}

const file = new URL('../docs/benchmarks.md', import.meta.url);

export async function machine(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  await client.end();
  const cpu = cpus();
  return [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu.length} cores (${cpu[0]?.model.trim()}),`,
    `${Math.round(totalmem() / 2 ** 30)} GiB memory, Node.js ${process.version}, PostgreSQL ${rows[0]?.server_version}.`,
  ].join(' ');
}

export async function writeSection(section: Section, machineLine: string): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n\nWritten by `npm run bench`; each section is replaced by the next run of its benchmark.\n');
  const body = `## ${section.title}\n\n${machineLine}\n\n${section.lines.join('\n')}\n`;
  const pattern = new RegExp(`## ${escape(section.title)}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = pattern.test(current) ? current.replace(pattern, `${body.trimEnd()}\n`) : `${current.trimEnd()}\n\n${body}`;
  await writeFile(file, `${next.trimEnd()}\n`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
