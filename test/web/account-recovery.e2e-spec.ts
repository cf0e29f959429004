import type pg from 'pg';
import type { Page } from 'playwright-core';
import { signUp } from '../support/accounts.js';
import { readMail, type ReadMail } from '../support/mail.js';
import { sqlClient } from '../support/test-database.js';
import { createCitizen, signIn, tabTo } from './support/citizen.js';
import {
  expectAccessible,
  focusedElement,
  overflowsHorizontally,
  startWebApp,
  type WebApp,
} from './support/web-app.js';

const VERIFY_CURP = `mutation($curp: String!) { verifyCurp(curp: $curp) { curpVerified } }`;

/** Confirming the e-mail from its link, a forgotten password and the CURP, as a citizen does them in the browser. */
describe('the account recovery pages in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;

  beforeAll(async () => {
    // The mail queue's worker writes the e-mails to MAIL_DIR.
    web = await startWebApp({ workers: true });
    sql = await sqlClient(web.api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  /**
   * The path of the e-mail's link to `path`, after checking that the link points at PUBLIC_URL. The test opens
   * it on the test app: the API listens on a port chosen after its configuration (and PUBLIC_URL) was loaded.
   */
  function linkPath(mail: ReadMail, path: string): string {
    const found = new RegExp(`(https?://[^\\s"<>]+)(/${path}\\?token=[A-Za-z0-9_-]{43})`).exec(mail.decoded);
    if (!found) throw new Error(`El correo no tiene un enlace a /${path}`);
    expect(found[1]).toBe(web.api.config.http.publicUrl);
    return found[2];
  }

  const mailTo = (email: string, linkTo: string) =>
    readMail(web.api.env.MAIL_DIR, email, (mail) => mail.decoded.includes(`/${linkTo}?token=`), 30_000);

  async function emailVerifiedAt(email: string): Promise<Date | null> {
    const { rows } = await sql.query('SELECT email_verified_at FROM users WHERE lower(email) = lower($1)', [email]);
    return rows[0].email_verified_at;
  }

  async function expectFocusOn(page: Page, text: string): Promise<void> {
    await page.locator(':focus', { hasText: text }).waitFor();
    expect((await focusedElement(page)).text).toContain(text);
  }

  it('registers, asks for another e-mail, the old link is refused, the new one confirms the address', async () => {
    const email = `registro-${Date.now()}@ejemplo.mx`;
    const { page } = await web.open('/registro');
    await page.getByLabel('Nombre para mostrar').fill('Valeria Soto');
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill('una-contraseña-larga');
    await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confirmar tu correo' }).waitFor();
    await page.getByText(`Te enviamos un correo a ${email}. Abre el enlace`).waitFor();
    await page.getByRole('status').filter({ hasText: 'abre su enlace para confirmar tu dirección' }).waitFor();
    await expectAccessible(page, 'registered, asked to open the e-mail');
    const firstLink = linkPath(await mailTo(email, 'verificar-correo'), 'verificar-correo');

    await page.getByRole('button', { name: 'Enviarme otro correo' }).click();
    await page.getByRole('status').filter({ hasText: 'Te enviamos un correo nuevo.' }).waitFor();
    const secondLink = linkPath(await mailTo(email, 'verificar-correo'), 'verificar-correo');
    await expectAccessible(page, 'verification e-mail sent again');

    await page.goto(firstLink);
    const refused = 'Este enlace para confirmar tu correo no sirve';
    await expectFocusOn(page, refused);
    await page.getByRole('status').filter({ hasText: refused }).waitFor();
    await page.getByRole('button', { name: 'Enviarme otro correo' }).waitFor();
    expect(await emailVerifiedAt(email)).toBeNull();
    await expectAccessible(page, 'old link refused');

    await page.goto(secondLink);
    await expectFocusOn(page, 'Listo: confirmamos tu correo.');
    await page.getByRole('status').filter({ hasText: 'Listo: confirmamos tu correo.' }).waitFor();
    expect(await emailVerifiedAt(email)).toBeInstanceOf(Date);
    await expectAccessible(page, 'e-mail confirmed');

    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByRole('link', { name: 'Iniciar sesión' }).first().waitFor();
    await page.goto('/entrar');
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña').fill('una-contraseña-larga');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Sesión de Valeria Soto').waitFor();
    await page.goto('/cuenta');
    await page.getByText(`${email} (confirmado)`).waitFor();
    await expectAccessible(page, 'signed in again, e-mail confirmed');
  });

  it('a made-up link is refused in Spanish and, signed out, leads to sign in for a new e-mail', async () => {
    const { page } = await web.open(`/verificar-correo?token=${'x'.repeat(43)}`);
    await expectFocusOn(page, 'Este enlace para confirmar tu correo no sirve');
    await page.getByRole('link', { name: 'Inicia sesión para pedir un correo nuevo' }).waitFor();
    await expectAccessible(page, 'made-up link refused');

    await page.goto('/restablecer-contrasena?token=no-sirve');
    await page.getByLabel('Contraseña nueva', { exact: true }).fill('otra-contraseña-larga');
    await page.getByLabel('Escribe otra vez la contraseña nueva').fill('otra-contraseña-larga');
    await page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await page.getByRole('alert').filter({ hasText: 'Este enlace para cambiar la contraseña no sirve' }).waitFor();
    await page.getByRole('link', { name: 'Pedir un enlace nuevo' }).waitFor();
    await expectAccessible(page, 'made-up reset link refused');
  });

  it('forgotten password on a phone, by keyboard: same answer for any address, new password, old one refused', async () => {
    const account = await signUp(web.api, { displayName: 'Olga Olvido' });
    const { page } = await web.open('/entrar', { phone: true });
    await page.getByRole('link', { name: '¿Olvidaste tu contraseña?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Olvidé mi contraseña' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'forgot-password form on a phone');

    const ask = async (email: string) => {
      await tabTo(page, 'Correo electrónico');
      await page.keyboard.type(email);
      await page.keyboard.press('Enter');
    };
    await ask('no-es-un-correo');
    await page.locator('#email-error').filter({ hasText: 'El correo no es válido.' }).waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'input', id: 'email' });
    await expectAccessible(page, 'bad address at its field');

    const neutral = 'Si la dirección tiene una cuenta, te enviamos un enlace';
    await page.getByLabel('Correo electrónico').fill('');
    await ask('nadie-aqui@ejemplo.mx');
    await expectFocusOn(page, neutral);
    const unknownAnswer = (await focusedElement(page)).text;
    await page.goto('/olvide-mi-contrasena');
    await page.getByRole('heading', { level: 1, name: 'Olvidé mi contraseña' }).waitFor();
    await ask(account.email);
    await expectFocusOn(page, neutral);
    expect((await focusedElement(page)).text).toBe(unknownAnswer);
    await page.getByRole('status').filter({ hasText: neutral }).waitFor();
    await expectAccessible(page, 'neutral confirmation');

    const resetLink = linkPath(await mailTo(account.email, 'restablecer-contrasena'), 'restablecer-contrasena');
    await page.goto(resetLink);
    await page.getByRole('heading', { level: 1, name: 'Elegir una contraseña nueva' }).waitFor();
    await expectAccessible(page, 'new-password form');
    await tabTo(page, 'Contraseña nueva');
    await page.keyboard.type('otra-contraseña-larga');
    await page.keyboard.press('Tab');
    await page.keyboard.type('otra-contraseña-largo');
    await page.keyboard.press('Enter');
    await page.locator('#confirmation-error').filter({ hasText: 'Las dos contraseñas no coinciden.' }).waitFor();
    expect(await focusedElement(page)).toMatchObject({ id: 'confirmation' });
    await expectAccessible(page, 'confirmation differs');

    await page.getByLabel('Contraseña nueva', { exact: true }).fill('corta');
    await page.getByLabel('Escribe otra vez la contraseña nueva').fill('corta');
    await page.keyboard.press('Enter');
    await page.locator('#newPassword-error').filter({ hasText: 'entre 10 y 200 caracteres' }).waitFor();
    expect(await focusedElement(page)).toMatchObject({ id: 'newPassword' });
    await expectAccessible(page, 'too short for the server');

    await page.getByLabel('Contraseña nueva', { exact: true }).fill('otra-contraseña-larga');
    await page.getByLabel('Escribe otra vez la contraseña nueva').fill('otra-contraseña-larga');
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'Listo: cambiamos tu contraseña.');
    await expectAccessible(page, 'password changed');

    await page.getByRole('link', { name: 'Iniciar sesión' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(account.email);
    await page.getByLabel('Contraseña').fill(account.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('alert').filter({ hasText: 'Correo o contraseña incorrectos.' }).waitFor();
    await expectAccessible(page, 'old password refused');
    await page.getByLabel('Contraseña').fill('otra-contraseña-larga');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Sesión de Olga Olvido').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'signed in with the new password');

    await page.goto(resetLink);
    await page.getByLabel('Contraseña nueva', { exact: true }).fill('una-tercera-contraseña');
    await page.getByLabel('Escribe otra vez la contraseña nueva').fill('una-tercera-contraseña');
    await page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await expectFocusOn(page, 'Este enlace para cambiar la contraseña no sirve');
    await expectAccessible(page, 'used link refused');
  });

  it('verifies the CURP: wrong ones refused at the field and nothing stored, then a good one, pasted', async () => {
    const citizen = await createCitizen(web.api, sql, { displayName: 'Carmen Curp' });
    const other = await createCitizen(web.api, sql);
    const taken = await web.api.gql(VERIFY_CURP, { curp: 'BEML920313HMCLNS09' }, other.accessToken);
    expect(taken.errors).toBeUndefined();
    const storedHash = async () =>
      (await sql.query('SELECT curp_hash FROM users WHERE id = $1', [citizen.id])).rows[0].curp_hash as
        string | Buffer | null;

    const { page } = await web.open('/');
    await signIn(page, citizen, '/cuenta');
    await page.getByRole('link', { name: 'Verificar mi CURP' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verificar tu CURP' }).waitFor();
    await page.getByText('No guardamos tu CURP.').waitFor();
    await expectAccessible(page, 'CURP form');
    const field = page.getByLabel('CURP', { exact: true });
    const submit = page.getByRole('button', { name: 'Verificar mi CURP' });

    await field.fill('sabc560626');
    await submit.click();
    await page.locator('#curp-error').filter({ hasText: 'La CURP tiene 18 caracteres; escribiste 10.' }).waitFor();
    await expectAccessible(page, 'too short, caught in the browser');

    // Right shape, wrong check digit: only the server can tell.
    await field.fill('sabc560626mdflrn09');
    await submit.click();
    await page.locator('#curp-error').filter({ hasText: 'El dígito verificador de la CURP no coincide.' }).waitFor();
    expect(await field.inputValue()).toBe('SABC560626MDFLRN09');
    expect(await focusedElement(page)).toMatchObject({ id: 'curp' });
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await storedHash()).toBeNull();
    await expectAccessible(page, 'check digit refused at the field');

    await field.fill('BEML920313HMCLNS09');
    await submit.click();
    await page.locator('#curp-error').filter({ hasText: 'Esa CURP ya está registrada en otra cuenta.' }).waitFor();
    expect(await storedHash()).toBeNull();
    await expectAccessible(page, 'CURP of another account refused at the field');

    await field.fill('');
    await field.focus();
    await page.keyboard.insertText('sabc 560626 mdflrn01');
    await submit.click();
    await expectFocusOn(page, 'Listo: verificamos tu CURP.');
    await page.getByRole('status').filter({ hasText: 'Listo: verificamos tu CURP.' }).waitFor();
    const hash = await storedHash();
    expect(hash).not.toBeNull();
    const { rows } = await sql.query('SELECT row_to_json(u)::text AS row FROM users u WHERE id = $1', [citizen.id]);
    expect(rows[0].row).not.toMatch(/SABC560626MDFLRN01/i);
    await expectAccessible(page, 'CURP verified');

    await page.getByRole('link', { name: 'Volver a Tu cuenta' }).click();
    await page.getByText('Verificada (nunca se muestra ni se publica)').waitFor();
    await expectAccessible(page, 'account shows the CURP verified');
  });
});
