import type pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import {
  BALLOT,
  CAST,
  createVoters,
  createVotingChallenge,
  MY_BALLOT,
  outcomes,
  RETRACT,
  TALLY,
} from '../support/voting-fixtures.js';

/**
 * RULES §5 "limits hold under any concurrency": parallel requests through the GraphQL endpoint, then the
 * stored rows checked with fresh SQL. Concurrency stays within what the pool (20) serves without timeouts.
 */
describe('voting under concurrency', () => {
  let api: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    api = await startTestApp();
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const storedVotes = async (roundId: string, voterId?: string) =>
    (
      await sql.query(
        'SELECT count(*)::int AS n FROM votes WHERE round_id = $1 AND ($2::uuid IS NULL OR voter_id = $2)',
        [roundId, voterId ?? null],
      )
    ).rows[0].n as number;

  it('stores exactly maxVotesPerVoter of 200 parallel votes of one voter for 200 different proposals', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 },
      proposals: 200,
    });
    const [voter] = await createVoters(sql, api.config, 1);
    const responses = await Promise.all(challenge.proposalIds.map((id) => api.gql(CAST, { id }, voter.token)));

    expect(outcomes(responses)).toEqual({ ok: 3, VOTE_LIMIT_REACHED: 197 });
    const roundId = challenge.rounds[1].id;
    expect(await storedVotes(roundId, voter.id)).toBe(3);
    const {
      rows: [quota],
    } = await sql.query('SELECT used, allowed FROM vote_quotas WHERE round_id = $1 AND voter_id = $2', [
      roundId,
      voter.id,
    ]);
    expect(quota).toEqual({ used: 3, allowed: 3 });
    const refused = responses.find((r) => r.errors)!.errors![0];
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VOTE_LIMIT_REACHED' });
  });

  it('stores exactly one of 200 parallel identical votes, and of a mix the limit still holds', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 },
      proposals: 5,
    });
    const [voter, other] = await createVoters(sql, api.config, 2);
    const same = await Promise.all(
      Array.from({ length: 200 }, () => api.gql(CAST, { id: challenge.proposalIds[0] }, voter.token)),
    );
    expect(outcomes(same)).toEqual({ ok: 1, ALREADY_VOTED: 199 });
    expect(await storedVotes(challenge.rounds[1].id, voter.id)).toBe(1);

    const mixed = await Promise.all(
      Array.from({ length: 200 }, (_, i) => api.gql(CAST, { id: challenge.proposalIds[i % 5] }, other.token)),
    );
    expect(outcomes(mixed).ok).toBe(3);
    const { rows } = await sql.query(
      'SELECT proposal_id, count(*)::int AS n FROM votes WHERE voter_id = $1 GROUP BY 1',
      [other.id],
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('keeps a SINGLE round to one vote per voter under 100 parallel votes for different proposals', async () => {
    const challenge = await createVotingChallenge(sql, { settings: { votingMethod: 'SINGLE' }, proposals: 100 });
    const [voter] = await createVoters(sql, api.config, 1);
    const responses = await Promise.all(challenge.proposalIds.map((id) => api.gql(CAST, { id }, voter.token)));
    expect(outcomes(responses)).toEqual({ ok: 1, ALREADY_VOTED: 99 });
    expect(await storedVotes(challenge.rounds[1].id, voter.id)).toBe(1);
  });

  it('keeps every public count equal to the stored votes after 50 voters toggle votes in parallel', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2 },
      proposals: 4,
    });
    const voters = await createVoters(sql, api.config, 50);
    const roundId = challenge.rounds[1].id;
    // Each voter fires 10 requests at once: votes and retractions on two proposals, interleaved.
    const requests = voters.flatMap((voter, v) =>
      Array.from({ length: 10 }, (_, i) => {
        const id = challenge.proposalIds[(v + i) % 4];
        return () => api.gql(i % 3 === 2 ? RETRACT : CAST, { id }, voter.token);
      }),
    );
    const responses = await Promise.all(requests.map((send) => send()));
    expect(
      responses.every(
        (r) => !r.errors || ['ALREADY_VOTED', 'VOTE_LIMIT_REACHED'].includes(r.errors[0].extensions?.reason),
      ),
    ).toBe(true);

    const { data } = await api.gql(TALLY, { id: challenge.challengeId });
    const tally = data.challenge.rounds[1].tally as {
      votes: number;
      share: number;
      proposal: { id: string; voteCount: number };
    }[];
    const { rows } = await sql.query(
      `SELECT p.id, (SELECT count(*)::int FROM votes v WHERE v.round_id = $1 AND v.proposal_id = p.id) AS n FROM proposals p WHERE p.challenge_id = $2`,
      [roundId, challenge.challengeId],
    );
    const fresh = Object.fromEntries(rows.map((r) => [r.id, r.n]));
    expect(tally).toHaveLength(4);
    for (const entry of tally) {
      expect(entry.votes).toBe(fresh[entry.proposal.id]);
      expect(entry.proposal.voteCount).toBe(fresh[entry.proposal.id]);
    }
    // The per-voter counters the limit relies on equal the stored votes too, and none exceeds the allowance.
    const { rows: drift } = await sql.query(
      `SELECT q.voter_id FROM vote_quotas q WHERE q.round_id = $1
         AND q.used <> (SELECT count(*) FROM votes v WHERE v.round_id = q.round_id AND v.voter_id = q.voter_id)`,
      [roundId],
    );
    expect(drift).toEqual([]);
    const {
      rows: [max],
    } = await sql.query('SELECT max(used)::int AS m FROM vote_quotas WHERE round_id = $1', [roundId]);
    expect(max.m).toBeLessThanOrEqual(2);
  });

  it('keeps exactly one whole ballot within budget when one voter submits 40 different ballots in parallel', async () => {
    const costs = ['100.00', '250.50', '300.00', '400.00', '99.99', '500.00'];
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'BUDGET', budgetRule: 'GREEDY', voterBudget: '700.00' },
      budget: '1000.00',
      costs,
    });
    const [voter] = await createVoters(sql, api.config, 1);
    const ids = challenge.proposalIds;
    // Every ballot fits 700.00 alone; the union of all of them would not.
    const ballots = Array.from({ length: 40 }, (_, i) =>
      [ids[i % 6], ids[(i + 1) % 6]].filter((id, j, all) => all.indexOf(id) === j),
    );
    const responses = await Promise.all(
      ballots.map((b) => api.gql(BALLOT, { c: challenge.challengeId, ids: b }, voter.token)),
    );
    expect(outcomes(responses)).toEqual({ ok: 40 });

    const roundId = challenge.rounds[1].id;
    const { rows: stored } = await sql.query(
      'SELECT total_cost FROM budget_ballots WHERE round_id = $1 AND voter_id = $2',
      [roundId, voter.id],
    );
    expect(stored).toHaveLength(1);
    const { rows: items } = await sql.query(
      `SELECT i.proposal_id, p.estimated_cost FROM budget_ballot_items i JOIN proposals p ON p.id = i.proposal_id WHERE i.round_id = $1 AND i.voter_id = $2`,
      [roundId, voter.id],
    );
    const itemIds = items.map((i) => i.proposal_id).sort();
    expect(ballots.some((b) => [...b].sort().join() === itemIds.join())).toBe(true);
    const total = items.reduce((sum, i) => sum + Math.round(Number(i.estimated_cost) * 100), 0);
    expect(Math.round(Number(stored[0].total_cost) * 100)).toBe(total);
    expect(total).toBeLessThanOrEqual(70_000);

    const mine = await api.gql(MY_BALLOT, { c: challenge.challengeId }, voter.token);
    expect(mine.data.myBudgetBallot.proposals.map((p: { id: string }) => p.id).sort()).toEqual(itemIds);
  });
});
