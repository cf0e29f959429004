import type pg from 'pg';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { sqlClient } from '../support/test-database.js';
import { expectAccessible, startWebApp, type WebApp } from './support/web-app.js';

const DAY = 24 * 3600_000;

/** Issue #13: losing the connection is said in Spanish, and the app recovers when it comes back, without reloading. */
describe('the app without a connection', () => {
  let web: WebApp;
  let sql: pg.Client;
  let title: string;

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
    const created = await createPublishedChallenge(sql, roundsFromNow([[-DAY, 3 * DAY, 'SUBMISSION']]));
    const { rows } = await sql.query<{ title: string }>('SELECT title FROM challenges WHERE id = $1', [
      created.challengeId,
    ]);
    title = rows[0].title;
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('says «Sin conexión», shows the offline page for a page it cannot load, and recovers on its own', async () => {
    const { context, page } = await web.open('/');
    const card = page.getByRole('link', { name: title });
    await card.waitFor();
    // Set before going offline: still there after recovery means the page was never reloaded.
    await page.evaluate('window.notReloaded = true');
    const notice = page.getByRole('status').filter({ hasText: 'Sin conexión' });
    expect(await notice.count()).toBe(0);

    await context.setOffline(true);
    await notice.waitFor();
    expect(await notice.textContent()).toBe('Sin conexión a internet. La página se pondrá al día sola cuando vuelva.');
    await expectAccessible(page, 'offline notice');

    // A page whose query cannot reach the server: the offline page, not a generic error.
    await card.click();
    await page.getByRole('heading', { level: 1, name: 'Sin conexión' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'no hay conexión a internet' }).waitFor();
    expect(await page.getByText('Ocurrió un error').count()).toBe(0);
    await expectAccessible(page, 'offline page');

    await context.setOffline(false);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Volvió la conexión.' }).waitFor();
    expect(await notice.count()).toBe(0);
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    await expectAccessible(page, 'back online, challenge loaded');
  });
});
