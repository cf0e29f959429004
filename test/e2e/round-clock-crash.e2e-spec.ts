import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type pg from 'pg';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { clockEventsPerRound, closedExactlyOnce, isFinished } from '../support/round-assertions.js';
import { testEnvironment } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { waitFor } from '../support/wait.js';
import { startWorkerProcess } from '../support/worker-process.js';

describe('a worker killed with SIGKILL in the middle of a close', () => {
  let env: Record<string, string>;
  let sql: pg.Client;
  let blocker: pg.Client;
  let child: ChildProcess | null = null;

  beforeAll(async () => {
    env = await testEnvironment({ ROUND_SWEEP_INTERVAL_MS: '1000' });
    sql = await sqlClient(env.DATABASE_URL);
    blocker = await sqlClient(env.DATABASE_URL);
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await blocker?.end();
    await sql?.end();
  });

  it('leaves nothing half-applied, and the restarted worker closes the round exactly once', async () => {
    child = await startWorkerProcess(env);
    const challenge = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-1000, 2500, 'SUBMISSION'],
        [2500, 4000, 'VOTING'],
      ]),
    );
    const [first] = challenge.rounds;
    await waitFor(
      'round 1 OPEN and everything relayed',
      async () =>
        (await sql.query(`SELECT 1 FROM rounds WHERE id = $1 AND status = 'OPEN'`, [first.id])).rowCount &&
        (await sql.query('SELECT 1 FROM outbox_events WHERE published_at IS NULL')).rowCount === 0,
    );

    // The close transaction will update the round and write its audit event, then wait here for the outbox insert.
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE outbox_events IN SHARE MODE');
    const closing = await waitFor(
      'the close transaction to block mid-way',
      async () => {
        const { rows } = await sql.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO "outbox_events"%'`,
        );
        return rows[0]?.pid as number | undefined;
      },
      10_000,
    );
    child.kill('SIGKILL');
    await once(child, 'exit');
    await blocker.query('ROLLBACK');
    // The orphaned backend finds its client gone and rolls back: nothing of the close is left.
    await waitFor(
      "the killed worker's transaction to end",
      async () => (await sql.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [closing])).rowCount === 0,
    );
    expect((await sql.query('SELECT status, closed_at FROM rounds WHERE id = $1', [first.id])).rows[0]).toEqual({
      status: 'OPEN',
      closed_at: null,
    });
    expect(
      (await sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'round.closed'`)).rows[0].n,
    ).toBe(0);

    child = await startWorkerProcess(env);
    await waitFor('challenge FINISHED', () => isFinished(sql, challenge.challengeId), 15_000);
    expect(await clockEventsPerRound(sql, challenge.challengeId)).toEqual(closedExactlyOnce(challenge.rounds));
  });
});
