import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type pg from 'pg';
import {
  createPublishedChallenge,
  createUnitWithAdmin,
  roundsFromNow,
  type CreatedChallenge,
} from '../support/challenge-factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { accessTokenFor } from '../support/test-viewer.js';
import { waitFor } from '../support/wait.js';

const RESCHEDULE = `mutation($roundId: ID!, $opensAt: DateTime, $closesAt: DateTime!) {
  rescheduleRound(roundId: $roundId, opensAt: $opensAt, closesAt: $closesAt) { id status opensAt closesAt }
}`;
const CLOSE_NOW = `mutation($roundId: ID!) { closeRoundNow(roundId: $roundId) { id status closedAt } }`;

describe('the round clock, with workers running', () => {
  let api: TestApp;
  let sql: pg.Client;
  let rounds: Queue;

  beforeAll(async () => {
    api = await startTestApp({ workers: true });
    sql = await sqlClient(api.env.DATABASE_URL);
    rounds = api.app.get<Queue>(getQueueToken('rounds'));
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const round = async (id: string) => (await sql.query('SELECT * FROM rounds WHERE id = $1', [id])).rows[0];
  const statusOf = async (id: string) => (await round(id)).status as string;
  const counts = async (challengeId: string) => {
    const { rows } = await sql.query(
      `SELECT (SELECT count(*)::int FROM audit_events WHERE challenge_id = $1) AS audit,
              (SELECT count(*)::int FROM outbox_events WHERE payload->>'challengeId' = $1::text) AS outbox`,
      [challengeId],
    );
    return rows[0] as { audit: number; outbox: number };
  };
  const admin = (c: CreatedChallenge) => accessTokenFor(api, c.adminId);
  /**
   * The close job scheduled for exactly `closesAt` (its id carries the instant) has run: the round closes on time by
   * its own job, not by the next sweep. How late it runs is `npm run bench:rounds`' figure, not asserted here.
   */
  const closeJobRan = (roundId: string, closesAt: Date) =>
    waitFor(`the close job of ${closesAt.toISOString()} to run`, async () => {
      const job = await rounds.getJob(`round.close:${roundId}:${closesAt.getTime()}`);
      return !!job && (await job.isCompleted());
    });

  it('opens and closes every round on time, exactly once, and finishes the challenge', async () => {
    const challenge = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [1000, 2500, 'SUBMISSION'],
        [2500, 4000, 'VOTING'],
        [4000, 5500, 'EVALUATION'],
      ]),
    );
    await waitFor(
      'challenge FINISHED',
      async () =>
        (await sql.query(`SELECT 1 FROM challenges WHERE id = $1 AND status = 'FINISHED'`, [challenge.challengeId]))
          .rowCount,
      20_000,
    );

    for (const created of challenge.rounds) {
      const r = await round(created.id);
      expect(r.status).toBe('CLOSED');
      expect(r.opened_at.getTime()).toBeGreaterThanOrEqual(created.opensAt.getTime());
      expect(r.closed_at.getTime()).toBeGreaterThanOrEqual(created.closesAt.getTime());
      expect(await closeJobRan(created.id, created.closesAt)).toBe(true);
    }
    const { rows: audit } = await sql.query(
      `SELECT action, data->>'roundId' AS round_id, actor_id, summary FROM audit_events WHERE challenge_id = $1 ORDER BY created_at`,
      [challenge.challengeId],
    );
    const [r1, r2, r3] = challenge.rounds.map((r) => r.id);
    expect(audit.map((a) => [a.action, a.round_id])).toEqual([
      ['challenge.published', null],
      ['round.opened', r1],
      ['round.closed', r1],
      ['round.opened', r2],
      ['round.closed', r2],
      ['round.opened', r3],
      ['round.closed', r3],
      ['results.published', null],
    ]);
    expect(audit.slice(1).every((a) => a.actor_id === null)).toBe(true);
    expect(audit[4].summary).toBe('Cerró la ronda 2 «Votación»');
    const { rows: outbox } = await sql.query(
      `SELECT payload->>'roundId' AS round_id, count(*)::int AS n FROM outbox_events
       WHERE type = 'round.closed' AND payload->>'challengeId' = $1::text GROUP BY 1`,
      [challenge.challengeId],
    );
    expect(
      outbox.sort(
        (a, b) =>
          challenge.rounds.findIndex((r) => r.id === a.round_id) -
          challenge.rounds.findIndex((r) => r.id === b.round_id),
      ),
    ).toEqual(challenge.rounds.map((r) => ({ round_id: r.id, n: 1 })));
    const results = await sql.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'results.published' AND payload->>'challengeId' = $1::text`,
      [challenge.challengeId],
    );
    expect(results.rows[0].n).toBe(1);
  });

  it('catches up at once on a challenge published after its first round already ended', async () => {
    const challenge = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-3000, -1000, 'SUBMISSION'],
        [-1000, 1500, 'VOTING'],
      ]),
    );
    const [first, second] = challenge.rounds;
    await waitFor(
      'round 1 CLOSED and round 2 OPEN',
      async () => (await statusOf(first.id)) === 'CLOSED' && (await statusOf(second.id)) === 'OPEN',
    );
    await waitFor(
      'challenge FINISHED',
      async () =>
        (await sql.query(`SELECT 1 FROM challenges WHERE id = $1 AND status = 'FINISHED'`, [challenge.challengeId]))
          .rowCount,
      20_000,
    );
    expect((await round(second.id)).closed_at.getTime()).toBeGreaterThanOrEqual(second.closesAt.getTime());
    expect(await closeJobRan(second.id, second.closesAt)).toBe(true);
  });

  it('keeps an open round open past its old close when extended (the old job is stale), and closes it at the new time', async () => {
    const challenge = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-1000, 6000, 'SUBMISSION'],
        [20_000, 30_000, 'VOTING'],
      ]),
    ); // room for a busy machine before the extension
    const [first] = challenge.rounds;
    await waitFor('round 1 OPEN', async () => (await statusOf(first.id)) === 'OPEN');
    const newClose = new Date(first.closesAt.getTime() + 2500);
    const { data, errors } = await api.gql(
      RESCHEDULE,
      { roundId: first.id, closesAt: newClose.toISOString() },
      await admin(challenge),
    );
    expect(errors).toBeUndefined();
    expect(data.rescheduleRound).toMatchObject({ status: 'OPEN', closesAt: newClose.toISOString() });

    const oldJob = `round.close:${first.id}:${first.closesAt.getTime()}`;
    const stale = await waitFor('the old close job to finish', async () => {
      const job = await rounds.getJob(oldJob);
      return job && (await job.isCompleted()) ? job : null;
    });
    expect(stale.returnvalue).toBe('stale');
    expect(await statusOf(first.id)).toBe('OPEN');

    await waitFor('round 1 CLOSED at the new time', async () => (await statusOf(first.id)) === 'CLOSED');
    const closed = await round(first.id);
    expect(closed.closed_at.getTime()).toBeGreaterThanOrEqual(newClose.getTime());
    const { rows } = await sql.query(
      `SELECT summary, data FROM audit_events WHERE challenge_id = $1 AND action = 'round.rescheduled'`,
      [challenge.challengeId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].data.from.closesAt).toBe(first.closesAt.toISOString());
    expect(rows[0].data.to.closesAt).toBe(newClose.toISOString());
    expect(rows[0].summary).toMatch(/^Reprogramó la ronda 1 «Propuestas»: cierre .* → .*/);

    // A closed round never moves.
    const refused = await api.gql(
      RESCHEDULE,
      { roundId: first.id, closesAt: new Date(Date.now() + 60_000).toISOString() },
      await admin(challenge),
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE_TRANSITION' });
  });

  it('closes a shortened round at its new, earlier time', async () => {
    const challenge = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-1000, 60_000, 'SUBMISSION'],
        [60_000, 90_000, 'VOTING'],
      ]),
    );
    const [first] = challenge.rounds;
    await waitFor('round 1 OPEN', async () => (await statusOf(first.id)) === 'OPEN');
    const newClose = new Date(Date.now() + 1500);
    const { errors } = await api.gql(
      RESCHEDULE,
      { roundId: first.id, closesAt: newClose.toISOString() },
      await admin(challenge),
    );
    expect(errors).toBeUndefined();
    await waitFor('round 1 CLOSED', async () => (await statusOf(first.id)) === 'CLOSED', 20_000);
    const closed = await round(first.id);
    expect(closed.closed_at.getTime()).toBeGreaterThanOrEqual(newClose.getTime());
    expect(await closeJobRan(first.id, newClose)).toBe(true);
  });

  it('refuses invalid schedules and stores nothing', async () => {
    const challenge = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-1000, 60_000, 'SUBMISSION'],
        [60_000, 90_000, 'VOTING'],
      ]),
    );
    const [first, second] = challenge.rounds;
    await waitFor('round 1 OPEN', async () => (await statusOf(first.id)) === 'OPEN');
    await waitFor(
      'the publication relayed',
      async () => (await sql.query(`SELECT 1 FROM outbox_events WHERE published_at IS NULL`)).rowCount === 0,
    );
    const before = await counts(challenge.challengeId);

    const past = await api.gql(
      RESCHEDULE,
      { roundId: first.id, closesAt: new Date(Date.now() - 1000).toISOString() },
      await admin(challenge),
    );
    expect(past.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SCHEDULE',
      fields: [{ path: 'closesAt' }],
    });
    const overlap = await api.gql(
      RESCHEDULE,
      {
        roundId: second.id,
        opensAt: new Date(first.closesAt.getTime() - 1000).toISOString(),
        closesAt: second.closesAt.toISOString(),
      },
      await admin(challenge),
    );
    expect(overlap.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SCHEDULE',
      fields: [{ path: 'opensAt' }],
    });
    const moveOpen = await api.gql(
      RESCHEDULE,
      { roundId: first.id, opensAt: new Date().toISOString(), closesAt: first.closesAt.toISOString() },
      await admin(challenge),
    );
    expect(moveOpen.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE_TRANSITION' });
    const anonymous = await api.gql(RESCHEDULE, { roundId: first.id, closesAt: second.opensAt.toISOString() });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const stranger = await createUnitWithAdmin(sql);
    const forbidden = await api.gql(
      RESCHEDULE,
      { roundId: first.id, closesAt: second.opensAt.toISOString() },
      await accessTokenFor(api, stranger.adminId),
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const missing = await api.gql(
      CLOSE_NOW,
      { roundId: '00000000-0000-4000-8000-000000000000' },
      await accessTokenFor(api, stranger.adminId, 'ADMIN'),
    );
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    expect(await counts(challenge.challengeId)).toEqual(before);
    expect((await round(first.id)).closes_at).toEqual(first.closesAt);
  });

  it('closes an open round now for a unit ADMIN, and refuses rounds that are not open', async () => {
    const challenge = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-1000, 60_000, 'SUBMISSION'],
        [60_000, 90_000, 'VOTING'],
      ]),
    );
    const [first, second] = challenge.rounds;
    await waitFor('round 1 OPEN', async () => (await statusOf(first.id)) === 'OPEN');

    const scheduled = await api.gql(CLOSE_NOW, { roundId: second.id }, await admin(challenge));
    expect(scheduled.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE_TRANSITION' });

    const { data, errors } = await api.gql(CLOSE_NOW, { roundId: first.id }, await admin(challenge));
    expect(errors).toBeUndefined();
    expect(data.closeRoundNow.status).toBe('CLOSED');
    const again = await api.gql(CLOSE_NOW, { roundId: first.id }, await admin(challenge));
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE_TRANSITION' });

    const { rows } = await sql.query(
      `SELECT actor_id, summary FROM audit_events WHERE challenge_id = $1 AND action = 'round.closed'`,
      [challenge.challengeId],
    );
    expect(rows).toEqual([
      { actor_id: challenge.adminId, summary: 'Cerró la ronda 1 «Propuestas» antes de su fecha de cierre' },
    ]);
    // The next round keeps its own opening time.
    expect(await statusOf(second.id)).toBe('SCHEDULED');
  });
});
