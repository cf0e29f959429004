import type pg from 'pg';
import { RoundClock } from '../../src/modules/rounds/round-clock.js';
import { equalSharesOutcome } from '../../src/modules/voting/budget-rules.js';
import { parseCurrencyToCentavos } from '../../src/modules/voting/decimal-amount.js';
import { parsePabulib } from '../../src/modules/voting/pabulib.js';
import { ManualClock } from '../support/manual-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import {
  BALLOT,
  CAST,
  createVoters,
  createVotingChallenge,
  outcomes,
  TALLY,
  type Voter,
} from '../support/voting-fixtures.js';

const RESULTS = `query($id: ID) { challenge(id: $id) {
  status
  results {
    method totalVoters totalVotes budgetUsed publishedAt
    entries { rank votes voteScore juryScore finalScore isWinner allocated evaluationCount criterionAverages { average } jurorScores { total }
              proposal { id rank isWinner } }
    winners { id }
  }
  ranked: proposals(orderBy: RANK, first: 10) { nodes { id } }
  mostVoted: proposals(orderBy: MOST_VOTED, first: 10, filter: { statuses: [SUBMITTED] }) { nodes { id } }
  winnersOnly: proposals(filter: { winnersOnly: true }) { nodes { id } }
} }`;

/** Challenges run to the end by the round clock (a manual clock and the sweep), then their published outcome. */
describe('voting results', () => {
  let api: TestApp;
  let sql: pg.Client;
  const clock = new ManualClock();
  const MIN = 60_000;

  beforeAll(async () => {
    api = await startTestApp({ clock });
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const fetchText = async (path: string) => {
    const response = await fetch(`${api.url}${path}`);
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  };
  const sweep = () => api.app.get(RoundClock).sweep();
  const vote = async (voter: Voter, ids: string[]) => {
    for (const id of ids) {
      const response = await api.gql(CAST, { id }, voter.token);
      if (response.errors) throw new Error(JSON.stringify(response.errors));
    }
  };

  it('runs a two-round voting challenge: advances the top 2, eliminates the rest, publishes ranking and winner once', async () => {
    const base = Date.now();
    clock.set(base);
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2, winnerCount: 1 },
      proposals: 4,
      clockCaughtUp: false,
      rounds: [
        { kind: 'SUBMISSION', opensAt: new Date(base - 60 * MIN), closesAt: new Date(base + MIN) },
        { kind: 'VOTING', opensAt: new Date(base + MIN), closesAt: new Date(base + 2 * MIN), advanceCount: 2 },
        { kind: 'VOTING', opensAt: new Date(base + 2 * MIN), closesAt: new Date(base + 3 * MIN) },
      ],
    });
    const [p1, p2, p3, p4] = challenge.proposalIds;
    const voters = await createVoters(sql, api.config, 5);
    await sweep(); // opens the submission round

    clock.set(base + MIN);
    await sweep(); // submission closes (proposals move to round 2), first vote opens
    await vote(voters[0], [p3, p2]);
    await vote(voters[1], [p3, p2]);
    await vote(voters[2], [p3, p2]);
    await vote(voters[3], [p3, p1]);

    clock.set(base + 2 * MIN);
    await sweep(); // first vote closes: P3 (4) and P2 (3) advance, P1 (1) and P4 (0) are out
    const { rows } = await sql.query('SELECT id, stage, eliminated_in_round FROM proposals WHERE challenge_id = $1', [
      challenge.challengeId,
    ]);
    const byId = Object.fromEntries(rows.map((r) => [r.id, [r.stage, r.eliminated_in_round]]));
    expect(byId).toEqual({ [p1]: [2, 2], [p2]: [3, null], [p3]: [3, null], [p4]: [2, 2] });
    const tally = await api.gql(TALLY, { id: challenge.challengeId });
    expect(
      tally.data.challenge.rounds[1].tally.map((t: { proposal: { id: string }; votes: number; rank: number }) => [
        t.proposal.id,
        t.votes,
        t.rank,
      ]),
    ).toEqual([
      [p3, 4, 1],
      [p2, 3, 2],
      [p1, 1, 3],
      [p4, 0, 4],
    ]);
    const { rows: frozen } = await sql.query(
      'SELECT proposal_id, advanced FROM round_tallies WHERE round_id = $1 ORDER BY rank',
      [challenge.rounds[1].id],
    );
    expect(frozen.map((r) => r.advanced)).toEqual([true, true, false, false]);
    const refused = await api.gql(CAST, { id: p1 }, voters[4].token);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROPOSAL_NOT_IN_RUNNING' });

    // Final round: P2 now beats P3.
    await vote(voters[0], [p2]);
    await vote(voters[1], [p2]);
    await vote(voters[2], [p2, p3]);
    await vote(voters[4], [p3]);
    expect((await api.gql(RESULTS, { id: challenge.challengeId })).data.challenge.results).toBeNull();

    clock.set(base + 3 * MIN);
    await sweep();
    const { data, errors } = await api.gql(RESULTS, { id: challenge.challengeId });
    expect(errors).toBeUndefined();
    const { results } = data.challenge;
    expect(data.challenge.status).toBe('FINISHED');
    expect(results).toMatchObject({ totalVoters: 4, totalVotes: 5, budgetUsed: null, winners: [{ id: p2 }] });
    expect(results.method).toMatch(/^Votación múltiple: cada persona pudo apoyar hasta 2 propuestas distintas/);
    expect(results.entries).toEqual([
      {
        rank: 1,
        votes: 3,
        voteScore: 100,
        juryScore: null,
        finalScore: 100,
        isWinner: true,
        allocated: null,
        evaluationCount: 0,
        criterionAverages: [],
        jurorScores: [],
        proposal: { id: p2, rank: 1, isWinner: true },
      },
      {
        rank: 2,
        votes: 2,
        voteScore: 200 / 3,
        juryScore: null,
        finalScore: 200 / 3,
        isWinner: false,
        allocated: null,
        evaluationCount: 0,
        criterionAverages: [],
        jurorScores: [],
        proposal: { id: p3, rank: 2, isWinner: false },
      },
    ]);
    expect(data.challenge.ranked.nodes.map((n: { id: string }) => n.id).slice(0, 2)).toEqual([p2, p3]);
    expect(data.challenge.winnersOnly.nodes).toEqual([{ id: p2 }]);
    const { rows: audit } = await sql.query(
      `SELECT data FROM audit_events WHERE challenge_id = $1 AND action = 'results.published'`,
      [challenge.challengeId],
    );
    expect(audit).toEqual([{ data: { winners: [p2] } }]);

    // Stored once: a second sweep or close changes nothing.
    clock.set(base + 4 * MIN);
    await sweep();
    const { rows: stored } = await sql.query(
      'SELECT count(*)::int AS n FROM challenge_results WHERE challenge_id = $1',
      [challenge.challengeId],
    );
    expect(stored[0].n).toBe(1);
  });

  it('orders MOST_VOTED by stored votes while the round runs', async () => {
    const base = Date.now();
    clock.set(base);
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 },
      proposals: 3,
    });
    const [p1, p2, p3] = challenge.proposalIds;
    const voters = await createVoters(sql, api.config, 2);
    await vote(voters[0], [p2, p3]);
    await vote(voters[1], [p2]);
    const { data } = await api.gql(
      `query($id: ID) { challenge(id: $id) { proposals(orderBy: MOST_VOTED) { nodes { id voteCount } } } }`,
      { id: challenge.challengeId },
    );
    expect(data.challenge.proposals.nodes).toEqual([
      { id: p2, voteCount: 2 },
      { id: p3, voteCount: 1 },
      { id: p1, voteCount: 0 },
    ]);
  });

  it('publishes an EQUAL_SHARES budget: funded set, allocations, budgetUsed; ballots.pb parses back to the same outcome', async () => {
    const base = Date.now();
    clock.set(base);
    const costs = ['600.00', '400.00', '300.00', '500.00', '250.50'];
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'BUDGET', budgetRule: 'EQUAL_SHARES', voterBudget: '1000.00', winnerCount: 1 },
      budget: '1000.00',
      costs,
      rounds: [
        { kind: 'SUBMISSION', opensAt: new Date(base - 60 * MIN), closesAt: new Date(base - 30 * MIN) },
        { kind: 'VOTING', opensAt: new Date(base - 30 * MIN), closesAt: new Date(base + MIN) },
      ],
    });
    const [a, b, c, d, e] = challenge.proposalIds;
    const plan: string[][] = [[a, b], [a, b], [a, b], [a, b], [a, b], [c, d], [c, d], [c, d], [c], [c, e], [e], []];
    const voters = await createVoters(sql, api.config, plan.length);
    const responses = await Promise.all(
      plan.map((ids, i) => api.gql(BALLOT, { c: challenge.challengeId, ids }, voters[i].token)),
    );
    expect(outcomes(responses)).toEqual({ ok: plan.length });
    expect((await fetchText(`/open-data/challenges/${challenge.challengeId}/ballots.pb`)).status).toBe(404);

    clock.set(base + MIN);
    await sweep();
    const { data } = await api.gql(RESULTS, { id: challenge.challengeId });
    const { results } = data.challenge;

    // The same rule run here on the same ballots, with the stored submission times for ties.
    const { rows: projects } = await sql.query(
      'SELECT id, estimated_cost::text AS cost, submitted_at FROM proposals WHERE challenge_id = $1',
      [challenge.challengeId],
    );
    const expected = equalSharesOutcome(
      projects.map((p) => ({ id: p.id, cost: parseCurrencyToCentavos(p.cost), submittedAt: p.submitted_at.getTime() })),
      plan,
      100_000n,
    );
    expect(results.winners.map((w: { id: string }) => w.id)).toEqual(expected.funded);
    expect(results.entries.map((en: { proposal: { id: string } }) => en.proposal.id)).toEqual(expected.ranking);
    expect(results.budgetUsed).toBe((Number(expected.totalCost) / 100).toFixed(2));
    expect(results).toMatchObject({ totalVoters: 12, totalVotes: 20 });
    expect(results.method).toContain('Método de Partes Iguales');
    for (const entry of results.entries) {
      expect(entry.allocated).toBe(entry.isWinner ? costs[challenge.proposalIds.indexOf(entry.proposal.id)] : '0.00');
      expect(entry.proposal.isWinner).toBe(entry.isWinner);
    }
    expect(expected.funded.length).toBeGreaterThan(0);

    const first = await fetchText(`/open-data/challenges/${challenge.challengeId}/ballots.pb`);
    expect(first.status).toBe(200);
    expect(first.contentType).toMatch(/^text\/plain/);
    const parsed = parsePabulib(first.body);
    expect(Object.fromEntries(parsed.meta)).toMatchObject({
      country: 'Mexico',
      budget: '1000',
      vote_type: 'approval',
      rule: 'equalshares/add1',
      num_projects: '5',
      num_votes: '12',
    });
    expect(parsed.votes).toHaveLength(12);
    for (const voter of voters) expect(first.body).not.toContain(voter.id);
    const recomputed = equalSharesOutcome(
      parsed.projects.map((p) => ({ id: p.id, cost: p.cost, submittedAt: 0 })),
      parsed.votes.map((v) => v.approved),
      parseCurrencyToCentavos(parsed.meta.get('budget')!),
    );
    expect(recomputed.funded).toEqual(expected.funded);
    expect(recomputed.totalCost).toBe(expected.totalCost);
    const again = parsePabulib((await fetchText(`/open-data/challenges/${challenge.challengeId}/ballots.pb`)).body);
    const pseudonyms = new Set(parsed.votes.map((v) => v.voterId));
    expect(again.votes.some((v) => pseudonyms.has(v.voterId))).toBe(false);

    expect((await fetchText(`/open-data/challenges/not-a-uuid/ballots.pb`)).status).toBe(404);
  });
});
