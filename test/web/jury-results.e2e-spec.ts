import type pg from 'pg';
import {
  ADD_JUROR,
  advanceTo,
  createJuryChallenge,
  createPeople,
  SUBMIT,
  type JuryChallenge,
} from '../support/evaluation-fixtures.js';
import { sqlClient } from '../support/test-database.js';
import { CAST } from '../support/voting-fixtures.js';
import { slugOf } from './support/citizen.js';
import { expectAccessible, overflowsHorizontally, startWebApp, type WebApp } from './support/web-app.js';

const RESULTS = `query($id: ID) { challenge(id: $id) { results { entries {
  rank proposal { title } juryScore voteScore finalScore
  criterionAverages { average criterion { name } } jurorScores { jurorLabel normalized } } } } }`;

type Entry = {
  rank: number;
  proposal: { title: string };
  juryScore: number;
  voteScore: number;
  finalScore: number;
  criterionAverages: { average: number; criterion: { name: string } }[];
  jurorScores: { jurorLabel: string; normalized: number }[];
};

const score = (n: number) => n.toLocaleString('es-MX', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function tableRows(table: ReturnType<import('playwright-core').Page['getByRole']>): Promise<string[][]> {
  const rows: string[][] = [];
  for (const row of await table.locator('tbody tr').all()) rows.push(await row.locator('th, td').allInnerTexts());
  return rows;
}

/** A hybrid challenge (public vote, then a normalising jury): the results page explains the jury's side. */
describe('jury results in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;
  let slug: string;
  let challenge: JuryChallenge;

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
    challenge = await createJuryChallenge(sql, web.api.config, {
      kinds: ['SUBMISSION', 'VOTING', 'EVALUATION'],
      openPosition: 2,
      proposals: 3,
      settings: {
        votingMethod: 'SINGLE',
        winnerCount: 1,
        normalizeJurorScores: true,
        publicVoteWeight: 0.4,
        minEvaluationsPerProposal: 1,
        jurorsPerProposal: null,
      },
      criteria: [
        [2, 10],
        [1, 5],
      ],
    });
    slug = await slugOf(sql, challenge.challengeId);
    const P = challenge.proposalIds;
    const [jurors, voters] = [await createPeople(sql, web.api.config, 2), await createPeople(sql, web.api.config, 3)];
    const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
      const res = await web.api.gql(query, variables, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    };
    for (const juror of jurors)
      await ok(ADD_JUROR, { c: challenge.challengeId, email: juror.email }, challenge.adminToken);
    for (const [v, p] of [0, 0, 1].entries()) await ok(CAST, { id: P[p] }, voters[v].token);
    await advanceTo(sql, web.api, challenge, 2);
    const sheets = [
      [
        [8, 4],
        [5, 2],
        [9, 5],
      ],
      [
        [6, 3],
        [7, 3],
        [10, 4],
      ],
    ];
    for (const [j, juror] of jurors.entries())
      for (const [p, sheet] of sheets[j].entries())
        await ok(
          SUBMIT,
          {
            input: {
              proposalId: P[p],
              scores: challenge.criteria.map((c, i) => ({ criterionId: c.id, score: sheet[i] })),
            },
          },
          juror.token,
        );
    await advanceTo(sql, web.api, challenge, 3);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('splits each final score into jury and public parts, and shows criterion averages and anonymous juror totals as in the API', async () => {
    const entries: Entry[] = [
      ...(await web.api.gql(RESULTS, { id: challenge.challengeId })).data.challenge.results.entries,
    ].sort((a: Entry, b: Entry) => a.rank - b.rank);
    const { page } = await web.open(`/retos/${slug}/resultados`);
    await page.getByRole('heading', { level: 2, name: 'Detalle del jurado' }).waitFor();
    await page
      .getByText('Puntaje final = 60 % del puntaje del jurado + 40 % del puntaje del voto ciudadano.')
      .waitFor();
    await expectAccessible(page, 'jury results');

    const components = page.getByRole('table', {
      name: 'Parte del jurado y parte del voto ciudadano en el puntaje final de cada propuesta',
    });
    expect(await tableRows(components)).toEqual(
      entries.map((e) => [e.proposal.title, score(0.6 * e.juryScore), score(0.4 * e.voteScore), score(e.finalScore)]),
    );

    const criteria = page.getByRole('table', { name: /^Promedio de las calificaciones del jurado por criterio/ });
    expect(await criteria.locator('thead th').allInnerTexts()).toEqual(['Propuesta', 'Criterio 1', 'Criterio 2']);
    expect(await tableRows(criteria)).toEqual(
      entries.map((e) => [
        e.proposal.title,
        ...['Criterio 1', 'Criterio 2'].map((name) =>
          score(e.criterionAverages.find((a) => a.criterion.name === name)!.average),
        ),
      ]),
    );

    const jurors = page.getByRole('table', { name: 'Total normalizado de cada persona del jurado por propuesta' });
    expect(await jurors.locator('thead th').allInnerTexts()).toEqual(['Propuesta', 'Jurado 1', 'Jurado 2']);
    expect(await tableRows(jurors)).toEqual(
      entries.map((e) => [
        e.proposal.title,
        ...['Jurado 1', 'Jurado 2'].map((label) =>
          score(e.jurorScores.find((s) => s.jurorLabel === label)!.normalized),
        ),
      ]),
    );
    // Jurors stay anonymous on the page.
    const names = await sql.query<{ display_name: string }>(
      `SELECT u.display_name FROM jury_members m JOIN users u ON u.id = m.user_id WHERE m.challenge_id = $1`,
      [challenge.challengeId],
    );
    const text = await page.locator('main').innerText();
    for (const { display_name } of names.rows) expect(text).not.toContain(display_name);
  });

  it('fits a 360 px phone, with the tables scrolling inside their own region', async () => {
    const { page } = await web.open(`/retos/${slug}/resultados`, { phone: true });
    await page.getByRole('heading', { level: 2, name: 'Detalle del jurado' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'jury results on a phone');
  });
});
