// node --import ./scripts/swc-register.mjs bench/ballots-export.ts — `ballots.pb` of a finished BUDGET challenge
// with 50 000 ballots (BENCH_BALLOTS), 2 projects each, seeded with SQL generate_series. Since issue #16 the
// ballots come in the order of their random export_key, paged by keyset on the (round_id, export_key) index. Prints the download time next to the raw baseline of one query reading every ballot in
// account-id order (the previous order), measured in the same run. Needs PostgreSQL and Redis as for the tests.
import { performance } from 'node:perf_hooks';
import { createVotingChallenge } from '../test/support/voting-fixtures.js';
import { startBenchApi } from './support/bench-api.js';

const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 50_000);

const bench = await startBenchApi();
const { url, sql } = bench;
try {
  const now = Date.now();
  const challenge = await createVotingChallenge(sql, {
    settings: { votingMethod: 'BUDGET', budgetRule: 'GREEDY', voterBudget: '1000.00', winnerCount: 1 },
    budget: '1000.00',
    costs: Array.from({ length: 8 }, () => '100.00'),
    rounds: [
      { kind: 'SUBMISSION', opensAt: new Date(now - 3 * 3600_000), closesAt: new Date(now - 2 * 3600_000) },
      { kind: 'VOTING', opensAt: new Date(now - 2 * 3600_000), closesAt: new Date(now - 3600_000) },
    ],
  });
  const round = challenge.rounds[1].id;
  await sql.query(
    `INSERT INTO users (email, password_hash, display_name) SELECT 'bench-' || i || '@ejemplo.mx', 'x', 'V' || i FROM generate_series(1, $1) i`,
    [BALLOTS],
  );
  await sql.query(
    `INSERT INTO budget_ballots (round_id, voter_id, voter_budget, total_cost, submitted_at)
     SELECT $1, id, 1000, 200, now() FROM users WHERE email LIKE 'bench-%'`,
    [round],
  );
  await sql.query(
    `INSERT INTO budget_ballot_items (round_id, voter_id, proposal_id)
     SELECT b.round_id, b.voter_id, p.id FROM budget_ballots b
     CROSS JOIN LATERAL (SELECT unnest(($2::uuid[])[1 + (hashtext(b.voter_id::text) & 3):2 + (hashtext(b.voter_id::text) & 3)]) AS id) p
     WHERE b.round_id = $1`,
    [round, challenge.proposalIds],
  );
  await sql.query(`UPDATE challenges SET status = 'FINISHED', finished_at = now() WHERE id = $1`, [
    challenge.challengeId,
  ]);
  await sql.query(
    `INSERT INTO challenge_results (challenge_id, method, total_voters, total_votes, published_at) VALUES ($1, 'x', $2, 0, now())`,
    [challenge.challengeId, BALLOTS],
  );
  await sql.query(
    `INSERT INTO result_entries (challenge_id, proposal_id, rank, final_score, is_winner)
     SELECT $1, id, row_number() OVER (ORDER BY id), 0, false FROM unnest($2::uuid[]) id`,
    [challenge.challengeId, challenge.proposalIds],
  );
  await sql.query('ANALYZE');

  const baselineStart = performance.now();
  await sql.query(
    `SELECT b.voter_id, array_agg(i.proposal_id) FROM budget_ballots b JOIN budget_ballot_items i USING (round_id, voter_id)
     WHERE b.round_id = $1 GROUP BY b.voter_id ORDER BY b.voter_id`,
    [round],
  );
  const baseline = performance.now() - baselineStart;

  const start = performance.now();
  const response = await fetch(`${url}/open-data/challenges/${challenge.challengeId}/ballots.pb`);
  const body = await response.text();
  const total = performance.now() - start;
  const rows = body.split('\n').length;
  process.stdout.write(
    `ballots.pb, ${BALLOTS} ballots: status ${response.status}, ${rows} lines, ${(body.length / 1024 / 1024).toFixed(1)} MB in ${total.toFixed(0)} ms` +
      ` (baseline: one query of every ballot in account order ${baseline.toFixed(0)} ms)\n`,
  );
} finally {
  await bench.close();
}
