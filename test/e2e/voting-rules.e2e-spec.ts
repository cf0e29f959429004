import type pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import {
  BALLOT,
  CAST,
  createVoters,
  createVotingChallenge,
  RETRACT,
  TALLY,
  tokenFor,
} from '../support/voting-fixtures.js';

/** Every rule and reason of RULES §5 refuses with its code, and a refused call stores nothing. */
describe('voting rules', () => {
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

  /** Everything a vote or ballot could have written. */
  const footprint = async () =>
    (
      await sql.query(
        `SELECT (SELECT count(*)::int FROM votes) AS votes, (SELECT coalesce(sum(used), 0)::int FROM vote_quotas) AS used,
            (SELECT count(*)::int FROM budget_ballots) AS ballots, (SELECT count(*)::int FROM budget_ballot_items) AS items`,
      )
    ).rows[0];

  async function expectRefused(
    send: () => Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>,
    code: string,
    reason?: string,
  ) {
    const before = await footprint();
    const response = await send();
    expect(response.errors?.[0].extensions).toMatchObject(reason ? { code, reason } : { code });
    expect(await footprint()).toEqual(before);
    return response;
  }

  it('casts, lists and retracts a vote; the viewer alone sees it', async () => {
    const challenge = await createVotingChallenge(sql, { settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2 } });
    const [voter, other] = await createVoters(sql, api.config, 2);
    const cast = await api.gql(CAST, { id: challenge.proposalIds[0] }, voter.token);
    expect(cast.errors).toBeUndefined();
    expect(cast.data.castVote).toMatchObject({
      proposal: { id: challenge.proposalIds[0] },
      round: { id: challenge.rounds[1].id, position: 2 },
    });

    const VIEWER = `query($id: ID) { challenge(id: $id) { viewerRemainingVotes viewerVotes { id proposal { id } } } }`;
    const mine = await api.gql(VIEWER, { id: challenge.challengeId }, voter.token);
    expect(mine.data.challenge).toEqual({
      viewerRemainingVotes: 1,
      viewerVotes: [{ id: cast.data.castVote.id, proposal: { id: challenge.proposalIds[0] } }],
    });
    const theirs = await api.gql(VIEWER, { id: challenge.challengeId }, other.token);
    expect(theirs.data.challenge).toEqual({ viewerRemainingVotes: 2, viewerVotes: [] });
    const anonymous = await api.gql(VIEWER, { id: challenge.challengeId });
    expect(anonymous.data.challenge).toEqual({ viewerRemainingVotes: null, viewerVotes: [] });

    expect((await api.gql(RETRACT, { id: challenge.proposalIds[0] }, voter.token)).data.retractVote).toBe(true);
    expect((await api.gql(RETRACT, { id: challenge.proposalIds[0] }, voter.token)).data.retractVote).toBe(false);
    expect(
      (await api.gql(VIEWER, { id: challenge.challengeId }, voter.token)).data.challenge.viewerRemainingVotes,
    ).toBe(2);
  });

  it('SINGLE: a second vote is ALREADY_VOTED; MULTIPLE: the same proposal twice is ALREADY_VOTED, one over the limit VOTE_LIMIT_REACHED', async () => {
    const single = await createVotingChallenge(sql, { settings: { votingMethod: 'SINGLE' } });
    const [voter] = await createVoters(sql, api.config, 1);
    expect((await api.gql(CAST, { id: single.proposalIds[0] }, voter.token)).errors).toBeUndefined();
    await expectRefused(() => api.gql(CAST, { id: single.proposalIds[1] }, voter.token), 'CONFLICT', 'ALREADY_VOTED');
    await expectRefused(() => api.gql(CAST, { id: single.proposalIds[0] }, voter.token), 'CONFLICT', 'ALREADY_VOTED');

    const multiple = await createVotingChallenge(sql, { settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2 } });
    expect((await api.gql(CAST, { id: multiple.proposalIds[0] }, voter.token)).errors).toBeUndefined();
    await expectRefused(() => api.gql(CAST, { id: multiple.proposalIds[0] }, voter.token), 'CONFLICT', 'ALREADY_VOTED');
    expect((await api.gql(CAST, { id: multiple.proposalIds[1] }, voter.token)).errors).toBeUndefined();
    const refused = await expectRefused(
      () => api.gql(CAST, { id: multiple.proposalIds[2] }, voter.token),
      'CONFLICT',
      'VOTE_LIMIT_REACHED',
    );
    expect(refused.errors![0]).toHaveProperty(
      'message',
      'Ya usaste tus 2 votos de esta ronda; retira uno para votar por otra propuesta.',
    );
    // Retracting frees the place again.
    await api.gql(RETRACT, { id: multiple.proposalIds[0] }, voter.token);
    expect((await api.gql(CAST, { id: multiple.proposalIds[2] }, voter.token)).errors).toBeUndefined();
  });

  it('refuses a vote at or after closesAt even though the close job has not run (ROUND_NOT_OPEN), and before opensAt', async () => {
    const challenge = await createVotingChallenge(sql);
    const [voter] = await createVoters(sql, api.config, 1);
    await api.gql(CAST, { id: challenge.proposalIds[1] }, voter.token);
    await sql.query(`UPDATE rounds SET closes_at = now() - interval '1 second' WHERE id = $1`, [
      challenge.rounds[1].id,
    ]);
    expect((await sql.query('SELECT status FROM rounds WHERE id = $1', [challenge.rounds[1].id])).rows[0].status).toBe(
      'OPEN',
    );
    await expectRefused(
      () => api.gql(CAST, { id: challenge.proposalIds[0] }, voter.token),
      'CONFLICT',
      'ROUND_NOT_OPEN',
    );
    await expectRefused(
      () => api.gql(RETRACT, { id: challenge.proposalIds[1] }, voter.token),
      'CONFLICT',
      'ROUND_NOT_OPEN',
    );

    const now = Date.now();
    const upcoming = await createVotingChallenge(sql, {
      rounds: [
        { kind: 'SUBMISSION', opensAt: new Date(now - 3600_000), closesAt: new Date(now + 3600_000) },
        { kind: 'VOTING', opensAt: new Date(now + 3600_000), closesAt: new Date(now + 7200_000) },
      ],
    });
    await expectRefused(
      () => api.gql(CAST, { id: upcoming.proposalIds[0] }, voter.token),
      'CONFLICT',
      'ROUND_NOT_OPEN',
    );
  });

  it('opens a round whose opensAt passed before its job ran: the clock catches up in the request and the vote counts', async () => {
    const challenge = await createVotingChallenge(sql, { clockCaughtUp: false });
    const [voter] = await createVoters(sql, api.config, 1);
    const cast = await api.gql(CAST, { id: challenge.proposalIds[0] }, voter.token);
    expect(cast.errors).toBeUndefined();
    const { rows } = await sql.query('SELECT position, status FROM rounds WHERE challenge_id = $1 ORDER BY position', [
      challenge.challengeId,
    ]);
    expect(rows.map((r) => r.status)).toEqual(['CLOSED', 'OPEN']);
    const { rows: stages } = await sql.query('SELECT DISTINCT stage FROM proposals WHERE challenge_id = $1', [
      challenge.challengeId,
    ]);
    expect(stages).toEqual([{ stage: 2 }]);
  });

  it('refuses votes for proposals out of the running: eliminated, withdrawn, hidden, ineligible, of another stage (PROPOSAL_NOT_IN_RUNNING)', async () => {
    const challenge = await createVotingChallenge(sql, { proposals: 6 });
    const [voter] = await createVoters(sql, api.config, 1);
    const [eliminated, withdrawn, hidden, ineligible, behind] = challenge.proposalIds;
    await sql.query(`UPDATE proposals SET eliminated_in_round = 2 WHERE id = $1`, [eliminated]);
    await sql.query(`UPDATE proposals SET status = 'WITHDRAWN' WHERE id = $1`, [withdrawn]);
    await sql.query(`UPDATE proposals SET status = 'HIDDEN', moderation_reason = 'Spam' WHERE id = $1`, [hidden]);
    await sql.query(`UPDATE proposals SET status = 'INELIGIBLE', moderation_reason = 'Fuera de tema' WHERE id = $1`, [
      ineligible,
    ]);
    await sql.query(`UPDATE proposals SET stage = 1 WHERE id = $1`, [behind]);
    for (const id of [eliminated, withdrawn, hidden, ineligible, behind]) {
      await expectRefused(() => api.gql(CAST, { id }, voter.token), 'CONFLICT', 'PROPOSAL_NOT_IN_RUNNING');
    }
    await sql.query(`UPDATE proposals SET status = 'DRAFT', submitted_at = NULL WHERE id = $1`, [
      challenge.proposalIds[5],
    ]);
    await expectRefused(() => api.gql(CAST, { id: challenge.proposalIds[5] }, voter.token), 'NOT_FOUND');
    await expectRefused(() => api.gql(CAST, { id: 'no-es-un-id' }, voter.token), 'NOT_FOUND');
    await expectRefused(() => api.gql(CAST, { id: challenge.proposalIds[0] }), 'UNAUTHENTICATED');
  });

  it('refuses voters who may not take part (FORBIDDEN with the §4 reason)', async () => {
    const challenge = await createVotingChallenge(sql, { settings: { requireCurp: true, residentsOnly: true } });
    await sql.query(`UPDATE challenges SET level = 'STATE', state_code = '21' WHERE id = $1`, [challenge.challengeId]);
    const [unverified] = await createVoters(sql, api.config, 1, { verified: false, curp: true, stateCode: '21' });
    const [noCurp] = await createVoters(sql, api.config, 1, { curp: false, stateCode: '21' });
    const [elsewhere] = await createVoters(sql, api.config, 1, { curp: true, stateCode: '09' });
    const [resident] = await createVoters(sql, api.config, 1, {
      curp: true,
      stateCode: '21',
      municipalityCode: '21114',
    });
    await expectRefused(
      () => api.gql(CAST, { id: challenge.proposalIds[0] }, unverified.token),
      'FORBIDDEN',
      'EMAIL_NOT_VERIFIED',
    );
    await expectRefused(
      () => api.gql(CAST, { id: challenge.proposalIds[0] }, noCurp.token),
      'FORBIDDEN',
      'CURP_REQUIRED',
    );
    await expectRefused(
      () => api.gql(CAST, { id: challenge.proposalIds[0] }, elsewhere.token),
      'FORBIDDEN',
      'NOT_RESIDENT',
    );
    expect((await api.gql(CAST, { id: challenge.proposalIds[0] }, resident.token)).errors).toBeUndefined();
  });

  it('BUDGET: castVote is PHASE_MISMATCH; a ballot one centavo over voterBudget is BUDGET_EXCEEDED; exactly at it is accepted and replaces the ballot', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'BUDGET', budgetRule: 'EQUAL_SHARES', voterBudget: '1000.00' },
      budget: '5000.00',
      costs: ['600.00', '400.00', '400.01', '0.01'],
    });
    const [voter] = await createVoters(sql, api.config, 1);
    const [a, b, c, d] = challenge.proposalIds;
    await expectRefused(() => api.gql(CAST, { id: a }, voter.token), 'CONFLICT', 'PHASE_MISMATCH');
    const over = await expectRefused(
      () => api.gql(BALLOT, { c: challenge.challengeId, ids: [a, c] }, voter.token),
      'BAD_USER_INPUT',
      'BUDGET_EXCEEDED',
    );
    expect(over.errors![0].extensions!.fields).toEqual([
      { path: 'proposalIds', message: 'El costo total de tu boleta (1000.01) supera tu presupuesto de 1000.00.' },
    ]);
    await expectRefused(
      () => api.gql(BALLOT, { c: challenge.challengeId, ids: [a, b, d] }, voter.token),
      'BAD_USER_INPUT',
      'BUDGET_EXCEEDED',
    );
    await expectRefused(
      () => api.gql(BALLOT, { c: challenge.challengeId, ids: [a, a] }, voter.token),
      'BAD_USER_INPUT',
    );

    const exact = await api.gql(BALLOT, { c: challenge.challengeId, ids: [a, b] }, voter.token);
    expect(exact.data.submitBudgetBallot).toMatchObject({
      totalCost: '1000.00',
      round: { id: challenge.rounds[1].id },
    });
    const replaced = await api.gql(BALLOT, { c: challenge.challengeId, ids: [d] }, voter.token);
    expect(replaced.data.submitBudgetBallot).toMatchObject({ totalCost: '0.01', proposals: [{ id: d }] });
    const empty = await api.gql(BALLOT, { c: challenge.challengeId, ids: [] }, voter.token);
    expect(empty.data.submitBudgetBallot).toMatchObject({ totalCost: '0.00', proposals: [] });
    const { rows } = await sql.query('SELECT count(*)::int AS n FROM budget_ballots WHERE voter_id = $1', [voter.id]);
    expect(rows[0].n).toBe(1);

    await sql.query(`UPDATE proposals SET status = 'WITHDRAWN' WHERE id = $1`, [b]);
    await expectRefused(
      () => api.gql(BALLOT, { c: challenge.challengeId, ids: [b] }, voter.token),
      'CONFLICT',
      'PROPOSAL_NOT_IN_RUNNING',
    );
    const multiple = await createVotingChallenge(sql);
    await expectRefused(
      () => api.gql(BALLOT, { c: multiple.challengeId, ids: [multiple.proposalIds[0]] }, voter.token),
      'CONFLICT',
      'PHASE_MISMATCH',
    );
  });

  it('hides counts from everyone, officials included, while the round is open and showLiveTally is off', async () => {
    const challenge = await createVotingChallenge(sql, { settings: { showLiveTally: false } });
    const [voter] = await createVoters(sql, api.config, 1);
    await api.gql(CAST, { id: challenge.proposalIds[0] }, voter.token);
    const admin = await tokenFor(api.config, challenge.adminId);
    const [platformAdmin] = await createVoters(sql, api.config, 1);
    await sql.query(`UPDATE users SET platform_role = 'ADMIN' WHERE id = $1`, [platformAdmin.id]);
    const PROPOSALS = `query($id: ID) { challenge(id: $id) { rounds { tally { votes } } viewerVotes { proposal { id voteCount viewerHasVoted } } } }`;
    for (const token of [undefined, voter.token, admin, platformAdmin.token]) {
      const { data, errors } = await api.gql(PROPOSALS, { id: challenge.challengeId }, token);
      expect(errors).toBeUndefined();
      expect(data.challenge.rounds.map((r: { tally: unknown }) => r.tally)).toEqual([null, null]);
    }
    const own = await api.gql(PROPOSALS, { id: challenge.challengeId }, voter.token);
    expect(own.data.challenge.viewerVotes).toEqual([
      { proposal: { id: challenge.proposalIds[0], voteCount: null, viewerHasVoted: true } },
    ]);

    // Once the round is over by its dates, the counts are public.
    await sql.query(`UPDATE rounds SET closes_at = now() - interval '1 second' WHERE id = $1`, [
      challenge.rounds[1].id,
    ]);
    const after = await api.gql(TALLY, { id: challenge.challengeId });
    expect(after.data.challenge.rounds[1].tally[0]).toMatchObject({
      votes: 1,
      rank: 1,
      share: 1,
      proposal: { id: challenge.proposalIds[0], voteCount: 1 },
    });
  });

  it('ranks a live tally by votes, then earlier submission, then id; share is 0 when nobody voted', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2 },
      proposals: 3,
    });
    const [p1, p2, p3] = challenge.proposalIds;
    const empty = await api.gql(TALLY, { id: challenge.challengeId });
    expect(
      empty.data.challenge.rounds[1].tally.map((t: { proposal: { id: string }; share: number }) => [
        t.proposal.id,
        t.share,
      ]),
    ).toEqual([
      [p1, 0],
      [p2, 0],
      [p3, 0],
    ]);
    const voters = await createVoters(sql, api.config, 3);
    for (const [voter, ids] of [
      [voters[0], [p3, p2]],
      [voters[1], [p3, p2]],
      [voters[2], [p3]],
    ] as const) {
      for (const id of ids) await api.gql(CAST, { id }, voter.token);
    }
    const { data } = await api.gql(TALLY, { id: challenge.challengeId });
    expect(data.challenge.rounds[1].tally).toEqual([
      { votes: 3, rank: 1, share: 0.6, proposal: { id: p3, voteCount: 3 } },
      { votes: 2, rank: 2, share: 0.4, proposal: { id: p2, voteCount: 2 } },
      { votes: 0, rank: 3, share: 0, proposal: { id: p1, voteCount: 0 } },
    ]);
    expect(data.challenge.rounds[0].tally).toBeNull();
  });
});
