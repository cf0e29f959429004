import type pg from 'pg';
import { createJuryChallenge } from '../support/evaluation-fixtures.js';
import { CAST, createVoters } from '../support/voting-fixtures.js';
import { sqlClient } from '../support/test-database.js';
import { createCitizen, signIn, slugOf, tabTo } from './support/citizen.js';
import { expectAccessible, focusedElement, startWebApp, type WebApp } from './support/web-app.js';

/**
 * An official of the unit, in "Mi unidad": finds the challenge on the dashboard, declares a proposal ineligible
 * with a public reason (mouse, then keyboard only), adds two jurors by e-mail and removes one, reads how many voted in
 * the open voting round, closes it early after reading the consequences, and then opens the next round now.
 */
describe('Mi unidad: an official manages a challenge', () => {
  let web: WebApp;
  let sql: pg.Client;
  let slug: string;
  let challenge: Awaited<ReturnType<typeof createJuryChallenge>>;
  let official: Awaited<ReturnType<typeof createCitizen>>;

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
    challenge = await createJuryChallenge(sql, web.api.config, {
      kinds: ['SUBMISSION', 'VOTING', 'EVALUATION'],
      openPosition: 2,
      proposals: 3,
      settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 2, showLiveTally: true },
      criteria: [[1, 10]],
    });
    slug = await slugOf(sql, challenge.challengeId);
    official = await createCitizen(web.api, sql, { displayName: 'Funcionaria de la Unidad' });
    await sql.query(`INSERT INTO unit_memberships (unit_id, user_id, role) VALUES ($1, $2, 'ADMIN')`, [
      challenge.unitId,
      official.id,
    ]);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('moderates with a reason, manages the jury and closes the voting round after confirming', async () => {
    // Two people vote in parallel before the official looks: one for two proposals, one for one.
    const [votante1, votante2] = await createVoters(sql, web.api.config, 2);
    const [, p2, p3] = challenge.proposalIds;
    const votes = await Promise.all([
      web.api.gql(CAST, { id: p2 }, votante1.token),
      web.api.gql(CAST, { id: p3 }, votante1.token),
      web.api.gql(CAST, { id: p2 }, votante2.token),
    ]);
    expect(votes.map((v) => v.errors)).toEqual([undefined, undefined, undefined]);

    const { page } = await web.open('/');
    await signIn(page, official, '/mi-unidad');
    await page.getByRole('heading', { level: 1, name: 'Mi unidad' }).waitFor();
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Mi unidad' }).waitFor();
    await page.getByRole('heading', { name: 'En votación (1)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Nuevo reto' }).getAttribute('href')).toBe('/mi-unidad/nuevo-reto');
    await expectAccessible(page, 'dashboard');

    await page.getByRole('link', { name: /^Reto de prueba/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Gestión de «Reto de prueba/ }).waitFor();
    await page.getByRole('heading', { name: 'Propuesta 1' }).waitFor();
    const votingItem = page
      .getByRole('region', { name: 'Rondas' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^Votación/ }) });
    await votingItem.getByText('Participación: 2 personas votaron, 3 votos.').waitFor();
    await expectAccessible(page, 'challenge management');

    // Moderation: the reason is required, and said so at its field.
    const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Propuesta 1' }) });
    await page.getByRole('button', { name: 'Declarar no elegible «Propuesta 1»' }).click();
    await first.getByText('Escribe el motivo: es obligatorio y será público.').waitFor();
    expect(await page.getByLabel('Motivo para «Propuesta 1»').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'reason missing');

    const reason = 'No corresponde al territorio del reto.';
    await page.getByLabel('Motivo para «Propuesta 1»').fill(reason);
    await page.getByRole('button', { name: 'Declarar no elegible «Propuesta 1»' }).click();
    await first.getByText(`Motivo: ${reason}`).waitFor();
    await first.getByText('No elegible').waitFor();
    await page.getByRole('status').filter({ hasText: '«Propuesta 1» quedó declarada no elegible.' }).waitFor();
    await expectAccessible(page, 'proposal declared ineligible');
    // The reason is public: anyone reading the proposal through the API sees it.
    const publicView = await web.api.gql(`query($id: ID!) { proposal(id: $id) { status moderationReason } }`, {
      id: challenge.proposalIds[0],
    });
    expect(publicView.data.proposal).toEqual({ status: 'INELIGIBLE', moderationReason: reason });

    // Jury: two jurors by e-mail, then one leaves.
    const [ana, beto] = [
      await createCitizen(web.api, sql, { displayName: 'Ana Jurado' }),
      await createCitizen(web.api, sql, { displayName: 'Beto Jurado' }),
    ];
    for (const person of [ana, beto]) {
      await page.getByLabel('Correo de la persona').fill(person.email);
      await page.getByRole('button', { name: 'Agregar al jurado' }).click();
      await page.getByRole('heading', { name: person === ana ? 'Ana Jurado' : 'Beto Jurado' }).waitFor();
    }
    await page.getByText('Evaluaciones enviadas: 0 de 0').first().waitFor();
    await expectAccessible(page, 'two jurors added');
    await page.getByLabel('Correo de la persona').fill('nadie@ejemplo.mx');
    await page.getByRole('button', { name: 'Agregar al jurado' }).click();
    await page.getByText('No existe una cuenta con ese correo.').waitFor();
    await expectAccessible(page, 'unknown juror e-mail');

    await page.getByRole('button', { name: 'Quitar del jurado «Beto Jurado»' }).click();
    await page.getByRole('heading', { name: 'Beto Jurado' }).waitFor({ state: 'detached' });
    const { rows: jury } = await sql.query(
      'SELECT u.display_name FROM jury_members j JOIN users u ON u.id = j.user_id WHERE j.challenge_id = $1',
      [challenge.challengeId],
    );
    expect(jury.map((r) => r.display_name)).toEqual(['Ana Jurado']);
    await expectAccessible(page, 'one juror removed');

    // Close the open voting round now, after reading what it means; cancelling first changes nothing.
    await page.getByRole('button', { name: 'Cerrar ronda ahora «Votación»' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Cerrar la ronda «Votación» ahora?' });
    await dialog.getByText('no se puede reabrir', { exact: false }).waitFor();
    await expectAccessible(page, 'close round confirmation');
    // The safe choice has focus, so Enter on an opened dialog closes nothing.
    expect(await focusedElement(page)).toMatchObject({ tag: 'button', text: 'Cancelar' });
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'detached' });
    const round = challenge.rounds.find((r) => r.kind === 'VOTING')!;
    const status = async () =>
      (await sql.query<{ status: string }>('SELECT status FROM rounds WHERE id = $1', [round.id])).rows[0].status;
    expect(await status()).toBe('OPEN');

    await page.getByRole('button', { name: 'Cerrar ronda ahora «Votación»' }).click();
    await dialog.getByRole('button', { name: 'Sí, cerrar la ronda' }).click();
    await page.getByText('La ronda «Votación» quedó cerrada.').first().waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await status()).toBe('CLOSED');
    await expectAccessible(page, 'round closed');

    // The audit log reads as a Spanish timeline, refreshed after each change.
    const audit = page.getByRole('region', { name: 'Bitácora' });
    await audit.getByText('Beto Jurado dejó el jurado.').waitFor();
    await audit.getByText('Ana Jurado se integró al jurado.').waitFor();
    await expectAccessible(page, 'audit timeline');
  });

  it('reschedules a round in Mexico City time, with the server refusal at its field', async () => {
    const { page } = await web.open('/');
    await signIn(page, official, `/mi-unidad/retos/${slug}`);
    await page.getByRole('button', { name: 'Reprogramar «Evaluación»' }).click();
    const opens = page.getByLabel('Nueva apertura');
    const closes = page.getByLabel('Nuevo cierre');
    const opensValue = await opens.inputValue();
    // Closing before opening: the API's INVALID_SCHEDULE problem appears at the closing field.
    await closes.fill(opensValue.replace(/T\d{2}:\d{2}$/, 'T00:00'));
    await page.getByRole('button', { name: 'Guardar fechas' }).click();
    await page.getByText('La ronda debe cerrar después de abrir.').waitFor();
    expect(await closes.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'reschedule refused at the field');

    // 20:30 in Mexico City, one day after it opens, is 02:30 UTC the next day.
    const [y, m, d] = opensValue.slice(0, 10).split('-').map(Number);
    const nextDay = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    await closes.fill(`${nextDay}T20:30`);
    await page.getByRole('button', { name: 'Guardar fechas' }).click();
    await page.getByText('Se reprogramó la ronda «Evaluación».').first().waitFor();
    const round = challenge.rounds.find((r) => r.kind === 'EVALUATION')!;
    const { rows } = await sql.query<{ closes_at: Date }>('SELECT closes_at FROM rounds WHERE id = $1', [round.id]);
    const expected = new Date(Date.UTC(y, m - 1, d + 2, 2, 30));
    expect(rows[0].closes_at.toISOString()).toBe(expected.toISOString());
    await expectAccessible(page, 'round rescheduled');

    // The voting round was closed early (first test): the evaluation round, planned for the voting round's
    // original close, opens now and keeps its closing.
    await page.reload();
    await page.getByRole('button', { name: 'Reprogramar «Evaluación»' }).click();
    await page.getByText('La ronda anterior («Votación») ya cerró', { exact: false }).waitFor();
    expect(await closes.inputValue()).toBe(`${nextDay}T20:30`);
    await expectAccessible(page, 'open now offered');
    const before = Date.now();
    await page.getByRole('button', { name: 'Abrir ahora «Evaluación»' }).click();
    await page.getByText('La ronda «Evaluación» abre ahora; su estado cambia en unos segundos.').first().waitFor();
    const after = Date.now();
    const { rows: moved } = await sql.query<{ opens_at: Date; closes_at: Date }>(
      'SELECT opens_at, closes_at FROM rounds WHERE id = $1',
      [round.id],
    );
    expect(moved[0].opens_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(moved[0].opens_at.getTime()).toBeLessThanOrEqual(after);
    expect(moved[0].opens_at.getTime()).toBeLessThan(round.opensAt.getTime());
    expect(moved[0].closes_at.toISOString()).toBe(expected.toISOString());
    await expectAccessible(page, 'round opened now');
  });

  it('moderates by keyboard only', async () => {
    const { page } = await web.open('/');
    await signIn(page, official, `/mi-unidad/retos/${slug}`);
    await page.getByRole('heading', { name: 'Propuesta 2' }).waitFor();
    await tabTo(page, 'Motivo para «Propuesta 2»');
    await page.keyboard.type('Repite otra propuesta ya enviada.');
    await tabTo(page, 'Declarar no elegible «Propuesta 2»');
    await page.keyboard.press('Enter');
    const second = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Propuesta 2' }) });
    await second.getByText('Motivo: Repite otra propuesta ya enviada.').waitFor();
    const { rows } = await sql.query('SELECT status, moderation_reason FROM proposals WHERE id = $1', [
      challenge.proposalIds[1],
    ]);
    expect(rows[0]).toEqual({ status: 'INELIGIBLE', moderation_reason: 'Repite otra propuesta ya enviada.' });
    await expectAccessible(page, 'ineligible by keyboard');
  });
});
