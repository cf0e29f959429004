import type pg from 'pg';
import { sqlClient } from '../support/test-database.js';
import { createVotingChallenge } from '../support/voting-fixtures.js';
import { createCitizen, signIn, slugOf, tabTo } from './support/citizen.js';
import {
  expectAccessible,
  focusedElement,
  overflowsHorizontally,
  startWebApp,
  type WebApp,
} from './support/web-app.js';

/**
 * A citizen fills a participatory-budget ballot by keyboard against a running total, sees what no longer fits and
 * why, is warned before leaving with unsent changes, sends it, reads what counted, and replaces it.
 */
describe('the budget ballot in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;
  let slug: string;
  let challengeId: string;
  let proposalIds: string[];

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'BUDGET', budgetRule: 'GREEDY', voterBudget: '1000.00' },
      budget: '1000.00',
      costs: ['600.00', '300.00', '500.00'],
    });
    ({ challengeId, proposalIds } = challenge);
    slug = await slugOf(sql, challengeId);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  const storedBallot = async (voterId: string) => {
    const { rows } = await sql.query<{ title: string }>(
      `SELECT p.title FROM budget_ballot_items i JOIN proposals p ON p.id = i.proposal_id
       WHERE i.voter_id = $1 ORDER BY p.title`,
      [voterId],
    );
    return rows.map((r) => r.title);
  };

  it('keeps a running total, greys what does not fit with the reason, warns before leaving, sends and replaces', async () => {
    const citizen = await createCitizen(web.api, sql);
    const { page } = await web.open('/');
    await signIn(page, citizen, `/retos/${slug}/boleta`);
    const summary = page.locator('.ballot-summary');
    await summary.getByText('Aún no envías tu boleta').waitFor();
    await expectAccessible(page, 'ballot loaded');

    await tabTo(page, 'Propuesta 1');
    await page.keyboard.press('Space');
    await tabTo(page, 'Propuesta 2');
    await page.keyboard.press('Space');
    await summary.getByText('Usas $900.00 de $1,000.00; te quedan $100.00').waitFor();
    await summary.getByText('Tienes cambios sin enviar').waitFor();

    // Propuesta 3 ($500) no longer fits: greyed, still reachable, and ticking it changes nothing.
    const third = page.getByRole('checkbox', { name: 'Propuesta 3' });
    expect(await third.getAttribute('aria-disabled')).toBe('true');
    await page.getByText('No cabe: cuesta $500.00 y te quedan $100.00.').waitFor();
    await tabTo(page, 'Propuesta 3');
    await page.keyboard.press('Space');
    expect(await third.isChecked()).toBe(false);
    await expectAccessible(page, 'ballot changed');

    await page.getByRole('link', { name: /Volver al reto/ }).click();
    const leave = page.getByRole('alertdialog', { name: 'Tienes cambios sin enviar' });
    await leave.waitFor();
    await expectAccessible(page, 'leave warning open');
    await page.keyboard.press('Enter'); // focus starts on "Seguir en mi boleta"
    await leave.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(`/retos/${slug}/boleta`);

    await tabTo(page, 'Enviar mi boleta');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Tu boleta está guardada' }).waitFor();
    await page.getByText('Propuesta 1 — $600.00').waitFor();
    await page.getByText('Propuesta 2 — $300.00').waitFor();
    await page.getByText('Total: $900.00').waitFor();
    await expectAccessible(page, 'confirmation');
    expect(await storedBallot(citizen.id)).toEqual(['Propuesta 1', 'Propuesta 2']);

    await page.getByRole('link', { name: 'Cambiar mi boleta' }).click();
    await summary.getByText('Tu boleta está guardada').waitFor();
    await page.getByRole('checkbox', { name: 'Propuesta 1' }).uncheck();
    await page.getByRole('checkbox', { name: 'Propuesta 3' }).check();
    await summary.getByText('Usas $800.00 de $1,000.00; te quedan $200.00').waitFor();
    await page.getByRole('button', { name: 'Reemplazar mi boleta' }).click();
    await page.getByText('Propuesta 3 — $500.00').waitFor();
    expect(await storedBallot(citizen.id)).toEqual(['Propuesta 2', 'Propuesta 3']);
  });

  it('shows the server refusal at the project list when the costs changed meanwhile, on a 360 px phone', async () => {
    const citizen = await createCitizen(web.api, sql);
    const { page } = await web.open('/', { phone: true });
    await signIn(page, citizen, `/retos/${slug}/boleta`);
    await page.getByRole('checkbox', { name: 'Propuesta 1' }).check();
    await page.getByRole('checkbox', { name: 'Propuesta 2' }).check();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'ballot at 360 px');

    // The page still believes $900; the server now counts $1,200 and refuses at the field proposalIds.
    await sql.query(`UPDATE proposals SET estimated_cost = 900 WHERE id = $1`, [proposalIds[0]]);
    try {
      await page.getByRole('button', { name: 'Enviar mi boleta' }).click();
      const error = page.locator('#boleta-error');
      await error.getByText(/supera tu presupuesto/).waitFor();
      expect((await focusedElement(page)).id).toBe('boleta-error');
      await expectAccessible(page, 'server refusal at the field');
      expect(await storedBallot(citizen.id)).toEqual([]);
    } finally {
      await sql.query(`UPDATE proposals SET estimated_cost = 600 WHERE id = $1`, [proposalIds[0]]);
    }
  });

  it("follows the challenge's ballot length with no cost cap: uncapped approval may pass the budget", async () => {
    const uncapped = await createVotingChallenge(sql, {
      settings: { votingMethod: 'BUDGET', budgetRule: 'GREEDY', minProjectsPerBallot: 2, maxProjectsPerBallot: 3 },
      budget: '1000.00',
      costs: ['600.00', '500.00', '400.00', '300.00'],
    });
    const citizen = await createCitizen(web.api, sql);
    const { page } = await web.open('/');
    await signIn(page, citizen, `/retos/${await slugOf(sql, uncapped.challengeId)}/boleta`);
    const summary = page.locator('.ballot-summary');
    await page.getByText('Elige de 2 a 3 proyectos, o deja la boleta vacía.').waitFor();
    await summary.getByText('0 de 3 proyectos').waitFor();

    await page.getByRole('checkbox', { name: 'Propuesta 1' }).check();
    await page.getByRole('button', { name: 'Enviar mi boleta' }).click();
    await page.getByText('Elige al menos 2 proyectos (llevas 1), o deja la boleta vacía.').waitFor();
    expect(await storedBallot(citizen.id)).toEqual([]);
    await expectAccessible(page, 'ballot too short');

    await page.getByRole('checkbox', { name: 'Propuesta 2' }).check();
    await page.getByRole('checkbox', { name: 'Propuesta 3' }).check();
    await summary.getByText('Total de tu boleta: $1,500.00 (sin tope por persona)').waitFor();
    await summary.getByText('3 de 3 proyectos').waitFor();
    const fourth = page.getByRole('checkbox', { name: 'Propuesta 4' });
    expect(await fourth.getAttribute('aria-disabled')).toBe('true');
    await page.getByText('Ya elegiste el máximo de 3 proyectos; quita uno para elegir este.').waitFor();
    await expectAccessible(page, 'ballot full');

    await page.getByRole('button', { name: 'Enviar mi boleta' }).click();
    await page.getByText('Total: $1,500.00').waitFor();
    const { rows } = await sql.query<{ title: string }>(
      `SELECT p.title FROM budget_ballot_items i JOIN proposals p ON p.id = i.proposal_id
       WHERE i.voter_id = $1 AND p.challenge_id = $2 ORDER BY p.title`,
      [citizen.id, uncapped.challengeId],
    );
    expect(rows.map((r) => r.title)).toEqual(['Propuesta 1', 'Propuesta 2', 'Propuesta 3']);
  });
});
