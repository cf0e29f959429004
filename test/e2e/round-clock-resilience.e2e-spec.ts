import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { createWorker, loadConfig } from '../../src/bootstrap.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { DomainError } from '../../src/common/domain-error.js';
import { RoundsService } from '../../src/modules/rounds/rounds.service.js';
import { RoundClock } from '../../src/modules/rounds/round-clock.js';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { clockEventsPerRound, closedExactlyOnce, isFinished } from '../support/round-assertions.js';
import { startTestApp, testEnvironment } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { waitFor } from '../support/wait.js';

describe('the round clock with two workers, lost jobs and a flushed Redis', () => {
  let config: AppConfig;
  let workers: INestApplicationContext[] = [];
  let sql: pg.Client;
  let queue: Queue;
  let redis: Redis;

  beforeAll(async () => {
    config = loadConfig(await testEnvironment({ ROUND_SWEEP_INTERVAL_MS: '1000' }));
    workers = await Promise.all([createWorker(config), createWorker(config)]);
    sql = await sqlClient(config.databaseUrl);
    queue = new Queue('rounds', { connection: { url: config.redis.url }, prefix: `${config.redis.prefix}:bull` });
    redis = new Redis(config.redis.url);
  });

  afterAll(async () => {
    await queue?.close();
    redis?.disconnect();
    await sql?.end();
    await Promise.all(workers.map((w) => w.close()));
  });

  const allRelayed = async () =>
    (await sql.query('SELECT 1 FROM outbox_events WHERE published_at IS NULL')).rowCount === 0;

  it('two worker processes close every round exactly once', async () => {
    const challenges = await Promise.all(
      [0, 1, 2].map(() =>
        createPublishedChallenge(
          sql,
          roundsFromNow([
            [500, 2000, 'SUBMISSION'],
            [2000, 3500, 'VOTING'],
          ]),
        ),
      ),
    );
    for (const c of challenges) await waitFor('challenge FINISHED', () => isFinished(sql, c.challengeId), 15_000);
    for (const c of challenges)
      expect(await clockEventsPerRound(sql, c.challengeId)).toEqual(closedExactlyOnce(c.rounds));
  });

  it('closes a round whose close job was deleted from Redis before its time (the sweep catches it)', async () => {
    const challenge = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-1000, 2000, 'SUBMISSION'],
        [2000, 3500, 'VOTING'],
      ]),
    );
    const [first] = challenge.rounds;
    const jobId = `round.close:${first.id}:${first.closesAt.getTime()}`;
    const job = await waitFor('the close job to be queued', () => queue.getJob(jobId));
    expect(await job.isDelayed()).toBe(true);
    await job.remove();
    await waitFor('challenge FINISHED', () => isFinished(sql, challenge.challengeId), 15_000);
    const { rows } = await sql.query('SELECT closed_at FROM rounds WHERE id = $1', [first.id]);
    expect(rows[0].closed_at.getTime()).toBeGreaterThanOrEqual(first.closesAt.getTime());
    expect(await clockEventsPerRound(sql, challenge.challengeId)).toEqual(closedExactlyOnce(challenge.rounds));
  });

  it('recovers from every key of its Redis prefix being deleted (what FLUSHALL does to it)', async () => {
    const challenge = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-1000, 1500, 'SUBMISSION'],
        [1500, 3000, 'VOTING'],
      ]),
    );
    await waitFor('the publication relayed', allRelayed);
    let deleted = 0;
    // Never FLUSHALL: other test files share this Redis server. Deleting our prefix is the same for the app.
    for await (const keys of redis.scanStream({ match: `${config.redis.prefix}:*`, count: 1000 }) as AsyncIterable<
      string[]
    >) {
      if (keys.length) deleted += await redis.del(...keys);
    }
    expect(deleted).toBeGreaterThan(0);
    await waitFor('challenge FINISHED', () => isFinished(sql, challenge.challengeId), 15_000);
    expect(await clockEventsPerRound(sql, challenge.challengeId)).toEqual(closedExactlyOnce(challenge.rounds));
    expect(await queue.getJobScheduler('round.sweep')).toBeTruthy();
  });
});

describe('the dates are the authority', () => {
  it('refuses actions in a round whose closesAt passed though no close job ran (no workers)', async () => {
    const api = await startTestApp({ workers: false });
    const sql = await sqlClient(api.env.DATABASE_URL);
    try {
      const challenge = await createPublishedChallenge(
        sql,
        roundsFromNow([
          [-5000, -1000, 'SUBMISSION'],
          [-1000, 60_000, 'VOTING'],
        ]),
      );
      const [first, second] = challenge.rounds;
      await sql.query(`UPDATE rounds SET status = 'OPEN', opened_at = opens_at WHERE id = $1`, [first.id]);
      const service = api.app.get(RoundsService);
      const stillOpen = (await service.findById(first.id))!;
      expect(stillOpen.status).toBe('OPEN');
      let refusal: unknown;
      try {
        service.assertAcceptingActions(stillOpen);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_NOT_OPEN' });
      // The next round is inside its dates: it accepts, although its open job has not run either.
      expect(() =>
        service.assertAcceptingActions({ status: 'SCHEDULED', opensAt: second.opensAt, closesAt: second.closesAt }),
      ).not.toThrow();
    } finally {
      await sql.end();
      await api.close();
    }
  });

  it('records a reminder whose job was lost with Redis at the next sweep, exactly once (no workers)', async () => {
    const api = await startTestApp({ workers: false });
    const sql = await sqlClient(api.env.DATABASE_URL);
    try {
      const day = 24 * 3600_000;
      const challenge = await createPublishedChallenge(
        sql,
        roundsFromNow([
          [-3 * day, -2 * day, 'SUBMISSION'],
          [-2 * day, 3600_000, 'VOTING'],
        ]),
      );
      const [first, voting] = challenge.rounds;
      await sql.query(
        `UPDATE rounds SET status = 'CLOSED', opened_at = opens_at, closed_at = closes_at WHERE id = $1`,
        [first.id],
      );
      await sql.query(`UPDATE rounds SET status = 'OPEN', opened_at = opens_at WHERE id = $1`, [voting.id]);
      const reminders = async () =>
        (
          await sql.query(
            `SELECT payload FROM outbox_events WHERE type = 'round.closing_soon' AND payload->>'roundId' = $1`,
            [voting.id],
          )
        ).rows;
      expect(await reminders()).toEqual([]);

      const clock = api.app.get(RoundClock);
      await clock.sweep();
      await clock.sweep();
      expect(await reminders()).toEqual([
        {
          payload: { challengeId: challenge.challengeId, roundId: voting.id, closesAt: voting.closesAt.toISOString() },
        },
      ]);
    } finally {
      await sql.end();
      await api.close();
    }
  });
});
