import { connect, Socket } from 'node:net';
import type pg from 'pg';
import { EXPORT_CONNECTIONS, ExportConnections } from '../../src/modules/open-data/export-connections.js';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { waitFor } from '../support/wait.js';

const HOUR = 3600_000;
/** More stalled readers than the API's 20 pooled connections: enough to freeze it without a pool of their own. */
const STALLED = 24;

/**
 * Issue #15 finding 1: readers that request a big open-data file and stop reading. Downloads stream from a
 * pool of their own, one per address and EXPORT_CONNECTIONS at once (the rest wait ADMISSION_WAIT_MS, then
 * are refused with Retry-After), and a download whose reader stops is ended after its idle timeout (longer
 * than the admission wait, so the refusals below are settled before any place comes back).
 */
describe('resilience: slow open-data readers cannot freeze the API', () => {
  let api: TestApp;
  let sql: pg.Client;
  let path: string;
  const sockets: Socket[] = [];

  /** Sends the request, waits for the head of the response, then stops reading (like a stalled client). */
  const stalledDownload = (address: string) =>
    new Promise<{ socket: Socket; head: string }>((resolve, reject) => {
      const socket = connect(Number(new URL(api.url).port), '127.0.0.1');
      sockets.push(socket);
      socket.on('error', reject);
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: ${address}\r\n\r\n`);
      socket.once('data', (chunk) => {
        socket.pause();
        resolve({ socket, head: chunk.toString('latin1').split('\r\n\r\n')[0] });
      });
    });

  beforeAll(async () => {
    api = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    sql = await sqlClient(api.env.DATABASE_URL);
    const { challengeId } = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [HOUR, 2 * HOUR, 'SUBMISSION'],
        [2 * HOUR, 3 * HOUR, 'VOTING'],
      ]),
    );
    // About 25 MB of CSV: far more than the socket buffers between a stalled reader and the server.
    await sql.query(
      `INSERT INTO audit_events (challenge_id, action, summary)
       SELECT $1, 'test.padding', repeat('x', 150) || n FROM generate_series(1, 150000) n`,
      [challengeId],
    );
    path = `/open-data/challenges/${challengeId}/audit-events.csv`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await sql.end();
    await api.close();
  });

  it('streams a few, refuses the rest after a bounded wait, keeps GraphQL answering, and ends stalled downloads', async () => {
    const downloads = await Promise.all(Array.from({ length: STALLED }, (_, i) => stalledDownload(`10.60.0.${i + 1}`)));
    const statuses = downloads.map((d) => Number(/^HTTP\/1\.1 (\d+)/.exec(d.head)?.[1]));
    expect(statuses.filter((s) => s === 200)).toHaveLength(EXPORT_CONNECTIONS);
    expect(statuses.filter((s) => s === 503)).toHaveLength(STALLED - EXPORT_CONNECTIONS);
    for (const d of downloads.filter((_, i) => statuses[i] === 503)) expect(d.head).toMatch(/^retry-after: 30$/im);

    // One address, one download at a time.
    const streaming = downloads.findIndex((_, i) => statuses[i] === 200);
    const second = await fetch(`${api.url}${path}`, { headers: { 'x-forwarded-for': `10.60.0.${streaming + 1}` } });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('30');
    expect(((await second.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/descarga en curso/);

    // The API's own pool is untouched: reads and writes answer.
    const answer = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ states { code } }' }),
      signal: AbortSignal.timeout(20_000),
    });
    expect(((await answer.json()) as { data: { states: unknown[] } }).data.states).toHaveLength(32);
    const ready = await fetch(`${api.url}/health/ready`, { signal: AbortSignal.timeout(20_000) });
    expect(ready.status).toBe(200);

    // The stalled downloads are ended by the idle timeout, and their places come back.
    const connections = api.app.get(ExportConnections);
    await waitFor(
      'the idle timeout to end the stalled downloads',
      async () => connections.downloading === 0,
      60_000,
      250,
    );
    const whole = await fetch(`${api.url}${path}`, { headers: { 'x-forwarded-for': '10.60.1.1' } });
    expect(whole.status).toBe(200);
    const text = await whole.text();
    expect(text.split('\n').length).toBeGreaterThan(150_000);
  }, 150_000); // two waits by design: the admission wait, then the idle timeout of the stalled readers
});
