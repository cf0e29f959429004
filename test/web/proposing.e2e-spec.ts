import type pg from 'pg';
import { signUp } from '../support/accounts.js';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { sqlClient } from '../support/test-database.js';
import { expectAccessible, focusedElement, startWebApp, type WebApp } from './support/web-app.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('a citizen proposes from the challenge page', () => {
  let web: WebApp;
  let sql: pg.Client;
  let slug: string;

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
    const created = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-HOUR, 3 * DAY, 'SUBMISSION'],
        [3 * DAY, 6 * DAY, 'VOTING'],
      ]),
    );
    // What the round clock does when the first round's opening time passes.
    await sql.query(`UPDATE rounds SET status = 'OPEN', opened_at = now() WHERE id = $1`, [created.rounds[0].id]);
    ({
      rows: [{ slug }],
    } = await sql.query<{ slug: string }>('SELECT slug FROM challenges WHERE id = $1', [created.challengeId]));
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('signs in from the call to action, reviews, sees the API refusal at the field, fixes it and sends', async () => {
    const account = await signUp(web.api, { displayName: 'Rosa Medina' });
    const { page } = await web.open(`/retos/${slug}`);
    await page.getByRole('link', { name: 'Inicia sesión para proponer' }).click();
    await page.getByLabel('Correo electrónico').fill(account.email);
    await page.getByLabel('Contraseña').fill(account.password);
    await page.getByRole('button', { name: 'Entrar' }).click();

    // Back where the person wanted to go.
    await page.getByRole('heading', { level: 1, name: 'Nueva propuesta' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/retos/${slug}/proponer`);
    await expectAccessible(page, 'proposal form');

    await page.getByLabel('Título').fill('Poco');
    await page.getByLabel('Resumen').fill('Bebederos con filtro en cada escuela primaria.');
    await page.getByLabel('Propuesta completa').fill('Instalar bebederos con filtro y darles mantenimiento cada mes.');
    // Two steps: review what others will see, then send; the API's refusal brings the form back.
    await page.getByRole('button', { name: 'Revisar propuesta' }).click();
    await page.getByRole('heading', { level: 2, name: 'Paso 2 de 2: revisa y envía' }).waitFor();
    await page.getByRole('button', { name: 'Enviar propuesta' }).click();

    // The API's Spanish message, at the field, announced and focused.
    await page.locator('#title[aria-invalid="true"]').waitFor();
    expect(await focusedElement(page)).toMatchObject({ id: 'title' });
    expect((await page.getByLabel('Título').getAttribute('aria-describedby'))?.split(' ')).toContain('title-error');
    expect(await page.locator('#title-error').innerText()).toMatch(/título/i);
    expect(await page.locator('#summary').getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(page, 'proposal refused at the title');

    await page.getByLabel('Título').fill('Bebederos en escuelas');
    await page.getByRole('button', { name: 'Revisar propuesta' }).click();
    await page.getByRole('button', { name: 'Enviar propuesta' }).click();
    await page.getByRole('heading', { level: 2, name: /Propuestas \(1\)/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Bebederos en escuelas' }).waitFor();
    await page.getByText('por Rosa Medina').waitFor();
    await expectAccessible(page, 'challenge with the new proposal');

    const { rows } = await sql.query<{ status: string }>('SELECT status FROM proposals');
    expect(rows).toEqual([{ status: 'SUBMITTED' }]);
  });
});
