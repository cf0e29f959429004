import type pg from 'pg';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { sqlClient } from '../support/test-database.js';
import { expectAccessible, overflowsHorizontally, startWebApp, type WebApp } from './support/web-app.js';

const DAY = 24 * 3600_000;

/** Issue #13: «Datos abiertos», the catalogue of files with its field dictionaries, read from the DCAT catalogue. */
describe('the open data page in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;
  let running: { id: string; title: string };
  let finished: { slug: string; title: string };

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
    const open = await createPublishedChallenge(sql, roundsFromNow([[-DAY, 3 * DAY, 'SUBMISSION']]));
    const done = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-3 * DAY, -2 * DAY, 'SUBMISSION'],
        [-2 * DAY, -DAY, 'VOTING'],
      ]),
    );
    // A participatory budget that has finished: what the round clock and the results would leave behind.
    const {
      rows: [row],
    } = await sql.query<{ slug: string; title: string }>(
      `UPDATE challenges SET status = 'FINISHED', finished_at = now(),
         settings = settings || '{"votingMethod": "BUDGET", "budgetRule": "EQUAL_SHARES", "voterBudget": "1000.00"}'::jsonb
       WHERE id = $1 RETURNING slug, title`,
      [done.challengeId],
    );
    finished = row;
    const { rows } = await sql.query<{ title: string }>('SELECT title FROM challenges WHERE id = $1', [
      open.challengeId,
    ]);
    running = { id: open.challengeId, title: rows[0].title };
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('lists every dataset with its files and field dictionary, each challenge’s files and how to recompute', async () => {
    const { page } = await web.open('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Datos abiertos' }).click();
    await page.getByRole('heading', { level: 1, name: 'Datos abiertos' }).waitFor();
    const proposals = page.getByRole('region', { name: 'Propuestas', exact: true });
    await proposals.getByRole('heading', { level: 3, name: 'Propuestas' }).waitFor();
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
      expect.arrayContaining([
        'Retos',
        'Propuestas',
        'Resultados',
        'Evaluaciones del jurado',
        'Conteos por ronda',
        'Bitácora pública',
      ]),
    );
    await expectAccessible(page, 'catalogue');

    // The field dictionary, as a table a screen reader can walk: caption, column headers, one row per field.
    await proposals.getByText('Diccionario de datos (20 campos)').click();
    const dictionary = proposals.getByRole('table', {
      name: 'Campos del archivo «Propuestas», en el orden en que aparecen',
    });
    await dictionary.waitFor();
    expect(await dictionary.getByRole('columnheader').allTextContents()).toEqual(['Campo', 'Tipo', 'Qué significa']);
    expect(await dictionary.getByRole('row').count()).toBe(21);
    const author = dictionary.getByRole('row', { name: /^author / });
    expect(await author.getByRole('cell').allTextContents()).toEqual([
      'Texto',
      'Nombre público de quien la propuso, o «Anónimo» si así lo eligió.',
    ]);
    await expectAccessible(page, 'dictionary open');

    // The download links are the API's files, same origin.
    const csv = proposals.getByRole('link', { name: 'Propuestas (CSV)' });
    const href = await csv.getAttribute('href');
    expect(href).toBe('/open-data/proposals.csv');
    const response = await fetch(`${web.api.url}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect((await response.text()).split('\r\n')[0]).toMatch(/^id,challenge_id,title,summary,/);

    // Each published challenge's files.
    const files = page.getByRole('region', { name: 'Archivos de cada reto' });
    await files.getByText(`Archivos de «${running.title}»`).click();
    expect(await files.getByRole('link', { name: 'Resultados (CSV)' }).first().getAttribute('href')).toBe(
      `/open-data/challenges/${running.id}/results.csv`,
    );
    await expectAccessible(page, 'a challenge’s files open');

    // How to recompute: the command, and the finished challenges' results pages where ballots.pb is.
    const recompute = page.getByRole('region', { name: 'Recalcular los resultados' });
    await recompute.getByText('npm run pb -- ballots.pb --rule equal-shares').waitFor();
    const results = recompute.getByRole('link', { name: `Resultados de «${finished.title}»` });
    await results.waitFor();
    expect(await results.getAttribute('href')).toBe(`/retos/${finished.slug}/resultados`);
    await recompute.getByText(/regla equal-shares/).waitFor();
    await expectAccessible(page, 'recompute section');
  });

  it('fits a 360 px phone, dictionary open, without sideways scrolling of the page', async () => {
    const { page } = await web.open('/datos-abiertos', { phone: true });
    const challenges = page.getByRole('region', { name: 'Retos', exact: true });
    await challenges.getByText('Diccionario de datos (41 campos)').click();
    await challenges.getByRole('table').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'phone, dictionary open');
  });
});
