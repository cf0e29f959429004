import type pg from 'pg';
import { sqlClient } from '../support/test-database.js';
import { createVotingChallenge } from '../support/voting-fixtures.js';
import { createCitizen, signIn, slugOf, tabTo } from './support/citizen.js';
import { expectAccessible, startWebApp, type WebApp } from './support/web-app.js';

/** A citizen votes in a MULTIPLE round by keyboard, sees the votes left change, and is told why a vote is refused. */
describe('voting in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;
  let slug: string;

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2, showLiveTally: true },
      proposals: 3,
    });
    slug = await slugOf(sql, challenge.challengeId);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('casts and retracts by keyboard, with the votes left always in view and each refusal at its proposal', async () => {
    const citizen = await createCitizen(web.api, sql);
    const { page } = await web.open('/');
    await signIn(page, citizen, `/retos/${slug}/votar`);
    const counter = page.locator('.vote-counter');
    await counter.filter({ hasText: 'Te quedan 2 de 2 votos' }).waitFor();
    await expectAccessible(page, 'voting page loaded');

    await tabTo(page, 'Votar por «Propuesta 1»');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Retirar voto por «Propuesta 1»' }).waitFor();
    await counter.filter({ hasText: 'Te queda 1 de 2 votos' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Tu voto por «Propuesta 1» quedó registrado.' }).waitFor();
    await expectAccessible(page, 'one vote cast');

    await tabTo(page, 'Votar por «Propuesta 2»');
    await page.keyboard.press('Space');
    await counter.filter({ hasText: 'Te quedan 0 de 2 votos' }).waitFor();

    // No votes left: the third button stays reachable and says why, at that proposal.
    await tabTo(page, 'Votar por «Propuesta 3»');
    await page.keyboard.press('Enter');
    const third = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Propuesta 3' }) });
    await third.getByText('Ya usaste todos tus votos; retira uno para votar por esta propuesta.').waitFor();
    await expectAccessible(page, 'vote refused with no votes left');

    await tabTo(page, 'Retirar voto por «Propuesta 1»');
    await page.keyboard.press('Enter');
    await counter.filter({ hasText: 'Te queda 1 de 2 votos' }).waitFor();
    expect(await counter.innerText()).toBe('Te queda 1 de 2 votos');
    const { rows } = await sql.query<{ count: string }>('SELECT count(*) FROM votes WHERE voter_id = $1', [citizen.id]);
    expect(Number(rows[0].count)).toBe(1);
    await expectAccessible(page, 'vote retracted');
  });

  it('explains the server refusal of an unconfirmed e-mail at the proposal, and stores nothing', async () => {
    const unverified = await createCitizen(web.api, sql, { verified: false });
    const { page } = await web.open('/');
    await signIn(page, unverified, `/retos/${slug}/votar`);
    await tabTo(page, 'Votar por «Propuesta 3»');
    await page.keyboard.press('Enter');
    const third = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Propuesta 3' }) });
    await third.getByRole('alert').filter({ hasText: 'Para votar, confirma tu correo' }).waitFor();
    await expectAccessible(page, 'server refusal shown');
    const { rows } = await sql.query<{ count: string }>('SELECT count(*) FROM votes WHERE voter_id = $1', [
      unverified.id,
    ]);
    expect(Number(rows[0].count)).toBe(0);
  });

  it('leads from the challenge page to the voting page, and follows the challenge from there', async () => {
    const citizen = await createCitizen(web.api, sql);
    const { page } = await web.open('/');
    await signIn(page, citizen, `/retos/${slug}`);
    const follow = page.getByRole('button', { name: 'Seguir este reto' });
    await follow.waitFor();
    await expectAccessible(page, 'challenge page in its voting phase');

    await follow.click();
    await page.getByRole('button', { name: 'Dejar de seguir' }).waitFor();
    const { rows } = await sql.query<{ count: string }>(
      `SELECT count(*) FROM follows WHERE user_id = $1 AND target_type = 'CHALLENGE'`,
      [citizen.id],
    );
    expect(Number(rows[0].count)).toBe(1);
    await expectAccessible(page, 'challenge followed');

    await page.getByRole('link', { name: 'Votar', exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/retos/${slug}/votar`);
    await page.locator('.vote-counter').filter({ hasText: 'Te quedan 2 de 2 votos' }).waitFor();
  });
});
