import type pg from 'pg';
import type { Page } from 'playwright-core';
import { createUnitWithStaff } from '../support/accounts.js';
import { sqlClient } from '../support/test-database.js';
import { waitFor } from '../support/wait.js';
import { createCitizen, signIn, slugOf } from './support/citizen.js';
import {
  createChallengeInForm,
  expectedRanking,
  handOver,
  propose,
  score,
  vote,
  type Criterion,
} from './support/journey.js';
import { expectAccessible, startWebApp, type WebApp } from './support/web-app.js';

const CRITERIA: Criterion[] = [
  { name: 'Impacto', weight: 60, maxScore: 10 },
  { name: 'Viabilidad', weight: 40, maxScore: 5 },
];
const PUBLIC_WEIGHT = 40;
const HUERTO = 'Huerto escolar en cada primaria';
const COMPOSTA = 'Composta en los mercados';
const AZOTEAS = 'Azoteas verdes en oficinas públicas';
const ANUNCIO = 'Semillas baratas a domicilio';
/** Each citizen's two votes: Azoteas 3, Huerto 2, Composta 1. */
const BALLOTS = [
  [HUERTO, AZOTEAS],
  [COMPOSTA, AZOTEAS],
  [HUERTO, AZOTEAS],
];
/** Per proposal, each juror's scores (Impacto, Viabilidad): the jury prefers Huerto, then Composta. */
const SHEETS: Record<string, number[][]> = {
  [HUERTO]: [
    [10, 5],
    [8, 4],
  ],
  [COMPOSTA]: [
    [6, 3],
    [7, 3],
  ],
  [AZOTEAS]: [
    [5, 2],
    [6, 3],
  ],
};

