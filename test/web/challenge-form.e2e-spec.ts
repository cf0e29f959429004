// An official creates a three-round challenge through the guided form: keyboard-only first step, a schedule
// contradiction shown at the round concerned, a rubric whose weights do not add up (nothing saved), a draft,
// publication and cancellation; SQL confirms what was stored, in Mexico City time. axe after every state.
import type pg from 'pg';
import { createUnitWithStaff } from '../support/accounts.js';
import { sqlClient } from '../support/test-database.js';
import { tabTo } from './support/citizen.js';
import type { Page } from 'playwright-core';
import { expectAccessible, focusedElement, startWebApp, type WebApp } from './support/web-app.js';

/** Signs in through the sign-in page and lands on `path`. */
async function signIn(page: Page, account: { email: string; password: string }, path: string): Promise<void> {
  await page.goto(`/entrar?volver=${encodeURIComponent(path)}`);
  await page.getByLabel('Correo electrónico').fill(account.email);
  await page.getByLabel('Contraseña').fill(account.password);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

const YEAR = new Date().getUTCFullYear() + 1;
const at = (monthDay: string, time: string) => `${YEAR}-${monthDay}T${time}`;

describe('an official creates, publishes and cancels a challenge through the form', () => {
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

  it('walks the steps, is told what to fix at the field, saves a draft and publishes', async () => {
    const { admin } = await createUnitWithStaff(web.api);
    const { page } = await web.open('/');
    await signIn(page, admin, '/mi-unidad/nuevo-reto');
    await page.getByRole('heading', { level: 1, name: 'Nuevo reto' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Datos y territorio/ }).waitFor();
    await page.getByText('Estatal: Puebla').waitFor();
    await expectAccessible(page, 'step 1: basics');

    // Step 1 with the keyboard only.
    await tabTo(page, 'Título');
    await page.keyboard.type('Agua limpia en las escuelas de Puebla');
    await tabTo(page, 'Resumen');
    await page.keyboard.type('Ideas para que cada escuela tenga agua potable.');
    await tabTo(page, 'Descripción completa');
    await page.keyboard.type('Buscamos propuestas para instalar y mantener bebederos en escuelas públicas.');
    await tabTo(page, 'Tema');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Tema').inputValue()).not.toBe('');
    await tabTo(page, 'Etiquetas');
    await page.keyboard.type('agua, escuelas');
    await tabTo(page, 'Siguiente');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /Calendario de rondas/ }).waitFor();
    expect(await focusedElement(page)).toMatchObject({
      tag: 'h2',
      text: expect.stringMatching(/Calendario de rondas/),
    });
    await expectAccessible(page, 'step 2: schedule');

    // Step 2: three rounds; voting opening before submissions close is caught as it is typed, at round 2.
    await page.getByRole('button', { name: 'Agregar una ronda: Evaluación del jurado' }).click();
    await page.getByLabel('Apertura de la ronda 1', { exact: true }).fill(at('03-02', '09:00'));
    await page.getByLabel('Cierre de la ronda 1', { exact: true }).fill(at('03-20', '18:00'));
    await page.getByLabel('Apertura de la ronda 2', { exact: true }).fill(at('03-19', '09:00'));
    const votingOpens = page.getByLabel('Apertura de la ronda 2', { exact: true });
    await page.locator('[id="rounds.1.opensAt"][aria-invalid="true"]').waitFor();
    expect(await page.locator('[id="rounds.1.opensAt-error"]').innerText()).toBe(
      'La ronda 2 no puede abrir antes de que cierre la ronda 1.',
    );
    expect(await votingOpens.getAttribute('aria-describedby')).toContain('rounds.1.opensAt-error');
    expect(await page.getByLabel('Apertura de la ronda 1', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(page, 'schedule error at round 2');

    await votingOpens.fill(at('03-21', '09:00'));
    await page.getByLabel('Cierre de la ronda 2', { exact: true }).fill(at('03-31', '18:00'));
    await page.getByLabel('Propuestas que pasan a la siguiente ronda (ronda 2)').fill('5');
    await page.getByLabel('Apertura de la ronda 3', { exact: true }).fill(at('04-01', '09:00'));
    await page.getByLabel('Cierre de la ronda 3', { exact: true }).fill(at('04-15', '18:00'));
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Siguiente' }).click();

    // Step 3: voting method explained in plain Spanish.
    await page.getByRole('heading', { level: 2, name: /Forma de votar/ }).waitFor();
    await page.getByText(/Partes iguales/).waitFor({ state: 'detached' });
    await page.getByLabel('Presupuesto participativo').check();
    await page.getByText(/cada votante recibe una parte igual del presupuesto/).waitFor();
    await expectAccessible(page, 'step 3: budget voting explained');
    await page.getByLabel('Voto múltiple').check();
    await page.getByLabel('Votos por persona').fill('3');
    await page.getByRole('button', { name: 'Siguiente' }).click();

    // Step 4: eligibility.
    await page.getByRole('heading', { level: 2, name: /Quién participa/ }).waitFor();
    await page.getByLabel('Pedir CURP verificada').check();
    await expectAccessible(page, 'step 4: eligibility');
    await page.getByRole('button', { name: 'Siguiente' }).click();

    // Step 5: a rubric whose weights add up to 90 % is refused at the weights; nothing is saved.
    await page.getByRole('heading', { level: 2, name: /Evaluación y resultados/ }).waitFor();
    await page.getByRole('button', { name: 'Agregar un criterio' }).click();
    await page.getByLabel('Nombre del criterio 1').fill('Impacto');
    await page.getByLabel('Peso del criterio 1 (%)').fill('60');
    await page.getByLabel('Calificación máxima del criterio 1').fill('10');
    await page.getByRole('button', { name: 'Agregar un criterio' }).click();
    await page.getByLabel('Nombre del criterio 2').fill('Viabilidad');
    await page.getByLabel('Peso del criterio 2 (%)').fill('30');
    await page.getByLabel('Calificación máxima del criterio 2').fill('5');
    await page.getByLabel('Peso del voto público (%)').fill('40');
    await page.getByRole('button', { name: 'Siguiente' }).click();
    await page.locator('#criteria-weights-error').waitFor();
    expect(await page.locator('#criteria-weights-error').innerText()).toBe(
      'Los pesos de los criterios suman 90 %; deben sumar 100 %.',
    );
    expect(await focusedElement(page)).toMatchObject({ id: 'criteria.0.weight' });
    expect(await page.getByLabel('Peso del criterio 2 (%)').getAttribute('aria-describedby')).toContain(
      'criteria-weights-error',
    );
    await page.getByRole('heading', { level: 2, name: /Evaluación y resultados/ }).waitFor();
    await expectAccessible(page, 'weights that do not add up');
    expect((await sql.query('SELECT count(*)::int AS n FROM challenges')).rows).toEqual([{ n: 0 }]);

    await page.getByLabel('Peso del criterio 2 (%)').fill('40');
    // The worked example uses the entered weights: 100 × (0.6 × 8/10 + 0.4 × 3/5) = 72; 0.6 × 72 + 0.4 × 50 = 63.2.
    await page.getByText('Calificación final: 0.6 × 72 + 0.4 × 50 = 63.2.').waitFor();
    expect(await page.locator('#criteria-weights-error').count()).toBe(0);
    await expectAccessible(page, 'rubric with worked example');
    await page.getByRole('button', { name: 'Siguiente' }).click();

    // Step 6: what will happen and when, in Spanish dates, then a draft.
    await page.getByRole('heading', { level: 2, name: /Revisar y guardar/ }).waitFor();
    await page
      .getByText(`del 2 de marzo de ${YEAR} a las 09:00 al 20 de marzo de ${YEAR} a las 18:00`, { exact: false })
      .waitFor();
    await page.getByText('Al cerrar, pasan 5 propuestas a la siguiente ronda.', { exact: false }).waitFor();
    await expectAccessible(page, 'preview');
    await page.getByRole('button', { name: 'Guardar borrador' }).click();
    await page.getByRole('main').getByText('Borrador guardado. Solo lo ve tu unidad.').waitFor();
    await expectAccessible(page, 'draft saved');

    const saved = await sql.query<{ id: string; status: string; settings: Record<string, unknown> }>(
      'SELECT id, status, settings FROM challenges',
    );
    expect(saved.rows).toHaveLength(1);
    expect(saved.rows[0].status).toBe('DRAFT');
    const challengeId = saved.rows[0].id;

    await page.getByRole('button', { name: 'Publicar el reto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agua limpia en las escuelas de Puebla' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/mi-unidad/retos/${challengeId}/editar`);
    await page.getByRole('main').getByText('Estado: publicado.').waitFor();
    await expectAccessible(page, 'published');

    const { rows: challenge } = await sql.query(
      `SELECT status, title, category, tags, settings->>'votingMethod' AS method,
              (settings->>'maxVotesPerVoter')::int AS votes, (settings->>'requireCurp')::boolean AS curp,
              (settings->>'publicVoteWeight')::float AS public_weight
         FROM challenges WHERE id = $1`,
      [challengeId],
    );
    expect(challenge[0]).toMatchObject({
      status: 'PUBLISHED',
      title: 'Agua limpia en las escuelas de Puebla',
      tags: ['agua', 'escuelas'],
      method: 'MULTIPLE',
      votes: 3,
      curp: true,
      public_weight: 0.4,
    });
    const { rows: rounds } = await sql.query(
      `SELECT position, kind, advance_count,
              to_char(opens_at AT TIME ZONE 'America/Mexico_City', 'YYYY-MM-DD"T"HH24:MI') AS opens,
              to_char(closes_at AT TIME ZONE 'America/Mexico_City', 'YYYY-MM-DD"T"HH24:MI') AS closes,
              opens_at
         FROM rounds WHERE challenge_id = $1 ORDER BY position`,
      [challengeId],
    );
    expect(rounds.map(({ opens_at: _, ...r }) => r)).toEqual([
      {
        position: 1,
        kind: 'SUBMISSION',
        advance_count: null,
        opens: at('03-02', '09:00'),
        closes: at('03-20', '18:00'),
      },
      { position: 2, kind: 'VOTING', advance_count: 5, opens: at('03-21', '09:00'), closes: at('03-31', '18:00') },
      {
        position: 3,
        kind: 'EVALUATION',
        advance_count: null,
        opens: at('04-01', '09:00'),
        closes: at('04-15', '18:00'),
      },
    ]);
    expect((rounds[0].opens_at as Date).toISOString()).toBe(`${YEAR}-03-02T15:00:00.000Z`);
    const { rows: criteria } = await sql.query(
      'SELECT name, weight::float AS weight, max_score FROM evaluation_criteria WHERE challenge_id = $1 ORDER BY position',
      [challengeId],
    );
    expect(criteria).toEqual([
      { name: 'Impacto', weight: 60, max_score: 10 },
      { name: 'Viabilidad', weight: 40, max_score: 5 },
    ]);

    // Cancelling needs a reason; then the challenge is cancelled with it.
    await page.getByRole('button', { name: 'Cancelar el reto' }).click();
    await page.locator('#reason-error').waitFor();
    expect(await focusedElement(page)).toMatchObject({ id: 'reason' });
    await expectAccessible(page, 'cancel without a reason');
    await page.getByLabel('Motivo de la cancelación').fill('El municipio ya atendió todas las escuelas.');
    await page.getByRole('button', { name: 'Cancelar el reto' }).click();
    await page.getByRole('main').getByText('Estado: cancelado.').waitFor();
    await page.getByText('Motivo: El municipio ya atendió todas las escuelas.').waitFor();
    await expectAccessible(page, 'cancelled');
    const { rows: cancelled } = await sql.query('SELECT status, cancelled_reason FROM challenges WHERE id = $1', [
      challengeId,
    ]);
    expect(cancelled).toEqual([
      { status: 'CANCELLED', cancelled_reason: 'El municipio ya atendió todas las escuelas.' },
    ]);
  }, 240_000);
});
