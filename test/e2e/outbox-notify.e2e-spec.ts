import type pg from 'pg';
import { createTestDatabase, sqlClient } from '../support/test-database.js';

/**
 * Which committed outbox rows wake the relay at once. Vote events do not (issue #17): at commit, NOTIFY takes a lock
 * shared by every notifying transaction and holds it through the WAL flush, which queued each vote of a deadline rush
 * behind the others; the relay's poll picks them up in batches.
 */
describe('the outbox NOTIFY', () => {
  let sql: pg.Client;
  let listener: pg.Client;
  const heard: string[] = [];

  beforeAll(async () => {
    const url = await createTestDatabase();
    [sql, listener] = [await sqlClient(url), await sqlClient(url)];
    listener.on('notification', (message) => heard.push(message.channel));
    await listener.query('LISTEN outbox_events');
  });

  afterAll(async () => {
    await listener?.end();
    await sql?.end();
  });

  const record = (type: string) =>
    sql.query(`INSERT INTO outbox_events (type, payload) VALUES ($1, '{}'::jsonb)`, [type]);
  /** Notifications reach a listener in commit order: once a later commit's one has arrived, an earlier one would have too. */
  const nextNotification = () => new Promise<void>((resolve) => listener.once('notification', () => resolve()));

  it('is sent when a transaction commits other events, once per transaction', async () => {
    const arrived = nextNotification();
    await sql.query('BEGIN');
    await record('challenge.cancelled');
    await record('results.published');
    await sql.query('COMMIT');
    await arrived;
    expect(heard).toEqual(['outbox_events']);
  });

  it('is not sent for vote events (votes.changed), which the poll relays', async () => {
    heard.length = 0;
    await record('votes.changed');
    await record('votes.changed');
    const arrived = nextNotification();
    await record('challenge.cancelled');
    await arrived;
    expect(heard).toEqual(['outbox_events']);
  });
});