const RESULTS = `query($id: ID) { challenge(id: $id) { results { entries { rank isWinner proposal { title } } } } }`;
const twoDecimals = (n: number) => n.toLocaleString('es-MX', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The whole life of a challenge, each step by the person who does it, each in their own browser: the official
 * creates and publishes it with the form, citizens propose, the official declares one proposal ineligible,
 * citizens vote, the official adds the jury, jurors score, the official closes the last round, and anyone reads
 * a ranking that follows from those votes and scores. The round clock runs in workers; see `handOver` for why
 * the official moves rounds forward through the API.
 */
describe('a challenge from creation to results, in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;

  beforeAll(async () => {
    web = await startWebApp({ workers: true });
    sql = await sqlClient(web.api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  const roundsOf = async (challengeId: string) =>
    (
      await sql.query<{ id: string; status: string; closesAt: Date }>(
        'SELECT id, status, closes_at AS "closesAt" FROM rounds WHERE challenge_id = $1 ORDER BY position',
        [challengeId],
      )
    ).rows;
  const roundOpens = (challengeId: string, position: number) =>
    waitFor(
      `round ${position} OPEN`,
      async () => (await roundsOf(challengeId))[position - 1].status === 'OPEN',
      30_000,
    );

  it('creates, proposes, moderates, votes, scores and publishes the ranking those imply', async () => {
    const { admin } = await createUnitWithStaff(web.api);
    const [ana, beto, carla] = [
      await createCitizen(web.api, sql, { displayName: 'Ana Ruiz' }),
      await createCitizen(web.api, sql, { displayName: 'Beto Salas' }),
      await createCitizen(web.api, sql, { displayName: 'Carla Téllez' }),
    ];
    const jurors = [
      await createCitizen(web.api, sql, { displayName: 'Jurada Elena' }),
      await createCitizen(web.api, sql, { displayName: 'Jurado Fabián' }),
    ];

    // 1. The official creates and publishes the challenge; the clock opens the submission round.
    const official = (await web.open('/')).page;
    await signIn(official, admin, '/mi-unidad/nuevo-reto');
    const challengeId = await createChallengeInForm(official, {
      title: 'Huertos y áreas verdes en Puebla',
      votesPerPerson: 2,
      criteria: CRITERIA,
      publicWeight: PUBLIC_WEIGHT,
    });
    await expectAccessible(official, 'official: challenge published');
    const slug = await slugOf(sql, challengeId);
    await roundOpens(challengeId, 1);

    // 2. Citizens propose, each in their own browser.
    const citizens: Page[] = [];
    for (const person of [ana, beto, carla]) {
      const { page } = await web.open('/');
      await signIn(page, person, `/retos/${slug}`);
      citizens.push(page);
    }
    await propose(citizens[0], slug, { title: HUERTO, summary: 'Un huerto que cuiden alumnos y familias.' });
    await propose(citizens[1], slug, { title: COMPOSTA, summary: 'Composta con los residuos de cada mercado.' });
    await propose(citizens[2], slug, { title: AZOTEAS, summary: 'Sembrar en las azoteas de edificios públicos.' });
    await propose(citizens[1], slug, { title: ANUNCIO, summary: 'Vendemos semillas, escríbenos para pedir.' });
    await expectAccessible(citizens[1], 'citizen: challenge with four proposals');

    // 3. The official declares the advertisement ineligible, with a public reason, in Mi unidad.
    await official.goto(`/mi-unidad/retos/${slug}`);
    await official.getByRole('heading', { name: ANUNCIO }).waitFor();
    const reason = 'Es un anuncio, no una propuesta para el reto.';
    await official.getByLabel(`Motivo para «${ANUNCIO}»`).fill(reason);
    await official.getByRole('button', { name: `Declarar no elegible «${ANUNCIO}»` }).click();
    await official
      .getByRole('status')
      .filter({ hasText: `«${ANUNCIO}» quedó declarada no elegible.` })
      .waitFor();
    await expectAccessible(official, 'official: proposal declared ineligible');

    // 4. Submissions end and voting starts; citizens vote, and the ineligible proposal is not on the ballot.
    let rounds = await roundsOf(challengeId);
    await handOver(web.api, admin.token, rounds[0], rounds[1]);
    await roundOpens(challengeId, 2);
    for (const [i, page] of citizens.entries()) {
      await page.goto(`/retos/${slug}/votar`);
      await page.locator('.vote-counter').filter({ hasText: 'Te quedan 2 de 2 votos' }).waitFor();
      expect(await page.getByRole('button', { name: `Votar por «${ANUNCIO}»` }).count()).toBe(0);
      await vote(page, BALLOTS[i]);
    }
    await expectAccessible(citizens[2], 'citizen: votes cast');

    // 5. The official adds the jury before the evaluation round, which then opens and assigns every proposal.
    for (const [juror, name] of [
      [jurors[0], 'Jurada Elena'],
      [jurors[1], 'Jurado Fabián'],
    ] as const) {
      await official.getByLabel('Correo de la persona').fill(juror.email);
      await official.getByRole('button', { name: 'Agregar al jurado' }).click();
      await official.getByRole('heading', { name }).waitFor();
    }
    await expectAccessible(official, 'official: jury added');
    rounds = await roundsOf(challengeId);
    await handOver(web.api, admin.token, rounds[1], rounds[2]);
    await roundOpens(challengeId, 3);

    const titles = Object.keys(SHEETS);
    for (const [j, juror] of jurors.entries()) {
      const { page } = await web.open('/');
      await signIn(page, juror, '/evaluaciones');
      await page.getByRole('link', { name: new RegExp(`^${titles[0]} `) }).waitFor();
      expect(await page.getByRole('link', { name: new RegExp(`^${ANUNCIO} `) }).count()).toBe(0);
      for (const title of titles) await score(page, title, CRITERIA, SHEETS[title][j]);
      await expectAccessible(page, `juror ${j + 1}: evaluations saved`);
    }

    // 6. The official closes the last round now, which publishes the results.
    await official.reload();
    await official.getByRole('button', { name: 'Cerrar ronda ahora «Evaluación del jurado»' }).click();
    await official.getByRole('button', { name: 'Sí, cerrar la ronda' }).click();
    await official.getByText('La ronda «Evaluación del jurado» quedó cerrada.').first().waitFor();
    await expectAccessible(official, 'official: last round closed');

    // 7. Anyone reads the ranking: the one the votes and scores imply, without the ineligible proposal.
    const votes: Record<string, number> = {};
    for (const title of BALLOTS.flat()) votes[title] = (votes[title] ?? 0) + 1;
    const expected = expectedRanking(CRITERIA, SHEETS, votes, PUBLIC_WEIGHT);
    expect(expected.map((e) => e.title)).toEqual([HUERTO, AZOTEAS, COMPOSTA]);

    const anyone = (await web.open(`/retos/${slug}/resultados`)).page;
    await anyone.getByRole('heading', { name: 'Propuestas ganadoras' }).waitFor();
    expect(await anyone.locator('.results-winners li').allInnerTexts()).toEqual([HUERTO]);
    const table = anyone.getByRole('table', { name: 'Clasificación final, del primer lugar al último' });
    const rows: string[][] = [];
    for (const row of await table.locator('tbody tr').all()) rows.push(await row.locator('th, td').allInnerTexts());
    expect(rows).toEqual(
      expected.map((e, i) => [
        String(i + 1),
        e.title,
        twoDecimals(e.juryScore),
        String(e.votes),
        twoDecimals(e.voteScore),
        twoDecimals(e.finalScore),
        '2',
        i === 0 ? 'Ganadora' : 'No ganó',
      ]),
    );
    expect(await anyone.locator('main').innerText()).not.toContain(ANUNCIO);
    await expectAccessible(anyone, 'anyone: results');

    const api = (await web.api.gql(RESULTS, { id: challengeId })).data.challenge.results.entries;
    expect(api.map((e: { proposal: { title: string } }) => e.proposal.title)).toEqual(expected.map((e) => e.title));
  }, 180_000);
});
