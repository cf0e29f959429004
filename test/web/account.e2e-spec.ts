import type pg from 'pg';
import { sqlClient } from '../support/test-database.js';
import { createVotingChallenge } from '../support/voting-fixtures.js';
import { createCitizen, signIn, tabTo } from './support/citizen.js';
import { expectAccessible, focusedElement, startWebApp, type WebApp } from './support/web-app.js';

const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { targetId } }`;

/** A citizen edits the account, chooses which notices arrive and by which channel, and stops following a challenge. */
describe('the account pages in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('refuses a bad public name at its field, then saves name, «Anónimo» and residence', async () => {
    const citizen = await createCitizen(web.api, sql);
    const { page } = await web.open('/');
    await signIn(page, citizen, '/cuenta');
    const name = page.getByLabel('Nombre público');
    await name.waitFor();
    await expectAccessible(page, 'account page');

    await name.fill('A');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText('Tu nombre público debe tener de 2 a 80 caracteres.').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedElement(page)).toMatchObject({ tag: 'input', id: 'displayName' });
    await expectAccessible(page, 'name refused at the field');

    await name.fill('Ana de Zapopan');
    await page.getByRole('checkbox', { name: /Aparecer como «Anónimo»/ }).check();
    await page.getByLabel('Entidad').selectOption('14');
    await page.getByLabel('Municipio o alcaldía').locator('option[value="14120"]').waitFor({ state: 'attached' });
    await page.getByLabel('Municipio o alcaldía').selectOption('14120');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('status').filter({ hasText: 'Tus datos se guardaron.' }).waitFor();
    const { rows } = await sql.query(
      'SELECT display_name, anonymous_in_public, state_code, municipality_code FROM users WHERE id = $1',
      [citizen.id],
    );
    expect(rows[0]).toEqual({
      display_name: 'Ana de Zapopan',
      anonymous_in_public: true,
      state_code: '14',
      municipality_code: '14120',
    });
    await expectAccessible(page, 'account saved');
  });

  it('switches a notice off by keyboard, and stops following a challenge', async () => {
    const citizen = await createCitizen(web.api, sql);
    const challenge = await createVotingChallenge(sql, { proposals: 1 });
    const { rows } = await sql.query<{ title: string }>('SELECT title FROM challenges WHERE id = $1', [
      challenge.challengeId,
    ]);
    const follow = await web.api.gql(
      FOLLOW,
      { input: { targetType: 'CHALLENGE', targetId: challenge.challengeId } },
      citizen.accessToken,
    );
    expect(follow.errors).toBeUndefined();

    const { page } = await web.open('/');
    await signIn(page, citizen, '/cuenta/avisos');
    const email = page.getByRole('checkbox', {
      name: 'Se publicaron los resultados de un reto que sigues: por correo',
    });
    await email.waitFor();
    expect(await email.isChecked()).toBe(true);
    await expectAccessible(page, 'notice preferences');
    await tabTo(page, 'Se publicaron los resultados de un reto que sigues: por correo');
    await page.keyboard.press('Space');
    await page.getByRole('status').filter({ hasText: 'ya no llegará por correo' }).waitFor();
    expect(await email.isChecked()).toBe(false);
    const prefs = await sql.query(
      `SELECT enabled FROM notification_preferences WHERE user_id = $1 AND type = 'RESULTS_PUBLISHED' AND channel = 'EMAIL'`,
      [citizen.id],
    );
    expect(prefs.rows).toEqual([{ enabled: false }]);

    await page.getByRole('link', { name: 'Ver lo que sigo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lo que sigo' }).waitFor();
    await page.getByRole('link', { name: rows[0].title }).waitFor();
    await expectAccessible(page, 'follows list');
    await page.getByRole('button', { name: 'Dejar de seguir reto' }).click();
    await page.getByText('Todavía no sigues nada.', { exact: false }).waitFor();
    const left = await sql.query('SELECT count(*)::int AS n FROM follows WHERE user_id = $1', [citizen.id]);
    expect(left.rows[0].n).toBe(0);
    await expectAccessible(page, 'nothing followed');
  });
});
