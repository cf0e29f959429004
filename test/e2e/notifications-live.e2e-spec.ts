import type pg from 'pg';
import { LiveTallySource } from '../../src/modules/notifications/live/live-tally.source.js';
import { createUnitWithStaff, signUp } from '../support/accounts.js';
import { challengeInput } from '../support/challenge-input.js';
import { CREATE_CHALLENGE, follow, PUBLISH } from '../support/notifications.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { CAST, createVoters, createVotingChallenge } from '../support/voting-fixtures.js';
import { waitFor } from '../support/wait.js';
import { channelSubscribed, collect, wsClient } from '../support/ws-client.js';

const RECEIVED = `subscription { notificationReceived { id type title body readAt challenge { id viewerIsFollowing } } }`;
const TALLY = `subscription($roundId: ID!) { tallyUpdated(roundId: $roundId) { votes rank share proposal { id } } }`;

/**
 * Two API processes on one database and one Redis prefix: A serves WebSockets only, B serves mutations and runs the
 * workers. What happens through B reaches a client connected to A (RULES §8: subscriptions across processes).
 */
describe('live notifications and tallies across API processes', () => {
  let a: TestApp;
  let b: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    a = await startTestApp({ workers: false });
    b = await startTestApp({
      workers: true,
      env: { DATABASE_URL: a.env.DATABASE_URL, REDIS_PREFIX: a.env.REDIS_PREFIX, MAIL_DIR: a.env.MAIL_DIR },
    });
    sql = await sqlClient(a.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await b?.close();
    await a?.close();
  });

  it('pushes a notification caused on B to the citizen connected to A, and refuses anonymous sockets', async () => {
    const staff = await createUnitWithStaff(b);
    const citizen = await signUp(b, { displayName: 'Ciudadana' });
    await follow(b, citizen.token, 'UNIT', staff.unitId);

    const anonymous = wsClient(a);
    const refused = collect(anonymous, RECEIVED);
    await waitFor('anonymous subscription refused', async () => refused.ended() ?? refused.messages[0]?.errors);
    expect(JSON.stringify([refused.messages, refused.ended()])).toContain('UNAUTHENTICATED');
    await anonymous.dispose();

    const client = wsClient(a, citizen.token);
    const live = collect(client, RECEIVED);
    try {
      await channelSubscribed(a.env.REDIS_PREFIX, 'notification', citizen.id);
      const created = await b.gql(CREATE_CHALLENGE, { input: challengeInput(staff.unitId) }, staff.admin.token);
      const challengeId = created.data.createChallenge.id;
      await b.gql(PUBLISH, { id: challengeId }, staff.admin.token);

      await waitFor('the pushed notification', async () => live.messages.length > 0, 30_000);
      expect(live.messages[0].errors).toBeUndefined();
      expect(live.messages[0].data.notificationReceived).toEqual({
        id: expect.any(String),
        type: 'CHALLENGE_PUBLISHED',
        title: expect.stringContaining('Agua limpia'),
        body: expect.any(String),
        readAt: null,
        challenge: { id: challengeId, viewerIsFollowing: false },
      });
      const { rows } = await sql.query(`SELECT id::text FROM notifications WHERE recipient_id = $1`, [citizen.id]);
      expect(rows).toEqual([{ id: live.messages[0].data.notificationReceived.id }]);
    } finally {
      live.dispose();
      await client.dispose();
    }
  });

  it('sends live tallies of public rounds to A when votes change on B, at most about once a second', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3, showLiveTally: true },
      proposals: 2,
    });
    const roundId = challenge.rounds.find((r) => r.kind === 'VOTING')!.id;
    const voters = await createVoters(sql, b.config, 6);
    const client = wsClient(a);
    const live = collect(client, TALLY, { roundId });
    try {
      await channelSubscribed(a.env.REDIS_PREFIX, 'tally', roundId);
      const started = Date.now();
      for (const voter of voters) {
        const cast = await b.gql(CAST, { id: challenge.proposalIds[0] }, voter.token);
        expect(cast.errors).toBeUndefined();
      }
      await waitFor(
        'the last tally',
        async () => live.messages.some((m) => m.data?.tallyUpdated?.[0]?.votes === 6),
        15_000,
      );
      const elapsedS = (Date.now() - started) / 1000;
      expect(live.messages.length).toBeLessThanOrEqual(Math.ceil(elapsedS) + 2);
      expect(live.messages.at(-1)!.data.tallyUpdated).toEqual([
        { votes: 6, rank: 1, share: 1, proposal: { id: challenge.proposalIds[0] } },
        { votes: 0, rank: 2, share: 0, proposal: { id: challenge.proposalIds[1] } },
      ]);
      // Voting made each voter follow the challenge (RULES §8).
      const followers = await waitFor(
        'voters following the challenge',
        async () => {
          const { rows } = await sql.query(
            `SELECT count(*)::int AS n FROM follows WHERE target_type = 'CHALLENGE' AND target_id = $1 AND user_id = ANY($2)`,
            [challenge.challengeId, voters.map((v) => v.id)],
          );
          return rows[0].n === voters.length && rows[0].n;
        },
        15_000,
      );
      expect(followers).toBe(6);
    } finally {
      live.dispose();
      await client.dispose();
    }

    // A hidden live tally (showLiveTally false, round open) is never sent.
    const hidden = await createVotingChallenge(sql, { settings: { showLiveTally: false }, proposals: 1 });
    const hiddenRound = hidden.rounds.find((r) => r.kind === 'VOTING')!.id;
    expect(await b.app.get(LiveTallySource).publicTally(hiddenRound)).toBeNull();
    expect(await b.app.get(LiveTallySource).publicTally(roundId)).toHaveLength(2);
  });
});
