// npm run bench:open-data — the open-data exports on a large challenge: 20 000 proposals in an open VOTING round
// with public live tallies and 200 000 votes (20 000 voters × 10), seeded with SQL generate_series. For each file:
// time to first byte, total time, size, rows, and the process's peak RSS while streaming (sampled every 10 ms),
// next to its RSS before the download. Needs PostgreSQL and Redis as for the tests; uses a throwaway database.
// BENCH_PROPOSALS / BENCH_VOTERS change the size (10 votes per voter).
import { performance } from 'node:perf_hooks';
import { createVotingChallenge } from '../test/support/voting-fixtures.js';
import { startBenchApi } from './support/bench-api.js';

const PROPOSALS = Number(process.env.BENCH_PROPOSALS ?? 20_000);
const VOTERS = Number(process.env.BENCH_VOTERS ?? 20_000);
const VOTES_PER_VOTER = 10;
const MB = 1024 * 1024;

const bench = await startBenchApi();
const { url, sql } = bench;
global.gc?.();
const startupRss = process.memoryUsage().rss;

/** Downloads one file, reading the body as it arrives; RSS sampled while it streams. */
async function download(path: string) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const start = performance.now();
  const response = await fetch(`${url}${path}`);
  let firstByte = 0;
  let bytes = 0;
  let newlines = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!firstByte) firstByte = performance.now() - start;
    bytes += value.byteLength;
    for (const b of value) if (b === 10) newlines++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  clearInterval(sampler);
  return { path, status: response.status, firstByte, total: performance.now() - start, bytes, newlines, before, peak };
}

try {
  const seedStart = performance.now();
  const challenge = await createVotingChallenge(sql, {
    settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: VOTES_PER_VOTER, showLiveTally: true },
    proposals: PROPOSALS,
  });
  const round = challenge.rounds[1].id;
  await sql.query(
    `INSERT INTO users (email, password_hash, display_name, email_verified_at)
     SELECT 'bench-' || i || '@ejemplo.mx', 'x', 'Votante ' || i, now() FROM generate_series(1, $1) i`,
    [VOTERS],
  );
  await sql.query(
    `INSERT INTO vote_quotas (round_id, voter_id, allowed) SELECT $1, id, $2 FROM users WHERE email LIKE 'bench-%'`,
    [round, VOTES_PER_VOTER],
  );
  await sql.query(
    `WITH v AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE email LIKE 'bench-%'),
          p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS m FROM proposals WHERE challenge_id = $2)
     INSERT INTO votes (round_id, proposal_id, voter_id)
     SELECT $1, p.id, v.id FROM v CROSS JOIN generate_series(0, $3 - 1) k JOIN p ON p.m = (v.n * 7 + k * 1999) % $4`,
    [round, challenge.challengeId, VOTES_PER_VOTER, PROPOSALS],
  );
  await sql.query('ANALYZE');
  const {
    rows: [{ n }],
  } = await sql.query(`SELECT count(*)::int AS n FROM votes WHERE round_id = $1`, [round]);
  process.stdout.write(`API process RSS after start ${(startupRss / MB).toFixed(0)} MB\n`);
  process.stdout.write(
    `seeded ${PROPOSALS} proposals, ${n} votes in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`,
  );

  await download('/open-data/challenges.csv'); // warm-up
  const lines: string[] = [];
  for (const path of [
    '/open-data/tallies.csv',
    '/open-data/tallies.json',
    '/open-data/proposals.csv',
    '/open-data/proposals.json',
    `/open-data/challenges/${challenge.challengeId}/tallies.csv`,
  ]) {
    const r = await download(path);
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    lines.push(
      `${path.padEnd(72)} first byte ${r.firstByte.toFixed(0).padStart(5)} ms  total ${r.total.toFixed(0).padStart(6)} ms  ` +
        `${(r.bytes / MB).toFixed(1).padStart(5)} MB  ${String(r.newlines).padStart(6)} lines  RSS ${(r.before / MB).toFixed(0)} → peak ${(r.peak / MB).toFixed(0)} MB`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  await bench.close();
}
