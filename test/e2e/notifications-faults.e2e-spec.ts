import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type pg from 'pg';
import { createWorker, loadConfig } from '../../src/bootstrap.js';
import { TEST_REDIS_URL } from '../setup/test-run.js';
import { createUnitWithStaff, signUp, type TestAccount } from '../support/accounts.js';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { challengeInput } from '../support/challenge-input.js';
import { CREATE_CHALLENGE, fanoutSettled, follow, PUBLISH, recordEvent } from '../support/notifications.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { startTestApp, testEnvironment, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { waitFor } from '../support/wait.js';
import { startWorkerProcess } from '../support/worker-process.js';

const CLOSE_NOW = `mutation($roundId: ID!) { closeRoundNow(roundId: $roundId) { id status } }`;

const perRecipient = async (sql: pg.Client, where: string, params: unknown[]) =>
  (
    await sql.query(
      `SELECT recipient_id, count(*)::int AS n FROM notifications WHERE ${where} GROUP BY 1 ORDER BY 1`,
      params,
    )
  ).rows;

describe('notifications survive Redis outages, killed workers and a refusing SMTP server', () => {
  it('commits while Redis is down and delivers every notification exactly once when it is back', async () => {
    const redisUrl = new URL(TEST_REDIS_URL);
    const proxy = new TcpProxy(redisUrl.hostname, Number(redisUrl.port || 6379));
    const port = await proxy.start();
    const api: TestApp = await startTestApp({ workers: true, env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    const sql = await sqlClient(api.env.DATABASE_URL);
    try {
      const staff = await createUnitWithStaff(api);
      const fans: TestAccount[] = [];
      for (let i = 0; i < 4; i++) fans.push(await signUp(api, { displayName: `Seguidora ${i}` }));
      const open = await createPublishedChallenge(
        sql,
        roundsFromNow([
          [-60_000, 3_600_000, 'SUBMISSION'],
          [3_600_000, 7_200_000, 'VOTING'],
        ]),
        { unitId: staff.unitId, adminId: staff.admin.id },
      );
      await sql.query(`UPDATE rounds SET status = 'OPEN', opened_at = opens_at WHERE id = $1`, [open.rounds[0].id]);
      for (const fan of fans) {
        await follow(api, fan.token, 'UNIT', staff.unitId);
        await follow(api, fan.token, 'CHALLENGE', open.challengeId);
      }
      const created = await api.gql(CREATE_CHALLENGE, { input: challengeInput(staff.unitId) }, staff.admin.token);
      const challengeId = created.data.createChallenge.id;
      await fanoutSettled(sql, api.app.get<Queue>(getQueueToken('notifications')));

      await proxy.stop();
      const started = Date.now();
      expect((await api.gql(PUBLISH, { id: challengeId }, staff.admin.token)).errors).toBeUndefined();
      expect(
        (await api.gql(CLOSE_NOW, { roundId: open.rounds[0].id }, staff.admin.token)).data.closeRoundNow.status,
      ).toBe('CLOSED');
      expect(Date.now() - started).toBeLessThan(10_000);
      const { rows: pending } = await sql.query(
        `SELECT type FROM outbox_events WHERE published_at IS NULL ORDER BY id`,
      );
      expect(pending.map((r) => r.type)).toEqual(expect.arrayContaining(['challenge.published', 'round.closed']));

      await proxy.start();
      const ids = fans.map((f) => f.id).sort();
      await waitFor(
        'every notification',
        async () =>
          (
            await sql.query(
              `SELECT count(*)::int AS n FROM notifications WHERE (challenge_id = $1 AND type = 'CHALLENGE_PUBLISHED') OR (challenge_id = $2 AND type = 'ROUND_CLOSED')`,
              [challengeId, open.challengeId],
            )
          ).rows[0].n >=
          2 * fans.length,
        40_000,
        200,
      );
      await fanoutSettled(sql, api.app.get<Queue>(getQueueToken('notifications')), 30_000);
      expect(await perRecipient(sql, `challenge_id = $1 AND type = 'CHALLENGE_PUBLISHED'`, [challengeId])).toEqual(
        ids.map((id) => ({ recipient_id: id, n: 1 })),
      );
      expect(await perRecipient(sql, `challenge_id = $1 AND type = 'ROUND_CLOSED'`, [open.challengeId])).toEqual(
        ids.map((id) => ({ recipient_id: id, n: 1 })),
      );
    } finally {
      await sql.end();
      await api.close();
      await proxy.stop();
    }
  });

  it('a worker killed in the middle of a fan-out: the next one finishes it, nobody missed or repeated', async () => {
    const env = await testEnvironment();
    const sql = await sqlClient(env.DATABASE_URL);
    const blocker = await sqlClient(env.DATABASE_URL);
    let child: ChildProcess | null = null;
    let worker: INestApplicationContext | null = null;
    try {
      const challenge = await createPublishedChallenge(
        sql,
        roundsFromNow([
          [3_600_000, 7_200_000, 'SUBMISSION'],
          [7_200_000, 9_000_000, 'VOTING'],
        ]),
      );
      const followers = 2500; // three chunks
      await sql.query(
        `WITH u AS (INSERT INTO users (email, password_hash, display_name) SELECT 'f' || i || '@ejemplo.mx', 'x', 'F' || i FROM generate_series(1, $1) i RETURNING id)
         INSERT INTO follows (user_id, target_type, target_id) SELECT id, 'CHALLENGE', $2 FROM u`,
        [followers, challenge.challengeId],
      );
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE notifications IN SHARE MODE');
      child = await startWorkerProcess(env);
      await recordEvent(sql, 'round.opened', {
        challengeId: challenge.challengeId,
        roundId: challenge.rounds[0].id,
        position: 1,
        kind: 'SUBMISSION',
      });
      await waitFor(
        'a chunk blocked while storing',
        async () =>
          (
            await sql.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO notifications%'`,
            )
          ).rowCount,
        20_000,
      );
      child.kill('SIGKILL');
      await once(child, 'exit');
      await blocker.query('ROLLBACK');
      expect((await sql.query(`SELECT count(*)::int AS n FROM notifications`)).rows[0].n).toBe(0);

      worker = await createWorker(loadConfig(env));
      await waitFor(
        'every follower notified',
        async () =>
          (await sql.query(`SELECT count(*)::int AS n FROM notifications WHERE type = 'ROUND_OPENED'`)).rows[0].n >=
          followers,
        60_000,
        250,
      );
      const { rows } = await sql.query(
        `SELECT count(*)::int AS total, count(DISTINCT recipient_id)::int AS people FROM notifications WHERE type = 'ROUND_OPENED'`,
      );
      expect(rows[0]).toEqual({ total: followers, people: followers });
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await worker?.close();
      await blocker.end();
      await sql.end();
    }
  });

  it('retries an e-mail the SMTP server refuses with 451 and delivers it exactly once', async () => {
    const smtp = new SmtpSink(2);
    const port = await smtp.start();
    const env = await testEnvironment({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const sql = await sqlClient(env.DATABASE_URL);
    const worker = await createWorker(loadConfig(env));
    try {
      const challenge = await createPublishedChallenge(
        sql,
        roundsFromNow([
          [3_600_000, 7_200_000, 'SUBMISSION'],
          [7_200_000, 9_000_000, 'VOTING'],
        ]),
      );
      const {
        rows: [fan],
      } = await sql.query(
        `INSERT INTO users (email, password_hash, display_name, email_verified_at) VALUES ('correo-smtp@ejemplo.mx', 'x', 'Lectora', now()) RETURNING id`,
      );
      await sql.query(`INSERT INTO follows (user_id, target_type, target_id) VALUES ($1, 'CHALLENGE', $2)`, [
        fan.id,
        challenge.challengeId,
      ]);
      await recordEvent(sql, 'challenge.cancelled', {
        challengeId: challenge.challengeId,
        reason: 'Se canceló por falta de presupuesto.',
      });
      await waitFor('the e-mail delivered after two refusals', async () => smtp.messages.length > 0, 40_000, 100);
      expect(smtp.refusals).toBe(2);
      const mailQueue = worker.get<Queue>(getQueueToken('mail'));
      await fanoutSettled(sql, mailQueue, 20_000);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toMatch(/Subject: Reto cancelado/);
      expect(smtp.messages[0]).toMatch(/List-Unsubscribe:/);
    } finally {
      await worker.close();
      await sql.end();
      await smtp.stop();
    }
  });
});
