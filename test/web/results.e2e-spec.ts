import type pg from 'pg';
import { sqlClient } from '../support/test-database.js';
import { CAST, createVoters, createVotingChallenge, tokenFor } from '../support/voting-fixtures.js';
import { slugOf } from './support/citizen.js';
import { expectAccessible, overflowsHorizontally, startWebApp, type WebApp } from './support/web-app.js';

const CLOSE_NOW = `mutation($roundId: ID!) { closeRoundNow(roundId: $roundId) { status } }`;

/** Anyone reads a finished challenge's results: winners, a chart with its table, the method and the open data. */
describe('results in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;
  let slug: string;
  let challengeId: string;

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2, winnerCount: 1 },
      proposals: 3,
    });
    challengeId = challenge.challengeId;
    slug = await slugOf(sql, challengeId);
    const [p1, p2, p3] = challenge.proposalIds;
    const voters = await createVoters(sql, web.api.config, 3);
    // Propuesta 2: 3 votes, Propuesta 1: 2, Propuesta 3: 1.
    for (const [voter, ids] of [
      [voters[0], [p1, p2]],
      [voters[1], [p1, p2]],
      [voters[2], [p2, p3]],
    ] as const) {
      for (const id of ids) expect((await web.api.gql(CAST, { id }, voter.token)).errors).toBeUndefined();
    }
    const voting = challenge.rounds.find((r) => r.kind === 'VOTING')!;
    const admin = await tokenFor(web.api.config, challenge.adminId);
    expect((await web.api.gql(CLOSE_NOW, { roundId: voting.id }, admin)).data.closeRoundNow.status).toBe('CLOSED');
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('shows the ranking as a chart and a table with the same numbers, the method and the files to recompute it', async () => {
    const { page } = await web.open(`/retos/${slug}/resultados`);
    await page.getByRole('heading', { level: 1, name: /^Resultados: / }).waitFor();
    await page.getByRole('heading', { name: 'Propuestas ganadoras' }).waitFor();
    expect(await page.locator('.results-winners li').allInnerTexts()).toEqual(['Propuesta 2']);
    await page.getByText('3 personas votaron; se contaron 6 votos.').waitFor();

    const table = page.getByRole('table', { name: 'Clasificación final, del primer lugar al último' });
    const rows: string[][] = [];
    for (const row of await table.locator('tbody tr').all()) rows.push(await row.locator('th, td').allInnerTexts());
    expect(rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['1', 'Propuesta 2', '3', 'Ganadora'],
      ['2', 'Propuesta 1', '2', 'No ganó'],
      ['3', 'Propuesta 3', '1', 'No ganó'],
    ]);
    expect(await page.locator('.results-bars li').allInnerTexts()).toEqual([
      'Propuesta 2: 3',
      'Propuesta 1: 2',
      'Propuesta 3: 1',
    ]);
    await page.getByRole('heading', { name: 'Cómo se calculó' }).waitFor();
    expect((await page.locator('.results-method').allInnerTexts()).join(' ')).not.toBe('');

    const link = page.getByRole('link', { name: 'Resultados (CSV)' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/open-data/challenges/${challengeId}/results.csv`);
    const csv = await fetch(`${web.api.url}${href}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Propuesta 2');
    await expectAccessible(page, 'results page');
  });

  it('fits a 360 px phone: the table scrolls inside its own focusable region', async () => {
    const { page } = await web.open(`/retos/${slug}/resultados`, { phone: true });
    await page.getByRole('region', { name: 'Clasificación final, del primer lugar al último' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'results at 360 px');
  });

  it('says when results are not published yet', async () => {
    const open = await createVotingChallenge(sql, { proposals: 1 });
    const { page } = await web.open(`/retos/${await slugOf(sql, open.challengeId)}/resultados`);
    await page.getByText('Los resultados se publican cuando cierra la última ronda del reto.').waitFor();
    await expectAccessible(page, 'results not yet published');
  });
});
