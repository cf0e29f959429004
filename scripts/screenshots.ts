// npm run screenshots — the README's pictures of the officials' and jurors' pages, taken from a running app with
// the demo data (`SEED_DEMO=true npm start`): the challenge form, the moderation queue and the scoring page.
// APP_URL (default http://localhost:3000) points at it; the PNGs go to docs/img/.
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/seed/demo-seed.js';

const APP_URL = process.env.APP_URL ?? 'http://localhost:3000';
const OUT = new URL('../docs/img/', import.meta.url);

async function signIn(page: Page, email: string, path: string): Promise<void> {
  await page.goto(`${APP_URL}/entrar?volver=${encodeURIComponent(path)}`);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, OUT).pathname });
  console.log(`docs/img/${name}.png`);
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  headless: true,
});
try {
  const viewport = { width: 1100, height: 900 };
  const official = await (await browser.newContext({ viewport, locale: 'es-MX' })).newPage();
  await signIn(official, DEMO_ACCOUNTS.official, '/mi-unidad/nuevo-reto');
  await official.getByRole('heading', { level: 1 }).waitFor();
  await official.getByLabel('Título').fill('Movilidad segura en el centro histórico');
  await shoot(official, 'challenge-form');

  await official.goto(`${APP_URL}/mi-unidad`);
  await official.locator('.card h4 a').first().waitFor();
  await official.locator('.card h4 a').first().click();
  const moderation = official.getByRole('heading', { name: /^Moderación/ });
  await moderation.waitFor();
  await official
    .locator('section', { has: moderation })
    .last()
    .screenshot({ path: new URL('moderation.png', OUT).pathname });
  console.log('docs/img/moderation.png');

  const juror = await (await browser.newContext({ viewport: { width: 400, height: 860 }, locale: 'es-MX' })).newPage();
  await signIn(juror, DEMO_ACCOUNTS.juror, '/evaluaciones');
  const first = juror.locator('main a[href^="/evaluaciones/"]').first();
  await first.waitFor();
  await first.click();
  await juror.getByRole('button', { name: /Guardar/ }).waitFor();
  await juror.getByRole('radio').nth(7).check();
  await juror
    .locator('form')
    .first()
    .screenshot({ path: new URL('scoring.png', OUT).pathname });
  console.log('docs/img/scoring.png');
} finally {
  await browser.close();
}
