import type pg from 'pg';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { accessTokenFor } from '../support/test-viewer.js';
import { waitFor } from '../support/wait.js';

const RESCHEDULE = `mutation($roundId: ID!, $opensAt: DateTime, $closesAt: DateTime!) {
  rescheduleRound(roundId: $roundId, opensAt: $opensAt, closesAt: $closesAt) { id status opensAt closesAt }
}`;
const CLOSE_NOW = `mutation($roundId: ID!) { closeRoundNow(roundId: $roundId) { id status closedAt } }`;

/**
 * Issue #14: after «Cerrar ronda ahora» the next round may be moved to open from the moment the closed round actually
 * closed (RULES §3), not its planned close, and the clock opens it; the audit and outbox rows come with the change.
 */
describe('opening the next round now after an early close, with workers running', () => {
  let api: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    api = await startTestApp({ workers: true });
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const round = async (id: string) => (await sql.query('SELECT * FROM rounds WHERE id = $1', [id])).rows[0];

  it('refuses to open the next round before the previous one closes, and opens it now once that one was closed early', async () => {
    const challenge = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-1000, 3_600_000, 'SUBMISSION'],
        [3_600_000, 7_200_000, 'VOTING'],
      ]),
    );
    const [first, second] = challenge.rounds;
    const admin = await accessTokenFor(api, challenge.adminId);
    await waitFor('round 1 OPEN', async () => (await round(first.id)).status === 'OPEN');
    const openNow = () =>
      api.gql(
        RESCHEDULE,
        { roundId: second.id, opensAt: new Date().toISOString(), closesAt: second.closesAt.toISOString() },
        admin,
      );

    // While the first round runs, the second cannot open before its planned close.
    const refused = await openNow();
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SCHEDULE',
      fields: [{ path: 'opensAt', message: 'La ronda no puede abrir antes de que cierre la ronda anterior.' }],
    });

    const closed = await api.gql(CLOSE_NOW, { roundId: first.id }, admin);
    expect(closed.errors).toBeUndefined();
    const closedAt = new Date(closed.data.closeRoundNow.closedAt);
    expect(closedAt.getTime()).toBeLessThan(first.closesAt.getTime());

    // Before the actual close: still refused, with the reason at the field.
    const beforeClose = await api.gql(
      RESCHEDULE,
      {
        roundId: second.id,
        opensAt: new Date(closedAt.getTime() - 1).toISOString(),
        closesAt: second.closesAt.toISOString(),
      },
      admin,
    );
    expect(beforeClose.errors?.[0].extensions).toMatchObject({
      reason: 'INVALID_SCHEDULE',
      fields: [
        { path: 'opensAt', message: 'La ronda no puede abrir antes del momento en que se cerró la ronda anterior.' },
      ],
    });

    // Now, long before the first round's planned close: accepted, and the clock opens the round.
    const audited = await sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE challenge_id = $1`, [
      challenge.challengeId,
    ]);
    const accepted = await openNow();
    expect(accepted.errors).toBeUndefined();
    const opensAt = new Date(accepted.data.rescheduleRound.opensAt);
    expect(opensAt.getTime()).toBeGreaterThanOrEqual(closedAt.getTime());
    expect(opensAt.getTime()).toBeLessThan(first.closesAt.getTime());

    const opened = await waitFor('round 2 OPEN', async () => {
      const r = await round(second.id);
      return r.status === 'OPEN' ? r : null;
    });
    expect(opened.opened_at.getTime()).toBeGreaterThanOrEqual(opensAt.getTime());
    expect(opened.opened_at.getTime()).toBeLessThan(first.closesAt.getTime());
    expect(opened.closes_at).toEqual(second.closesAt);

    const { rows: audit } = await sql.query(
      `SELECT action, data FROM audit_events WHERE challenge_id = $1 ORDER BY created_at OFFSET $2`,
      [challenge.challengeId, audited.rows[0].n],
    );
    expect(audit.map((a) => a.action)).toEqual(['round.rescheduled', 'round.opened']);
    expect(audit[0].data.to.opensAt).toBe(opensAt.toISOString());
    expect(audit[0].data.from.opensAt).toBe(second.opensAt.toISOString());
    const { rows: outbox } = await sql.query(
      `SELECT type FROM outbox_events WHERE payload->>'roundId' = $1::text AND type IN ('round.rescheduled', 'round.opened')
       ORDER BY id`,
      [second.id],
    );
    expect(outbox.map((o) => o.type)).toEqual(['round.rescheduled', 'round.opened']);
  });
});
