// Citizens for the browser journeys of voting, ballots, results and the account pages: registered through the API
// (verified by SQL, as opening the e-mail link would), then signed in through the sign-in page.
import type pg from 'pg';
import type { Page } from 'playwright-core';
import { registerAndLogin, type TestAccount } from '../../support/identity.js';
import type { TestApp } from '../../support/test-app.js';

export async function createCitizen(
  api: TestApp,
  sql: pg.Client,
  options: { verified?: boolean; displayName?: string } = {},
): Promise<TestAccount> {
  const account = await registerAndLogin(api, { displayName: options.displayName ?? 'Ciudadana de Prueba' });
  if (options.verified ?? true)
    await sql.query('UPDATE users SET email_verified_at = now() WHERE id = $1', [account.id]);
  return account;
}

/** Signs in through the page and lands on `path` (the sign-in page's return parameter). */
export async function signIn(
  page: Page,
  account: Pick<TestAccount, 'email' | 'password'>,
  path: string,
): Promise<void> {
  await page.goto(`/entrar?volver=${encodeURIComponent(path)}`);
  await page.getByLabel('Correo electrónico').fill(account.email);
  await page.getByLabel('Contraseña').fill(account.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

/** The slug of a challenge created by the SQL factories. */
export async function slugOf(sql: pg.Client, challengeId: string): Promise<string> {
  const { rows } = await sql.query<{ slug: string }>('SELECT slug FROM challenges WHERE id = $1', [challengeId]);
  return rows[0].slug;
}

/** The focused element's name as a person hears it: its label, aria-label or text. */
function focusedName(page: Page): Promise<string> {
  // Page source as a string: this project's tests compile without the DOM library.
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return '';
    const labelled = el.id ? document.querySelector('label[for="' + el.id + '"]') : null;
    return (labelled?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  })()`);
}

/**
 * Presses Tab (then, if not found, Shift+Tab) until the focused control's name matches, as a keyboard user reaches
 * it; fails when it is not reached within `limit` presses each way.
 */
export async function tabTo(page: Page, name: RegExp | string, limit = 60): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press(key);
      if (matches(await focusedName(page))) return;
    }
  }
  throw new Error(`no se llegó con el teclado a ${String(name)}`);
}
