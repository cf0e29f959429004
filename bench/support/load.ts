// The load generator of the out-of-process benches (bench:votes, bench:reads): the same client and concurrency for
// the API and the baseline app, so their rates can be compared.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { BenchProcess } from './bench-process.js';

export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

export type Operation = () => Promise<void>;

export interface Measured {
  perSecond: number;
  line: string;
}

/** CPU seconds used so far by every PostgreSQL process of this machine (Linux /proc; 0 elsewhere). */
function databaseCpuSeconds(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100; // Linux USER_HZ
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Runs `ops` with CONCURRENCY clients pulling the next one from a shared list; rate, latency and server CPU per op. */
export async function measure(label: string, server: BenchProcess, ops: Operation[]): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = server.cpuSeconds();
  const databaseBefore = databaseCpuSeconds();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ops.length) {
        const op = ops[next++];
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wallMs = performance.now() - start;
  const cpuMs = ((server.cpuSeconds() - cpuBefore) * 1000) / ops.length;
  const databaseMs = ((databaseCpuSeconds() - databaseBefore) * 1000) / ops.length;
  const sorted = latencies.sort((a, b) => a - b);
  const perSecond = (ops.length / wallMs) * 1000;
  return {
    perSecond,
    line:
      `${label.padEnd(40)} n=${ops.length}  ${perSecond.toFixed(0).padStart(5)}/s  p50=${percentile(sorted, 50).toFixed(1)} ms  ` +
      `p99=${percentile(sorted, 99).toFixed(1)} ms  server CPU ${cpuMs.toFixed(2)} ms/op  PostgreSQL CPU ${databaseMs.toFixed(2)} ms/op`,
  };
}

/** One GraphQL POST as a browser sends it; any error fails the bench. */
export const post =
  (url: string, query: string, variables: Record<string, unknown>, token?: string): Operation =>
  async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };

/** "x at N % of the ceiling" */
export const ratio = (label: string, measured: Measured, ceiling: Measured) =>
  `${label} at ${((measured.perSecond / ceiling.perSecond) * 100).toFixed(0)} % of the framework ceiling`;
