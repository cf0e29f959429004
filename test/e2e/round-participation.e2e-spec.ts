import type pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { statementRecorder, type StatementRecorder } from '../support/statement-recorder.js';
import { sqlClient } from '../support/test-database.js';
import {
  BALLOT,
  CAST,
  createVoters,
  createVotingChallenge,
  outcomes,
  tokenFor,
  type VotingChallenge,
} from '../support/voting-fixtures.js';

const PARTICIPATION = `query($id: ID) { challenge(id: $id) { rounds { id kind voterCount voteTotal } } }`;
const CLOSE_NOW = `mutation($roundId: ID!) { closeRoundNow(roundId: $roundId) { id status } }`;
const MIN = 60_000;

/**
 * Issue #14: how many took part in each VOTING round (`Round.voterCount`, `Round.voteTotal`), exact under parallel
 * votes, public when the tally is and for the unit's staff always (RULES §5), batched over the rounds (no N+1).
 */
describe('Round.voterCount and Round.voteTotal', () => {
  let api: TestApp;
  let sql: pg.Client;
  let statements: StatementRecorder | undefined;

  beforeAll(async () => {
    api = await startTestApp();
    sql = await sqlClient(api.env.DATABASE_URL);
    statements = statementRecorder((client) => client === sql);
  });

  afterAll(async () => {
    statements?.restore();
    await sql?.end();
    await api?.close();
  });

  const votingRound = (c: VotingChallenge) => c.rounds.find((r) => r.kind === 'VOTING')!;
  const countsFor = async (c: VotingChallenge, token?: string) => {
    const { data, errors } = await api.gql(PARTICIPATION, { id: c.challengeId }, token);
    expect(errors).toBeUndefined();
    return (
      data.challenge.rounds as { id: string; kind: string; voterCount: number | null; voteTotal: number | null }[]
    ).map(({ kind, voterCount, voteTotal }) => ({ kind, voterCount, voteTotal }));
  };
  const editorOf = async (c: VotingChallenge) => {
    const [editor] = await createVoters(sql, api.config, 1);
    await sql.query(`INSERT INTO unit_memberships (unit_id, user_id, role) VALUES ($1, $2, 'EDITOR')`, [
      c.unitId,
      editor.id,
    ]);
    return editor;
  };

  it('counts each voter once after parallel votes, shows the unit staff only while the tally is hidden, everyone after the close', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3, showLiveTally: false },
      proposals: 3,
    });
    const [p1, p2, p3] = challenge.proposalIds;
    const [ana, beto, carla, dario] = await createVoters(sql, api.config, 4);
    // Every vote at once, repeats included: Ana 3, Beto 2 (one repeated), Carla 1, Darío none.
    const plan: [typeof ana, string][] = [
      [ana, p1],
      [ana, p2],
      [ana, p3],
      [beto, p1],
      [beto, p1],
      [beto, p3],
      [carla, p2],
    ];
    const responses = await Promise.all(plan.map(([voter, id]) => api.gql(CAST, { id }, voter.token)));
    expect(outcomes(responses)).toEqual({ ok: 6, ALREADY_VOTED: 1 });

    const admin = await tokenFor(api.config, challenge.adminId);
    const editor = await editorOf(challenge);
    const shown = [
      { kind: 'SUBMISSION', voterCount: null, voteTotal: null },
      { kind: 'VOTING', voterCount: 3, voteTotal: 6 },
    ];
    const hidden = [
      { kind: 'SUBMISSION', voterCount: null, voteTotal: null },
      { kind: 'VOTING', voterCount: null, voteTotal: null },
    ];
    expect(await countsFor(challenge, admin)).toEqual(shown);
    expect(await countsFor(challenge, editor.token)).toEqual(shown);
    expect(await countsFor(challenge)).toEqual(hidden);
    expect(await countsFor(challenge, ana.token)).toEqual(hidden);
    expect(await countsFor(challenge, dario.token)).toEqual(hidden);
    const { rows } = await sql.query(
      `SELECT count(DISTINCT voter_id)::int AS voters, count(*)::int AS votes FROM votes WHERE round_id = $1`,
      [votingRound(challenge).id],
    );
    expect(rows[0]).toEqual({ voters: 3, votes: 6 });

    const closed = await api.gql(CLOSE_NOW, { roundId: votingRound(challenge).id }, admin);
    expect(closed.errors).toBeUndefined();
    expect(await countsFor(challenge)).toEqual(shown);
  });

  it('counts BUDGET ballots, the empty one included, and the approvals of the ballot that stands', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'BUDGET', budgetRule: 'GREEDY', showLiveTally: true },
      budget: '1000.00',
      costs: ['300.00', '300.00', '300.00'],
    });
    const [p1, p2, p3] = challenge.proposalIds;
    const [ana, beto, carla] = await createVoters(sql, api.config, 3);
    const c = challenge.challengeId;
    // Ana replaces her ballot in parallel (two of the same length), Beto approves one, Carla takes part with none.
    const responses = await Promise.all([
      api.gql(BALLOT, { c, ids: [p1, p2] }, ana.token),
      api.gql(BALLOT, { c, ids: [p2, p3] }, ana.token),
      api.gql(BALLOT, { c, ids: [p3] }, beto.token),
      api.gql(BALLOT, { c, ids: [] }, carla.token),
    ]);
    expect(outcomes(responses)).toEqual({ ok: 4 });
    const expected = [
      { kind: 'SUBMISSION', voterCount: null, voteTotal: null },
      { kind: 'VOTING', voterCount: 3, voteTotal: 3 },
    ];
    expect(await countsFor(challenge)).toEqual(expected); // live tally on: public
    expect(await countsFor(challenge, carla.token)).toEqual(expected);
  });

  it('sends the same number of SQL statements for a challenge with 2 or 6 voting rounds', async () => {
    const base = Date.now();
    const withVotingRounds = (n: number) =>
      createVotingChallenge(sql, {
        settings: { votingMethod: 'SINGLE', showLiveTally: false },
        proposals: 2,
        rounds: [
          { kind: 'SUBMISSION', opensAt: new Date(base - 60 * MIN), closesAt: new Date(base - 30 * MIN) },
          // The first voting round open now, the others one after another.
          ...Array.from({ length: n }, (_, i) => ({
            kind: 'VOTING' as const,
            opensAt: new Date(base + (i === 0 ? -30 : i * 30) * MIN),
            closesAt: new Date(base + (i + 1) * 30 * MIN),
          })),
        ],
      });
    const statementsFor = async (challenge: VotingChallenge) => {
      const [voter] = await createVoters(sql, api.config, 1);
      expect((await api.gql(CAST, { id: challenge.proposalIds[0] }, voter.token)).errors).toBeUndefined();
      const admin = await tokenFor(api.config, challenge.adminId);
      await countsFor(challenge, admin); // warm
      const { result: counts, sent } = await statements!.during(() => countsFor(challenge, admin));
      expect(counts.filter((r) => r.kind === 'VOTING')[0]).toEqual({ kind: 'VOTING', voterCount: 1, voteTotal: 1 });
      return sent;
    };
    const two = await statementsFor(await withVotingRounds(2));
    const six = await statementsFor(await withVotingRounds(6));
    if (two.length !== six.length) process.stdout.write([...two, '=====', ...six].join('\n---\n') + '\n');
    expect(six.length).toBe(two.length);
    expect(two.filter((s) => s.includes('budget_ballot_items'))).toHaveLength(1);
  });
});
