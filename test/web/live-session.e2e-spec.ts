import type pg from 'pg';
import { createUnitWithStaff } from '../support/accounts.js';
import { challengeInput } from '../support/challenge-input.js';
import { ManualClock } from '../support/manual-clock.js';
import { CANCEL, CREATE_CHALLENGE, follow, PUBLISH } from '../support/notifications.js';
import { sqlClient } from '../support/test-database.js';
import { channelSubscribed } from '../support/ws-client.js';
import { createCitizen, signIn } from './support/citizen.js';
import { expectAccessible, startWebApp, type WebApp } from './support/web-app.js';

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * Live updates outlive the 15-minute access token: the API closes a WebSocket whose token expired (4401), and the
 * page renews the session from its cookie and subscribes again, so the bell keeps counting without a reload.
 */
describe('live updates across an expired access token', () => {
  const clock = new ManualClock();
  let web: WebApp;
  let sql: pg.Client;

  beforeAll(async () => {
    web = await startWebApp({ workers: true, clock, env: { WS_SESSION_RECHECK_MS: '200' } });
    sql = await sqlClient(web.api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('renews the session and keeps the bell live after the token the socket opened with expires', async () => {
    const staff = await createUnitWithStaff(web.api);
    const created = await web.api.gql(CREATE_CHALLENGE, { input: challengeInput(staff.unitId) }, staff.admin.token);
    const challengeId = created.data.createChallenge.id as string;
    expect((await web.api.gql(PUBLISH, { id: challengeId }, staff.admin.token)).errors).toBeUndefined();
    const citizen = await createCitizen(web.api, sql);
    await follow(web.api, citizen.accessToken, 'CHALLENGE', challengeId);

    const { page } = await web.open('/');
    await signIn(page, citizen, '/');
    const bell = (name: string) => page.getByRole('banner').getByRole('link', { name, exact: true });
    await bell('Avisos').waitFor();
    await channelSubscribed(web.api.env.REDIS_PREFIX, 'notification', citizen.id);
    await page.evaluate('window.sameDocument = true');

    const reopened = page.waitForEvent('websocket', { timeout: 20_000 });
    clock.set(Date.now() + FIFTEEN_MINUTES + 60_000);
    await reopened;
    await channelSubscribed(web.api.env.REDIS_PREFIX, 'notification', citizen.id);

    const staffToken = await web.api.gql(
      `mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken } }`,
      { email: staff.admin.email, password: staff.admin.password },
    );
    const cancelled = await web.api.gql(
      CANCEL,
      { id: challengeId, reason: 'El presupuesto se reasignó a emergencias.' },
      staffToken.data.login.accessToken as string,
    );
    expect(cancelled.errors).toBeUndefined();
    await bell('Avisos (1 sin leer)').waitFor({ timeout: 30_000 });
    expect(await page.evaluate('window.sameDocument')).toBe(true);
    await expectAccessible(page, 'bell live after the session was renewed');
  });
});
