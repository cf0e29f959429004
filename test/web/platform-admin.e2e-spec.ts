// A platform admin creates a municipal unit from the INEGI catalogue and makes a citizen its ADMIN by e-mail;
// a citizen opening /admin is told there is no access. SQL confirms; axe after every state.
import type pg from 'pg';
import type { Page } from 'playwright-core';
import { signUp } from '../support/accounts.js';
import { sqlClient } from '../support/test-database.js';
import { expectAccessible, focusedElement, startWebApp, type WebApp } from './support/web-app.js';

async function signIn(page: Page, account: { email: string; password: string }, path: string): Promise<void> {
  await page.goto(`/entrar?volver=${encodeURIComponent(path)}`);
  await page.getByLabel('Correo electrónico').fill(account.email);
  await page.getByLabel('Contraseña').fill(account.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

describe('platform administration', () => {
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

  it('creates a municipal unit and makes a citizen its ADMIN', async () => {
    const admin = await signUp(web.api, { role: 'ADMIN', displayName: 'Administración' });
    const citizen = await signUp(web.api, { displayName: 'Lucía Herrera' });
    const { page } = await web.open('/');
    await signIn(page, admin, '/admin');
    await page.getByRole('heading', { level: 1, name: 'Administración de la plataforma' }).waitFor();
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Administración' }).waitFor();
    await expectAccessible(page, 'admin page');

    await page.getByLabel('Nombre oficial').fill('Ayuntamiento de Puebla');
    await page.getByLabel('Orden de gobierno').selectOption('MUNICIPAL');
    await page.getByLabel('Entidad federativa').selectOption({ label: 'Puebla' });
    await page
      .getByLabel('Municipio o alcaldía')
      .locator('option', { hasText: 'Puebla' })
      .first()
      .waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Crear la unidad' }).click();
    // No municipality chosen: a Spanish error at the field, and nothing created.
    await page.locator('#municipalityCode-error').waitFor();
    expect(await focusedElement(page)).toMatchObject({ id: 'municipalityCode' });
    await expectAccessible(page, 'municipality missing');
    expect((await sql.query('SELECT count(*)::int AS n FROM government_units')).rows).toEqual([{ n: 0 }]);

    await page.getByLabel('Municipio o alcaldía').selectOption('21114');
    await page.getByRole('button', { name: 'Crear la unidad' }).click();
    await page.getByRole('main').getByText('Se creó la unidad «Ayuntamiento de Puebla».').waitFor();
    await expectAccessible(page, 'unit created');
    const {
      rows: [unit],
    } = await sql.query<{ id: string; level: string; state_code: string; municipality_code: string }>(
      'SELECT id, level, state_code, municipality_code FROM government_units',
    );
    expect(unit).toMatchObject({ level: 'MUNICIPAL', state_code: '21', municipality_code: '21114' });

    // The new unit is chosen for the next step.
    await page.locator(`#unitId option[value="${unit.id}"]`).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Unidad', { exact: true }).inputValue()).toBe(unit.id);
    await page.getByLabel('Correo electrónico de la persona').fill(citizen.email);
    await page.getByLabel('Papel en la unidad').selectOption('ADMIN');
    await page.getByRole('button', { name: 'Dar el papel' }).click();
    await page
      .getByRole('main')
      .getByText('Lucía Herrera ahora tiene el papel «Administración» en «Ayuntamiento de Puebla».')
      .waitFor();
    await expectAccessible(page, 'role given');
    const { rows } = await sql.query('SELECT user_id, role FROM unit_memberships WHERE unit_id = $1', [unit.id]);
    expect(rows).toEqual([{ user_id: citizen.id, role: 'ADMIN' }]);

    // Platform roles: find the account by its e-mail, then change its role.
    await page.getByLabel('Correo de la cuenta', { exact: true }).fill('nadie@ejemplo.mx');
    await page.getByRole('button', { name: 'Buscar la cuenta' }).click();
    await page.locator('[id="account-email-error"]').getByText('No hay ninguna cuenta con ese correo.').waitFor();
    await expectAccessible(page, 'account not found');
    await page.getByLabel('Correo de la cuenta', { exact: true }).fill(citizen.email.toUpperCase());
    await page.getByRole('button', { name: 'Buscar la cuenta' }).click();
    await page.getByRole('main').getByText(`Lucía Herrera (${citizen.email}): Ciudadanía.`).waitFor();
    await page.getByLabel('Nuevo rol en la plataforma').selectOption('MODERATOR');
    await page.getByRole('button', { name: 'Cambiar el rol' }).click();
    await page.getByRole('main').getByText('Lucía Herrera ahora tiene el rol «Moderación».').waitFor();
    await expectAccessible(page, 'platform role changed');
    const { rows: roles } = await sql.query('SELECT platform_role FROM users WHERE id = $1', [citizen.id]);
    expect(roles).toEqual([{ platform_role: 'MODERATOR' }]);
  }, 180_000);

  it('answers accountByEmail only to platform admins', async () => {
    const citizen = await signUp(web.api, { displayName: 'Curiosa' });
    const admin = await signUp(web.api, { role: 'ADMIN' });
    const query = 'query ($email: String!) { accountByEmail(email: $email) { id displayName platformRole } }';
    const refused = await web.api.gql(query, { email: admin.email }, citizen.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.accountByEmail ?? null).toBeNull();
    const found = await web.api.gql(query, { email: citizen.email }, admin.token);
    expect(found.data.accountByEmail).toEqual({ id: citizen.id, displayName: 'Curiosa', platformRole: 'CITIZEN' });
  });

  it('tells a citizen there is no access', async () => {
    const citizen = await signUp(web.api, { displayName: 'Pedro Ruiz' });
    const { page } = await web.open('/');
    await signIn(page, citizen, '/admin');
    await page.getByRole('heading', { level: 1, name: 'No tienes acceso' }).waitFor();
    expect(await page.getByRole('button', { name: 'Crear la unidad' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Administración' }).count()).toBe(0);
    await expectAccessible(page, 'no access');
  }, 120_000);
});
