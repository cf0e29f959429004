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

/** What one server did over one or more runs of operations. */
interface Tally {
  latencies: number[];
  wallMs: number;
  cpuSeconds: number;
  databaseSeconds: number;
  /** NaN when the server does not count them (the baseline app). */
  sqlStatements: number;
  ops: number;
}

const emptyTally = (): Tally => ({
  latencies: [],
  wallMs: 0,
  cpuSeconds: 0,
  databaseSeconds: 0,
  sqlStatements: 0,
  ops: 0,
});

/** Runs `ops` with CONCURRENCY clients pulling the next one from a shared list, adding what it took to `tally`. */
async function run(server: BenchProcess, ops: Operation[], tally: Tally): Promise<void> {
  let next = 0;
  const statementsBefore = await server.sqlStatements();
  const cpuBefore = server.cpuSeconds();
  const databaseBefore = databaseCpuSeconds();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ops.length) {
        const op = ops[next++];
        const t = performance.now();
        await op();
        tally.latencies.push(performance.now() - t);
      }
    }),
  );
  tally.wallMs += performance.now() - start;
  tally.cpuSeconds += server.cpuSeconds() - cpuBefore;
  tally.databaseSeconds += databaseCpuSeconds() - databaseBefore;
  tally.sqlStatements += (await server.sqlStatements()) - statementsBefore;
  tally.ops += ops.length;
}

function summary(label: string, tally: Tally): Measured {
  const sorted = tally.latencies.sort((a, b) => a - b);
  const perSecond = (tally.ops / tally.wallMs) * 1000;
  const perOp = (seconds: number) => ((seconds * 1000) / tally.ops).toFixed(2);
  return {
    perSecond,
    line:
      `${label.padEnd(40)} n=${tally.ops}  ${perSecond.toFixed(0).padStart(5)}/s  p50=${percentile(sorted, 50).toFixed(1)} ms  ` +
      `p99=${percentile(sorted, 99).toFixed(1)} ms  server CPU ${perOp(tally.cpuSeconds)} ms/op  ` +
      `PostgreSQL CPU ${perOp(tally.databaseSeconds)} ms/op` +
      (Number.isNaN(tally.sqlStatements) ? '' : `  SQL ${(tally.sqlStatements / tally.ops).toFixed(2)} statements/op`),
  };
}

/** Rate, latency and server CPU per op of `ops`, run with CONCURRENCY clients. */
export async function measure(label: string, server: BenchProcess, ops: Operation[]): Promise<Measured> {
  const tally = emptyTally();
  await run(server, ops, tally);
  return summary(label, tally);
}

interface Side {
  label: string;
  server: BenchProcess;
  ops: Operation[];
}

/**
 * Measures the ceiling and the operation in alternating slices (ceiling, operation, ceiling, …), each side's figures
 * summed over its slices: this machine's speed drifts by a fifth within a minute (other work on the host), and a
 * ceiling measured only before the operation put that drift into the ratio. Each side's operations run in order.
 */
export async function measureAlternating(ceiling: Side, subject: Side, slices = 5): Promise<[Measured, Measured]> {
  const tallies = [emptyTally(), emptyTally()];
  const slice = (ops: Operation[], i: number) =>
    ops.slice(Math.floor((i * ops.length) / slices), Math.floor(((i + 1) * ops.length) / slices));
  for (let i = 0; i < slices; i++) {
    await run(ceiling.server, slice(ceiling.ops, i), tallies[0]);
    await run(subject.server, slice(subject.ops, i), tallies[1]);
  }
  return [summary(ceiling.label, tallies[0]), summary(subject.label, tallies[1])];
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
