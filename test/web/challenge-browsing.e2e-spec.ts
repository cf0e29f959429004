import type pg from 'pg';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { sqlClient } from '../support/test-database.js';
import { createVotingChallenge } from '../support/voting-fixtures.js';
import {
  expectAccessible,
  focusedElement,
  overflowsHorizontally,
  startWebApp,
  type WebApp,
} from './support/web-app.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('a citizen browses challenges in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;
  let slug: string;
  let title: string;
  let challengeId: string;

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
    const {
      rows: [row],
    } = await sql.query<{ slug: string; title: string }>('SELECT slug, title FROM challenges WHERE id = $1', [
      created.challengeId,
    ]);
    ({ slug, title } = row);
    challengeId = created.challengeId;
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('serves the app at / and deep links, with a strict CSP, while the API paths keep their answers', async () => {
    for (const path of ['/', `/retos/${slug}`, '/una/ruta/que/no/existe']) {
      const response = await fetch(`${web.api.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root"></div>');
    }
    const health = await fetch(`${web.api.url}/health/live`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${web.api.url}/open-data/no-existe.csv`)).headers.get('content-type')).not.toContain(
      'text/html',
    );
    expect((await fetch(`${web.api.url}/graphql/nada`)).status).toBe(404);
    expect((await web.api.gql('{ challenges { totalCount } }')).data.challenges.totalCount).toBe(1);

    const html = await (await fetch(`${web.api.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${web.api.url}${script}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('br');
  });

  it('lists the challenge, opens its page with focus on the title, and shows dates in Mexico City time', async () => {
    const { page } = await web.open('/');
    await page.getByRole('link', { name: title }).waitFor();
    expect(await page.title()).toBe('Explorar retos · Retos Públicos');
    expect(await page.getAttribute('html', 'lang')).toBe('es-MX');
    await expectAccessible(page, 'challenge list');

    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'h1', text: title });
    expect(await page.title()).toBe(`${title} · Retos Públicos`);
    await page.getByRole('heading', { name: 'Rondas' }).waitFor();
    const timeline = await page.locator('.timeline').innerText();
    expect(timeline).toMatch(/Del \d{1,2} de [a-z]+( de \d{4})? a las \d{2}:\d{2} al \d{1,2} de [a-z]+/);
    await expectAccessible(page, 'challenge page');
  });

  it('renders a deep link directly, on a 360 px phone, and a friendly page for an unknown challenge', async () => {
    const { page } = await web.open(`/retos/${slug}`, { phone: true });
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'challenge page at 360 px');

    await page.goto('/retos/no-existe-este-reto');
    await page.getByRole('heading', { level: 1, name: 'Página no encontrada' }).waitFor();
    await expectAccessible(page, 'unknown challenge');
  });

  it('filters through the URL, so a search can be shared', async () => {
    const { page } = await web.open('/?fase=VOTING');
    await page.getByText('No hay retos con esos criterios.').waitFor();
    expect(await page.getByLabel('Fase').inputValue()).toBe('VOTING');
    await page.getByLabel('Fase').selectOption('SUBMISSION');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByRole('link', { name: title }).waitFor();
    expect(new URL(page.url()).search).toBe('?fase=SUBMISSION');
    await expectAccessible(page, 'filtered list');
  });

  // Last: the challenge it adds would change what the filters above list.
  it('opens the links of e-mails and of the open-data catalogue, which name a challenge and a proposal by id', async () => {
    const { page } = await web.open(`/retos/${challengeId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/retos/${slug}`);

    const voting = await createVotingChallenge(sql);
    const {
      rows: [proposal],
    } = await sql.query<{ title: string }>('SELECT title FROM proposals WHERE id = $1', [voting.proposalIds[0]]);
    await page.goto(`/retos/${voting.challengeId}/propuestas/${voting.proposalIds[0]}`);
    await page.getByRole('heading', { level: 1, name: proposal.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/propuestas/${voting.proposalIds[0]}`);
    await expectAccessible(page, 'proposal opened from an e-mail link');
  });
});
