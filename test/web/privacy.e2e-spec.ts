import type pg from 'pg';
import { LOGIN } from '../support/identity.js';
import { sqlClient } from '../support/test-database.js';
import { createCitizen, signIn } from './support/citizen.js';
import { expectAccessible, focusedElement, startWebApp, type WebApp } from './support/web-app.js';

/** Issue #16, ARCO rights in the browser: the privacy notice, "download my data" and "delete my account". */
describe('privacy in the browser', () => {
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

  it('links the privacy notice from every page footer', async () => {
    const { page } = await web.open('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Aviso de privacidad' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aviso de privacidad' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tus derechos ARCO' }).waitFor();
    await expectAccessible(page, 'privacy notice');
  });

  it('requests my data, refuses a wrong password at its field, then deletes the account and signs out', async () => {
    const citizen = await createCitizen(web.api, sql, { displayName: 'Persona que se va' });
    const { page } = await web.open('/');
    await signIn(page, citizen, '/cuenta');
    const download = page.getByRole('button', { name: 'Descargar mis datos' });
    await download.waitFor();
    await expectAccessible(page, 'account page with the data section');

    await download.click();
    await page
      .getByRole('status')
      .filter({ hasText: 'en unos minutos te llegará un correo con el enlace para descargar tus datos' })
      .waitFor();
    const { rows: exports } = await sql.query('SELECT count(*)::int AS n FROM data_exports WHERE user_id = $1', [
      citizen.id,
    ]);
    expect(exports[0].n).toBe(1);
    await expectAccessible(page, 'export requested');

    await page.getByRole('button', { name: 'Eliminar mi cuenta', exact: true }).click();
    const password = page.getByLabel('Contraseña actual');
    await password.waitFor();
    await expectAccessible(page, 'delete form open');

    await password.fill('no-es-mi-contraseña');
    await page.getByRole('button', { name: 'Eliminar mi cuenta para siempre' }).click();
    await page.getByText('La contraseña no es correcta.').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedElement(page)).toMatchObject({ tag: 'input', id: 'password' });
    const { rows: still } = await sql.query('SELECT display_name FROM users WHERE id = $1', [citizen.id]);
    expect(still[0].display_name).toBe('Persona que se va');
    await expectAccessible(page, 'wrong password refused at the field');

    await password.fill(citizen.password);
    await page.getByRole('button', { name: 'Eliminar mi cuenta para siempre' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('status').filter({ hasText: 'Eliminamos tu cuenta y tus datos personales.' }).waitFor();
    await page.getByRole('link', { name: 'Iniciar sesión' }).waitFor();
    await expectAccessible(page, 'signed out after deletion');

    const { rows: gone } = await sql.query('SELECT display_name, deleted_at FROM users WHERE id = $1', [citizen.id]);
    expect(gone[0].display_name).toBe('Cuenta eliminada');
    expect(gone[0].deleted_at).not.toBeNull();
    const login = await web.api.gql(LOGIN, { input: { email: citizen.email, password: citizen.password } });
    expect(login.errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');

    await page.goto(`/entrar?volver=${encodeURIComponent('/cuenta')}`);
    await page.getByLabel('Correo electrónico').fill(citizen.email);
    await page.getByLabel('Contraseña').fill(citizen.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Correo o contraseña incorrectos.').waitFor();
    await expectAccessible(page, 'sign-in refused for the deleted account');
  });
});
