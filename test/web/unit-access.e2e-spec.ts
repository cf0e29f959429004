import type pg from 'pg';
import { createPublishedChallenge } from '../support/challenge-factory.js';
import { sqlClient } from '../support/test-database.js';
import { createCitizen, signIn, slugOf } from './support/citizen.js';
import { expectAccessible, startWebApp, type WebApp } from './support/web-app.js';

const HOUR = 3600_000;

/**
 * Who may do what in "Mi unidad": signed-out people are sent to sign in and brought back, citizens read
 * "No tienes acceso", an EDITOR cannot do what only an ADMIN may, and the last ADMIN cannot leave the unit.
 */
describe('Mi unidad: access and roles', () => {
  let web: WebApp;
  let sql: pg.Client;
  let unitId: string;
  let slug: string;
  let admin: Awaited<ReturnType<typeof createCitizen>>;
  let editor: Awaited<ReturnType<typeof createCitizen>>;

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
    admin = await createCitizen(web.api, sql, { displayName: 'Titular Única' });
    editor = await createCitizen(web.api, sql, { displayName: 'Editora Eva' });
    const {
      rows: [unit],
    } = await sql.query(
      `INSERT INTO government_units (name, level) VALUES ('Secretaría de Pruebas', 'FEDERAL') RETURNING id`,
    );
    unitId = unit.id;
    await sql.query(
      `INSERT INTO unit_memberships (unit_id, user_id, role) VALUES ($1, $2, 'ADMIN'), ($1, $3, 'EDITOR')`,
      [unitId, admin.id, editor.id],
    );
    const now = Date.now();
    const challenge = await createPublishedChallenge(
      sql,
      [
        { kind: 'SUBMISSION', opensAt: new Date(now - 2 * HOUR), closesAt: new Date(now - HOUR) },
        { kind: 'VOTING', opensAt: new Date(now - HOUR), closesAt: new Date(now + HOUR) },
      ],
      { unitId, adminId: admin.id },
    );
    await sql.query(`UPDATE rounds SET status = 'CLOSED', opened_at = opens_at, closed_at = closes_at WHERE id = $1`, [
      challenge.rounds[0].id,
    ]);
    await sql.query(`UPDATE rounds SET status = 'OPEN', opened_at = opens_at WHERE id = $1`, [challenge.rounds[1].id]);
    slug = await slugOf(sql, challenge.challengeId);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('sends a signed-out visitor to sign in and back; a citizen reads "No tienes acceso"', async () => {
    const citizen = await createCitizen(web.api, sql, { displayName: 'Ciudadana Curiosa' });
    const { page } = await web.open('/mi-unidad');
    await page.waitForURL((url) => url.pathname === '/entrar' && url.searchParams.get('volver') === '/mi-unidad');
    await page.getByLabel('Correo electrónico').fill(citizen.email);
    await page.getByLabel('Contraseña').fill(citizen.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL((url) => url.pathname === '/mi-unidad');
    await page.getByRole('heading', { level: 1, name: 'No tienes acceso' }).waitFor();
    expect(await page.getByRole('link', { name: 'Mi unidad' }).count()).toBe(0);
    await expectAccessible(page, 'citizen on the dashboard');

    await page.goto(`/mi-unidad/retos/${slug}`);
    await page.getByRole('heading', { level: 1, name: 'No tienes acceso' }).waitFor();
    await page.goto(`/mi-unidad/equipo/${unitId}`);
    await page.getByRole('heading', { level: 1, name: 'No tienes acceso' }).waitFor();
    await expectAccessible(page, 'citizen on a team page');
  });

  it('keeps ADMIN-only actions from an EDITOR, saying why', async () => {
    const { page } = await web.open('/');
    await signIn(page, editor, `/mi-unidad/retos/${slug}`);
    await page.getByRole('heading', { name: 'Votación' }).waitFor();
    await page.getByText('Solo la administración (ADMIN) de la unidad cierra y reprograma rondas.').waitFor();
    expect(await page.getByRole('button', { name: /Cerrar ronda ahora/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Reprogramar/ }).count()).toBe(0);
    await expectAccessible(page, 'editor on the challenge');

    await page.goto(`/mi-unidad/equipo/${unitId}`);
    await page.getByRole('heading', { level: 1, name: 'Equipo de Secretaría de Pruebas' }).waitFor();
    expect(await page.getByRole('button', { name: 'Agregar o cambiar papel' }).count()).toBe(0);
    const remove = page.getByRole('button', { name: 'Quitar de la unidad «Titular Única»' });
    expect(await remove.getAttribute('aria-disabled')).toBe('true');
    // Still reachable by keyboard (aria-disabled, not disabled), and it says why nothing happens.
    await remove.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Solo la administración (ADMIN) de la unidad agrega y quita integrantes.' })
      .waitFor();
    const { rows } = await sql.query('SELECT count(*)::int AS n FROM unit_memberships WHERE unit_id = $1', [unitId]);
    expect(rows[0].n).toBe(2);
    await expectAccessible(page, 'editor refused on the team page');
  });

  it('refuses to remove the last ADMIN, and explains the API refusal to a demoted member, in Spanish', async () => {
    const { page } = await web.open('/');
    await signIn(page, admin, `/mi-unidad/equipo/${unitId}`);
    await page.getByRole('heading', { level: 1, name: 'Equipo de Secretaría de Pruebas' }).waitFor();
    await expectAccessible(page, 'admin on the team page');
    await page.getByRole('button', { name: 'Quitar de la unidad «Titular Única»' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'No se puede quitar a la última persona administradora' })
      .waitFor();
    const { rows } = await sql.query(`SELECT role FROM unit_memberships WHERE unit_id = $1 AND user_id = $2`, [
      unitId,
      admin.id,
    ]);
    expect(rows).toEqual([{ role: 'ADMIN' }]);
    await expectAccessible(page, 'last admin refusal');

    // Demoted to EDITOR while the page is open: the API refuses, and the page explains the refusal in Spanish.
    await sql.query(`UPDATE unit_memberships SET role = 'EDITOR' WHERE unit_id = $1 AND user_id = $2`, [
      unitId,
      admin.id,
    ]);
    await page.getByRole('button', { name: 'Quitar de la unidad «Editora Eva»' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Solo una persona administradora (ADMIN) de la unidad puede quitar integrantes.' })
      .waitFor();
    const { rows: still } = await sql.query('SELECT count(*)::int AS n FROM unit_memberships WHERE unit_id = $1', [
      unitId,
    ]);
    expect(still[0].n).toBe(2);
    await expectAccessible(page, 'API refusal after demotion');
  });
});
