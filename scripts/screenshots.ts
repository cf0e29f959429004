// npm run screenshots — the README's pictures, taken from a running app with the demo data
// (`SEED_DEMO=true npm start`): the citizens' pages on a 360 px phone and on a desktop (challenges, a challenge,
// voting, the budget ballot, results, open data), and the officials' and jurors' pages (the challenge form, the
// moderation queue and the scoring page). `npm run screenshots -- citizens` (or `officials`) takes one set only.
// APP_URL (default http://localhost:3000) points at it; the PNGs go to docs/img/.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
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

/** Demo challenges (src/seed/demo-seed.ts) in the phase each picture needs. */
const VOTING = 'agua-potable-para-todas-las-colonias-de-zapopan';
const BALLOT = 'presupuesto-participativo-para-parques-de-puebla';
const RESULTS = 'presupuesto-participativo-de-zapopan-2026';

/** A demo citizen the seed leaves without votes (every fifth one abstains), so the pages show votes to cast. */
const VOTER = 'ciudadana5@demo.retos.mx';

const VIEWPORTS = { phone: { width: 360, height: 740 }, desktop: { width: 1100, height: 820 } } as const;

/** What a citizen sees, signed in as the demo citizen: the first screen of each page, phone and desktop. */
async function citizens(browser: Browser): Promise<void> {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ viewport, locale: 'es-MX', timezoneId: 'America/Mexico_City' });
    const page = await context.newPage();
    const h1 = () => page.getByRole('heading', { level: 1 }).waitFor();

    await page.goto(`${APP_URL}/`);
    await page.locator('.card').first().waitFor();
    // On a phone the filters fill the first screen: the picture starts at the list.
    if (device === 'phone')
      await page.getByRole('heading', { level: 2, name: /retos$/ }).evaluate('(element) => element.scrollIntoView()');
    await shoot(page, `citizen-challenges-${device}`);

    await page.goto(`${APP_URL}/retos/${VOTING}`);
    await page.getByRole('heading', { level: 2, name: 'Propuestas' }).first().waitFor();
    await shoot(page, `citizen-challenge-${device}`);

    await signIn(page, VOTER, `/retos/${VOTING}/votar`);
    await page.getByRole('button', { name: /Votar/ }).first().waitFor();
    await shoot(page, `citizen-voting-${device}`);

    await page.goto(`${APP_URL}/retos/${BALLOT}/boleta`);
    const projects = page.getByRole('checkbox');
    await projects.first().waitFor();
    if (!(await projects.nth(0).isChecked())) await projects.nth(0).check();
    if (!(await projects.nth(2).isChecked())) await projects.nth(2).check();
    await page.evaluate('window.scrollTo(0, 0)');
    await shoot(page, `citizen-ballot-${device}`);

    await page.goto(`${APP_URL}/retos/${RESULTS}/resultados`);
    await page.getByRole('table').first().waitFor();
    await shoot(page, `citizen-results-${device}`);

    await page.goto(`${APP_URL}/datos-abiertos`);
    await h1();
    const proposals = page.getByRole('heading', { level: 3, name: 'Propuestas' });
    await proposals.waitFor();
    // The picture shows a field dictionary open, starting at its dataset.
    await page.getByText('Diccionario de datos (20 campos)').click();
    await page.getByRole('table').first().waitFor();
    await proposals.evaluate('(element) => element.scrollIntoView()');
    await shoot(page, `citizen-open-data-${device}`);
    await context.close();
  }
}

const only = process.argv[2];
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  headless: true,
});
try {
  if (only !== 'officials') await citizens(browser);
  if (only !== 'citizens') await officials(browser);
} finally {
  await browser.close();
}

async function officials(browser: Browser): Promise<void> {
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
}
