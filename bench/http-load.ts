/** HTTP load with autocannon, keeping every response time so p95 is exact, not interpolated. */
import type { IncomingHttpHeaders } from 'node:http';
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  errors: number;
  non2xx: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  /** Every response time, sorted. */
  client: number[];
  /** Every Server-Timing `dur`, sorted, when asked for (serverTiming); otherwise empty. */
  server: number[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function load(options: {
  baseUrl: string;
  cookie: string;
  paths: string[];
  connections: number;
  seconds: number;
  /** Keep the server's own time on each answer, from its Server-Timing header. */
  serverTiming?: boolean;
}): Promise<LoadResult> {
  let next = 0;
  const times: number[] = [];
  const server: number[] = [];
  const onResponse = (_status: number, _body: string, _context: object, headers?: IncomingHttpHeaders) => {
    const dur = /dur=([\d.]+)/.exec(String(headers?.['server-timing'] ?? ''))?.[1];
    if (dur !== undefined) server.push(Number(dur));
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.seconds,
        headers: { cookie: options.cookie },
        requests: [{ setupRequest: (req) => ({ ...req, path: options.paths[next++ % options.paths.length]! }), ...(options.serverTiming ? { onResponse } : {}) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  server.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    throughput: result.requests.average,
    client: times,
    server,
  };
}
