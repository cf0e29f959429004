import type pg from 'pg';
import type { Page } from 'playwright-core';
import type { TestAccount } from '../support/identity.js';
import { ADD_JUROR, advanceTo, createJuryChallenge, type JuryChallenge } from '../support/evaluation-fixtures.js';
import { sqlClient } from '../support/test-database.js';
import { createCitizen, signIn, slugOf, tabTo } from './support/citizen.js';
import { expectAccessible, overflowsHorizontally, startWebApp, type WebApp } from './support/web-app.js';

/** The name the SQL factory gives every proposal author. */
const AUTHOR = 'Autora Visible';

/**
 * A juror finds their assignments in «Mis evaluaciones», scores a proposal by keyboard with the live weighted
 * total, saves and replaces the evaluation, is told in Spanish at the field what is wrong, declares a conflict
 * (the proposal goes to the other juror), and in a blind challenge never meets an author's name.
 */
describe('jury scoring in the browser', () => {
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

  /** A challenge in its EVALUATION round (opened through the API, which assigns) with the given jurors. */
  async function evaluationChallenge(
    jurors: TestAccount[],
    settings: Record<string, unknown>,
    proposals: number,
  ): Promise<JuryChallenge> {
    const challenge = await createJuryChallenge(sql, web.api.config, {
      kinds: ['SUBMISSION', 'EVALUATION'],
      openPosition: 1,
      proposals,
      settings: { votingMethod: 'SINGLE', winnerCount: 1, minEvaluationsPerProposal: 1, ...settings },
      // Criterio 1: weight 3, 0..10; Criterio 2: weight 1, 0..5.
      criteria: [
        [3, 10],
        [1, 5],
      ],
    });
    await sql.query(`UPDATE evaluation_criteria SET description = 'Qué tan viable es.' WHERE challenge_id = $1`, [
      challenge.challengeId,
    ]);
    for (const juror of jurors) {
      const res = await web.api.gql(ADD_JUROR, { c: challenge.challengeId, email: juror.email }, challenge.adminToken);
      expect(res.errors).toBeUndefined();
    }
    await advanceTo(sql, web.api, challenge, 1); // submission closes, evaluation opens and assigns
    return challenge;
  }

  async function assignedTitles(challenge: JuryChallenge, juror: TestAccount): Promise<string[]> {
    const { rows } = await sql.query<{ title: string }>(
      `SELECT p.title FROM jury_assignments a JOIN jury_members m ON m.id = a.juror_id JOIN proposals p ON p.id = a.proposal_id
       WHERE m.challenge_id = $1 AND m.user_id = $2 ORDER BY p.title`,
      [challenge.challengeId, juror.id],
    );
    return rows.map((r) => r.title);
  }

  async function evaluationsOf(juror: TestAccount, title: string) {
    const { rows } = await sql.query<{ scores: { criterionId: string; score: number }[]; comment: string | null }>(
      `SELECT e.scores, e.comment FROM evaluations e JOIN jury_members m ON m.id = e.juror_id
       JOIN proposals p ON p.id = e.proposal_id WHERE m.user_id = $1 AND p.title = $2`,
      [juror.id, title],
    );
    return rows;
  }

  /** The list item of one assignment on «Mis evaluaciones». */
  const assignmentItem = (page: Page, title: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`^${title} `) }) });

  it('scores by keyboard with a live total, saves and replaces, refuses an invalid save, and declares a conflict', async () => {
    const juror = await createCitizen(web.api, sql, { displayName: 'Jurada Ana' });
    const other = await createCitizen(web.api, sql, { displayName: 'Jurado Beto' });
    const challenge = await evaluationChallenge([juror, other], { jurorsPerProposal: 1, blindEvaluation: false }, 4);
    const mine = await assignedTitles(challenge, juror);
    expect(mine.length).toBe(2);
    const [first, second] = mine;

    const { page } = await web.open('/');
    await signIn(page, juror, '/');
    await tabTo(page, 'Mis evaluaciones');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mis evaluaciones' }).waitFor();
    await assignmentItem(page, first).getByText('sin empezar', { exact: true }).waitFor();
    await assignmentItem(page, second).getByText('sin empezar', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: /^Propuesta \d/ }).count()).toBe(2);
    await page.getByText(/^La evaluación cierra el \d+ de [a-z]+ a las \d\d:\d\d\.$/).waitFor();
    await expectAccessible(page, 'assignments listed');

    await tabTo(page, new RegExp(`^${first} `));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Calificar «${first}»` }).waitFor();
    await page.getByText(AUTHOR).first().waitFor(); // not blind: the author is shown
    await page.getByText(/^Puedes cambiarla hasta el cierre \(\d+ de [a-z]+ a las \d\d:\d\d\)\.$/).waitFor();
    const total = page.locator('output');
    expect(await total.innerText()).toBe('Total ponderado: 0 de 100');
    await expectAccessible(page, 'scoring page');

    // Criterio 1: Space checks 0, seven arrows reach 7; Criterio 2: 0 then three arrows to 3.
    await tabTo(page, '0');
    await page.keyboard.press('Space');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    // 100 · 3·0.7 / 4 = 52.5
    await total.filter({ hasText: 'Total ponderado: 52.5 de 100' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    // 100 · (3·0.7 + 1·0.6) / 4 = 67.5
    await total.filter({ hasText: 'Total ponderado: 67.5 de 100' }).waitFor();
    expect(await page.getByRole('radio', { name: '7' }).first().isChecked()).toBe(true);
    await expectAccessible(page, 'scored, live total');

    await tabTo(page, 'Comentario (opcional)');
    await page.keyboard.type('Viable y bien explicada.');
    await tabTo(page, 'Guardar evaluación');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `Tu evaluación de «${first}» quedó guardada.` })
      .waitFor();
    await page.locator('.jury-saved').getByText('guardada').waitFor();
    await page.getByRole('link', { name: 'Siguiente propuesta' }).waitFor();
    await expectAccessible(page, 'evaluation saved');

    // Change a score and save again: the evaluation is replaced, never duplicated.
    await tabTo(page, '7');
    await page.keyboard.press('ArrowLeft');
    await total.filter({ hasText: 'Total ponderado: 60 de 100' }).waitFor();
    await tabTo(page, 'Guardar evaluación');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Siguiente propuesta' }).waitFor();
    const stored = await evaluationsOf(juror, first);
    expect(stored.length).toBe(1);
    expect(stored[0].scores.map((s) => s.score)).toEqual([6, 3]);
    expect(stored[0].comment).toBe('Viable y bien explicada.');

    // The next proposal: a comment too short is refused at its field, in Spanish, and nothing is stored.
    await tabTo(page, 'Siguiente propuesta');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Calificar «${second}»` }).waitFor();
    await tabTo(page, '0');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await tabTo(page, 'Comentario (opcional)');
    await page.keyboard.type('ok');
    await tabTo(page, 'Guardar evaluación');
    await page.keyboard.press('Enter');
    const error = page.locator('#comment-error');
    await error.filter({ hasText: 'El comentario debe tener entre 3 y 2 000 caracteres.' }).waitFor();
    expect(await page.getByLabel('Comentario (opcional)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement.id')).toBe('comment');
    expect(await evaluationsOf(juror, second)).toEqual([]);
    await expectAccessible(page, 'invalid save refused at its field');

    // Conflict of interest on the second proposal: confirmed, it leaves the list and goes to the other juror.
    await tabTo(page, 'Declarar conflicto de interés');
    await page.keyboard.press('Enter');
    await page.getByText('pasa a otra persona del jurado').waitFor();
    await page.keyboard.type('Es un proyecto de mi hermana.');
    await expectAccessible(page, 'conflict confirmation');
    await tabTo(page, 'Confirmar el conflicto');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mis evaluaciones' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Declaraste un conflicto de interés con «${second}»` })
      .waitFor();
    await assignmentItem(page, first).getByText('guardada', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: /^Propuesta \d/ }).count()).toBe(1);
    expect(await assignedTitles(challenge, juror)).toEqual([first]);
    expect(await assignedTitles(challenge, other)).toContain(second);
    const { rows: conflicts } = await sql.query(
      `SELECT c.reason FROM jury_conflicts c JOIN jury_members m ON m.id = c.juror_id WHERE m.user_id = $1`,
      [juror.id],
    );
    expect(conflicts).toEqual([{ reason: 'Es un proyecto de mi hermana.' }]);
    await expectAccessible(page, 'conflict declared');
  });

  it('fits a 360 px phone, asks to sign in first, and tells a non-juror they sit on no jury', async () => {
    const juror = await createCitizen(web.api, sql, { displayName: 'Jurada Cel' });
    const challenge = await evaluationChallenge([juror], { blindEvaluation: false }, 2);
    const { page } = await web.open('/evaluaciones', { phone: true });
    await page.getByRole('link', { name: 'Inicia sesión para ver tus evaluaciones' }).waitFor();
    await expectAccessible(page, 'signed out');

    await signIn(page, juror, '/evaluaciones');
    await page.getByRole('link', { name: /^Propuesta 1 / }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'phone: assignments');
    await page.getByRole('link', { name: /^Propuesta 1 / }).click();
    await page.getByRole('heading', { level: 1, name: 'Calificar «Propuesta 1»' }).waitFor();
    await page.getByRole('radio', { name: '10' }).first().check();
    await page.locator('output').filter({ hasText: 'Total ponderado: 75 de 100' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'phone: scoring');
    await page.getByRole('button', { name: 'Declarar conflicto de interés' }).click();
    await page.getByLabel('Motivo del conflicto').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'phone: conflict form');
    expect(challenge.proposalIds.length).toBe(2);

    const citizen = await createCitizen(web.api, sql, { displayName: 'Sin Jurado' });
    const other = await web.open('/');
    await signIn(other.page, citizen, '/evaluaciones');
    await other.page.getByText('No formas parte de ningún jurado.', { exact: false }).waitFor();
    await expectAccessible(other.page, 'not a juror');
  });

  it('never shows an author name to the juror of a blind challenge, in the page or in any API response', async () => {
    const juror = await createCitizen(web.api, sql, { displayName: 'Jurada Ciega' });
    const challenge = await evaluationChallenge([juror], { blindEvaluation: true }, 2);
    const slug = await slugOf(sql, challenge.challengeId);
    const { page } = await web.open('/');
    const bodies: Promise<string>[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/graphql') bodies.push(response.text().catch(() => ''));
    });
    const pageText = () => page.evaluate<string>('document.body.innerText');
    const texts: string[] = [];

    await signIn(page, juror, '/evaluaciones');
    await page.getByText('Evaluación ciega: no verás quién escribió las propuestas').waitFor();
    await page.getByRole('link', { name: /^Propuesta 1 / }).waitFor();
    texts.push(await pageText());
    await expectAccessible(page, 'blind: assignments');
    for (const title of ['Propuesta 1', 'Propuesta 2']) {
      await page.goto(`/evaluaciones/${challenge.challengeId}/${challenge.proposalIds[Number(title.slice(-1)) - 1]}`);
      await page.getByRole('heading', { level: 1, name: `Calificar «${title}»` }).waitFor();
      await page.getByText(`Cuerpo de la propuesta número ${title.slice(-1)} con detalle.`).waitFor();
      texts.push(await pageText());
      await expectAccessible(page, `blind: scoring ${title}`);
    }
    await page.getByRole('radio', { name: '5' }).first().check();
    await page.getByRole('radio', { name: '5' }).nth(1).check();
    await page.getByRole('button', { name: 'Guardar evaluación' }).click();
    await page.locator('.jury-saved').waitFor();
    texts.push(await pageText());
    // The public challenge page, reached from the list inside the app (signed in): the API hides the authors there
    // too. (A full page load of /retos/… asks before the session is restored, as anyone — see docs/web-jurors.md.)
    await page.getByRole('link', { name: 'Volver a mis evaluaciones' }).click();
    await page.getByRole('link', { name: /^Ver el reto / }).click();
    await page.waitForURL((url) => url.pathname === `/retos/${slug}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Propuesta 2').first().waitFor();
    texts.push(await pageText());

    const responses = await Promise.all(bodies);
    expect(responses.length).toBeGreaterThan(3);
    expect(responses.some((body) => body.includes('Cuerpo de la propuesta número 1'))).toBe(true);
    expect(responses.filter((body) => body.includes(AUTHOR))).toEqual([]);
    expect(texts.filter((text) => text.includes(AUTHOR))).toEqual([]);
    expect(texts.every((text) => !text.includes(AUTHOR))).toBe(true);
  });
});
