import type pg from 'pg';
import { jest } from '@jest/globals';
import { VotingRepository } from '../../src/modules/voting/voting.repository.js';
import { ManualClock } from '../support/manual-clock.js';
import { roundsFromNow } from '../support/challenge-factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { BALLOT, CAST, createVoters, createVotingChallenge } from '../support/voting-fixtures.js';

const MIN = 60_000;

/** Issue #19: a vote's (or ballot's) stored time is the reading that decided, and the database refuses any other. */
describe('votes are stamped within their round', () => {
  let api: TestApp;
  let sql: pg.Client;
  const clock = new ManualClock();

  /** Sets the clock to `first`, and moves it to `later` as soon as the write begins (after every check). */
  function clockPassesTheCloseBeforeTheWrite(first: Date, later: Date, write: 'insertVote' | 'submitBallot') {
    clock.set(first);
    const repository = api.app.get(VotingRepository);
    const original = repository[write].bind(repository) as (...args: unknown[]) => Promise<unknown>;
    const spy = jest.spyOn(repository, write).mockImplementation(((...args: unknown[]) => {
      clock.set(later);
      spy.mockRestore();
      return original(...args);
    }) as never);
  }

  beforeAll(async () => {
    api = await startTestApp({ clock });
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const votingRounds = () =>
    roundsFromNow([
      [-120 * MIN, -60 * MIN, 'SUBMISSION'],
      [-60 * MIN, 5 * MIN, 'VOTING'],
    ]);

  it('stamps a vote at closesAt − 1 ms with that reading, though the clock passed the close before the write', async () => {
    const challenge = await createVotingChallenge(sql, { rounds: votingRounds() });
    const [voter] = await createVoters(sql, api.config, 1);
    const closesAt = challenge.rounds[1].closesAt;
    clockPassesTheCloseBeforeTheWrite(new Date(closesAt.getTime() - 1), new Date(closesAt.getTime() + 8), 'insertVote');

    const response = await api.gql(CAST, { id: challenge.proposalIds[0] }, voter.token);

    expect(response.errors).toBeUndefined();
    expect(response.data.castVote.createdAt).toBe(new Date(closesAt.getTime() - 1).toISOString());
    const { rows } = await sql.query(
      `SELECT v.created_at < r.closes_at AS inside FROM votes v JOIN rounds r ON r.id = v.round_id WHERE v.voter_id = $1`,
      [voter.id],
    );
    expect(rows).toEqual([{ inside: true }]);
  });

  it('stamps a budget ballot with the reading that decided', async () => {
    const challenge = await createVotingChallenge(sql, {
      rounds: votingRounds(),
      settings: { votingMethod: 'BUDGET' },
      budget: '1000.00',
      costs: ['100.00', '200.00'],
    });
    const [voter] = await createVoters(sql, api.config, 1);
    const closesAt = challenge.rounds[1].closesAt;
    clockPassesTheCloseBeforeTheWrite(
      new Date(closesAt.getTime() - 1),
      new Date(closesAt.getTime() + 8),
      'submitBallot',
    );

    const response = await api.gql(BALLOT, { c: challenge.challengeId, ids: challenge.proposalIds }, voter.token);

    expect(response.errors).toBeUndefined();
    expect(response.data.submitBudgetBallot.submittedAt).toBe(new Date(closesAt.getTime() - 1).toISOString());
  });

  it('refuses a vote at closesAt with ROUND_NOT_OPEN and stores nothing', async () => {
    const challenge = await createVotingChallenge(sql, { rounds: votingRounds() });
    const [voter] = await createVoters(sql, api.config, 1);
    const closesAt = challenge.rounds[1].closesAt;
    clock.set(closesAt);

    const response = await api.gql(CAST, { id: challenge.proposalIds[0] }, voter.token);

    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_NOT_OPEN' });
    const { rows } = await sql.query('SELECT count(*)::int AS n FROM votes WHERE voter_id = $1', [voter.id]);
    expect(rows[0].n).toBe(0);
  });

  describe('the database refuses rows stamped outside the window, whatever code writes them', () => {
    let challenge: Awaited<ReturnType<typeof createVotingChallenge>>;
    let voterId: string;
    const roundId = () => challenge.rounds[1].id;

    beforeAll(async () => {
      challenge = await createVotingChallenge(sql, { rounds: votingRounds() });
      [{ id: voterId }] = await createVoters(sql, api.config, 1);
      await sql.query(`INSERT INTO vote_quotas (round_id, voter_id, allowed) VALUES ($1, $2, 3)`, [roundId(), voterId]);
    });

    const insertVote = (proposal: number, at: string) =>
      sql.query(
        `INSERT INTO votes (round_id, proposal_id, voter_id, created_at) SELECT id, $2, $3, ${at} FROM rounds WHERE id = $1`,
        [roundId(), challenge.proposalIds[proposal], voterId],
      );

    it.each([
      ['at closesAt', 'closes_at'],
      ['after closesAt', `closes_at + interval '1 millisecond'`],
      ['before opensAt', `opens_at - interval '1 millisecond'`],
    ])('refuses a vote stamped %s', async (_, at) => {
      await expect(insertVote(0, at)).rejects.toMatchObject({
        code: '23514',
        constraint: 'votes_stamped_within_round',
      });
    });

    it('accepts closesAt − 1 µs and refuses moving a stored vote past the close', async () => {
      await insertVote(1, `closes_at - interval '1 microsecond'`);
      await expect(
        sql.query(`UPDATE votes SET created_at = created_at + interval '1 second' WHERE voter_id = $1`, [voterId]),
      ).rejects.toMatchObject({ code: '23514', constraint: 'votes_stamped_within_round' });
    });

    it('refuses a vote in a CLOSED round, even inside its dates', async () => {
      await sql.query(`UPDATE rounds SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [roundId()]);
      await expect(insertVote(2, `closes_at - interval '1 minute'`)).rejects.toMatchObject({
        constraint: 'votes_stamped_within_round',
      });
    });

    it('refuses a budget ballot stamped at closesAt', async () => {
      await expect(
        sql.query(
          `INSERT INTO budget_ballots (round_id, voter_id, voter_budget, total_cost, submitted_at)
           SELECT id, $2, 10, 0, closes_at FROM rounds WHERE id = $1`,
          [challenge.rounds[0].id, voterId],
        ),
      ).rejects.toMatchObject({ code: '23514', constraint: 'budget_ballots_stamped_within_round' });
    });
  });
});
