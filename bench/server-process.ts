/** Kith's compiled server in its own process, so its memory is its own. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export function buildServer(): void {
  const result = spawnSync('npx', ['tsc', '-b', 'packages/server'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the server did not build');
}

export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn('node', ['packages/server/dist/main.js'], {
    cwd: root,
    // The load comes from one address: the per-address rate limit would cut it off.
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', KITH_DEMO: '0', KITH_RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://localhost:${port}/api/docs/json`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('the server did not start');
}

/** Resident set size in MB, from /proc (Linux). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return Math.round(kb / 1024);
}

/** CPU time a process has used, user and system, in ms (Linux: /proc, at 100 clock ticks a second). */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The fields after the command name, which is in brackets and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
}

/** CPU time used so far by every PostgreSQL process on this machine (its backends, writers and autovacuum), in ms; 0 when the server runs elsewhere. */
export async function postgresCpuMs(): Promise<number> {
  let total = 0;
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === 'postgres') total += await cpuMs(Number(pid));
  }
  return total;
}

export async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
