import type pg from 'pg';
import type { Page } from 'playwright-core';
import { createUnitWithStaff } from '../support/accounts.js';
import { challengeInput } from '../support/challenge-input.js';
import { CANCEL, CREATE_CHALLENGE, PUBLISH } from '../support/notifications.js';
import { sqlClient } from '../support/test-database.js';
import { channelSubscribed } from '../support/ws-client.js';
import { createCitizen, signIn, slugOf, tabTo } from './support/citizen.js';
import {
  expectAccessible,
  focusedElement,
  overflowsHorizontally,
  startWebApp,
  type WebApp,
} from './support/web-app.js';

const TITLE = 'Bebederos en los parques de Puebla';

/** The header bell, found by the name a screen reader says. */
const bell = (page: Page, name: string) => page.getByRole('banner').getByRole('link', { name, exact: true });

/**
 * Avisos: a citizen follows a challenge, the unit cancels it, and the header bell counts the notice live (no reload);
 * on /avisos the citizen reads it and marks it read, and the bell goes back to zero. On a phone, a longer list pages
 * with «Cargar más» and is marked read all at once.
 */
describe('Avisos in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;

  beforeAll(async () => {
    // Workers: the outbox relay and the fan-out that stores and pushes notifications.
    web = await startWebApp({ workers: true });
    sql = await sqlClient(web.api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('counts a new notice live in the bell, then marks it read on /avisos', async () => {
    const staff = await createUnitWithStaff(web.api);
    const created = await web.api.gql(
      CREATE_CHALLENGE,
      { input: challengeInput(staff.unitId, { title: TITLE }) },
      staff.admin.token,
    );
    const challengeId = created.data.createChallenge.id as string;
    expect((await web.api.gql(PUBLISH, { id: challengeId }, staff.admin.token)).errors).toBeUndefined();
    const slug = await slugOf(sql, challengeId);
    const citizen = await createCitizen(web.api, sql, { displayName: 'Ciudadana Avisada' });

    const { page } = await web.open('/');
    await signIn(page, citizen, `/retos/${slug}`);
    await bell(page, 'Avisos').waitFor();
    await page.getByRole('button', { name: 'Seguir este reto' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Ahora sigues «${TITLE}».` })
      .waitFor();
    await expectAccessible(page, 'following, nothing unread');

    // The bell listens before the unit acts; a marker on window proves the page is never reloaded.
    await channelSubscribed(web.api.env.REDIS_PREFIX, 'notification', citizen.id);
    await page.evaluate('window.sameDocument = true');
    const cancelled = await web.api.gql(
      CANCEL,
      { id: challengeId, reason: 'El presupuesto se reasignó a emergencias.' },
      staff.admin.token,
    );
    expect(cancelled.errors).toBeUndefined();
    await bell(page, 'Avisos (1 sin leer)').waitFor({ timeout: 30_000 });
    expect(await page.evaluate('window.sameDocument')).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Nuevo aviso: Reto cancelado' }).waitFor();
    await expectAccessible(page, 'bell counted the notice live');

    // Keyboard only: Tab to the bell and open it.
    await tabTo(page, /^Avisos\(1 sin leer\)/);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/avisos');
    const notice = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Reto cancelado/ }) });
    await notice.waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'h1', text: 'Avisos' });
    await page.getByRole('heading', { level: 2, name: '1 aviso' }).waitFor();
    expect(await notice.getByRole('heading').textContent()).toBe('Sin leer Reto cancelado');
    await notice.getByText('El presupuesto se reasignó a emergencias.', { exact: false }).waitFor();
    expect(await notice.getByRole('link', { name: `Ver el reto «${TITLE}»` }).getAttribute('href')).toBe(
      `/retos/${slug}`,
    );
    expect(await page.getByRole('link', { name: 'Elegir qué avisos recibo' }).getAttribute('href')).toBe(
      '/cuenta/avisos',
    );
    await expectAccessible(page, 'avisos with one unread notice');

    await page.getByRole('checkbox', { name: 'Solo sin leer' }).check();
    await page.waitForURL((url) => url.search === '?solo=sin-leer');
    await page.getByRole('status').filter({ hasText: '1 aviso sin leer' }).waitFor();
    await notice.waitFor();
    await expectAccessible(page, 'only unread');

    await notice.getByRole('button', { name: 'Marcar como leído «Reto cancelado»' }).click();
    await page.getByRole('status').filter({ hasText: 'Aviso marcado como leído.' }).waitFor();
    await page.getByText('No tienes avisos sin leer.').waitFor();
    await bell(page, 'Avisos').waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'h2', text: '0 avisos sin leer' });
    const { rows } = await sql.query('SELECT read_at FROM notifications WHERE recipient_id = $1', [citizen.id]);
    expect(rows).toEqual([{ read_at: expect.any(Date) }]);
    await expectAccessible(page, 'marked read, nothing unread');

    await page.getByRole('checkbox', { name: 'Solo sin leer' }).uncheck();
    await notice.waitFor();
    expect(await notice.getByRole('heading').textContent()).toBe(' Reto cancelado');
    expect(await notice.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'the read notice in the full list');
  });

  it('on a 360 px phone: sends a signed-out visitor to sign in and back, pages with «Cargar más», marks all read', async () => {
    const citizen = await createCitizen(web.api, sql);
    await sql.query(
      `INSERT INTO notifications (event_id, recipient_id, type, title, body, created_at)
       SELECT 900000 + n, $1, 'ROUND_OPENED', 'Aviso número ' || n, 'Abrió una ronda de un reto que sigues.',
              now() - (30 - n) * interval '1 minute'
       FROM generate_series(1, 22) AS n`,
      [citizen.id],
    );

    const { page } = await web.open('/avisos', { phone: true });
    await page.waitForURL((url) => url.pathname === '/entrar' && url.search === '?volver=%2Favisos');
    await page.getByLabel('Correo electrónico').fill(citizen.email);
    await page.getByLabel('Contraseña').fill(citizen.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL((url) => url.pathname === '/avisos');
    await page.getByRole('heading', { level: 2, name: '22 avisos' }).waitFor();
    await bell(page, 'Avisos (22 sin leer)').waitFor();
    const notices = page.getByRole('region', { name: '22 avisos' }).getByRole('listitem');
    expect(await notices.count()).toBe(20);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'phone: first page');

    await page.getByRole('button', { name: 'Cargar más' }).click();
    await page.getByRole('status').filter({ hasText: 'Se cargaron 2 avisos más.' }).waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'h3', text: 'Sin leer Aviso número 2' });
    expect(await page.getByRole('button', { name: 'Cargar más' }).count()).toBe(0);
    await expectAccessible(page, 'phone: every notice loaded');

    await page.getByRole('button', { name: 'Marcar todos como leídos' }).click();
    await page.getByRole('status').filter({ hasText: 'Marcamos 22 avisos como leídos.' }).waitFor();
    await bell(page, 'Avisos').waitFor();
    expect(await page.getByText('Sin leer', { exact: true }).count()).toBe(0);
    const { rows } = await sql.query(
      'SELECT count(*)::int AS unread FROM notifications WHERE recipient_id = $1 AND read_at IS NULL',
      [citizen.id],
    );
    expect(rows[0].unread).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'phone: all read');
  });
});
