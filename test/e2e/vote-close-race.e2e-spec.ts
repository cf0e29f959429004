import type pg from 'pg';
import { RoundClock } from '../../src/modules/rounds/round-clock.js';
import { roundsFromNow } from '../support/challenge-factory.js';
import { startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { CAST, createVoters, createVotingChallenge, outcomes, RETRACT } from '../support/voting-fixtures.js';

const VOTERS = 120;
/** The voters start spread over this span around the close, each casting two votes and retracting one. */
const SPREAD_MS = 4000;

const at = (time: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));

/**
 * Issue #19 under load: votes and retractions race the round's close (the real clock, the real close). Whatever
 * the interleaving, no stored vote is stamped at or after closesAt, every refusal is ROUND_NOT_OPEN, and the
 * frozen tally counts exactly the stored votes (the close waited for the votes in flight).
 */
describe('votes racing the close of their round', () => {
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

  it('stores no vote after closesAt and refuses late ones with ROUND_NOT_OPEN', async () => {
    const [voters, closesIn] = [await createVoters(sql, api.config, VOTERS), SPREAD_MS + 1000];
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 },
      proposals: 4,
      rounds: roundsFromNow([
        [-120 * 60_000, -60 * 60_000, 'SUBMISSION'],
        [-60 * 60_000, closesIn, 'VOTING'],
      ]),
    });
    const round = challenge.rounds[1];
    const closesAt = round.closesAt.getTime();
    const [a, b] = [challenge.proposalIds[0], challenge.proposalIds[1]];

    const casts: GqlResponse[] = [];
    const retractions: GqlResponse[] = [];
    const voting = voters.map(async (voter, i) => {
      await at(closesAt - (SPREAD_MS * 3) / 4 + (i * SPREAD_MS) / VOTERS);
      casts.push(await api.gql(CAST, { id: a }, voter.token));
      casts.push(await api.gql(CAST, { id: b }, voter.token));
      retractions.push(await api.gql(RETRACT, { id: a }, voter.token));
    });
    const closing = at(closesAt).then(() => api.app.get(RoundClock).closeRound(round.id, null, null));
    await Promise.all(voting);
    expect(await closing).toBe('done');

    const {
      rows: [stored],
    } = await sql.query(
      `SELECT count(*)::int AS votes,
              count(*) FILTER (WHERE v.created_at >= r.closes_at OR v.created_at < r.opens_at)::int AS outside
       FROM votes v JOIN rounds r ON r.id = v.round_id WHERE r.id = $1`,
      [round.id],
    );
    expect(stored.outside).toBe(0);
    const refused = [...casts, ...retractions].filter((r) => r.errors);
    expect(refused.map((r) => r.errors![0].extensions?.reason)).toEqual(refused.map(() => 'ROUND_NOT_OPEN'));
    const retracted = retractions.filter((r) => r.data?.retractVote === true).length;
    expect(stored.votes).toBe(outcomes(casts).ok - retracted);

    const { rows: tally } = await sql.query(
      `SELECT coalesce(sum(t.votes), 0)::int AS frozen FROM round_tallies t WHERE t.round_id = $1`,
      [round.id],
    );
    expect(tally[0].frozen).toBe(stored.votes);
  }, 60_000);
});
