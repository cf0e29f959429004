import type pg from 'pg';
import type { Page } from 'playwright-core';
import { createPublishedChallenge, roundsFromNow } from '../support/challenge-factory.js';
import { ACCEPT_INVITATION, MY_INVITATIONS } from '../support/proposals.js';
import type { TestAccount } from '../support/identity.js';
import { sqlClient } from '../support/test-database.js';
import { createVotingChallenge } from '../support/voting-fixtures.js';
import { createCitizen, signIn, slugOf, tabTo } from './support/citizen.js';
import { expectAccessible, focusedElement, startWebApp, type WebApp } from './support/web-app.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const TITLE = 'Bebederos con filtro en escuelas';
const NEW_TITLE = 'Bebederos solares en escuelas';
const SUMMARY = 'Agua potable en los patios de las primarias públicas.';
const BODY = 'Instalar bebederos con filtro.\n\nDarles mantenimiento cada mes con las familias.';

/** How many proposal drafts this browser keeps (localStorage), read as the page sees them. */
function localDrafts(page: Page): Promise<number> {
  return page.evaluate(
    `Object.keys(window.localStorage).filter((key) => key.startsWith('retos-publicos:borrador:')).length`,
  );
}

/**
 * Waits until keyboard focus is on the element with this id or this exact text: pages move focus in an effect after
 * rendering, so the moment a text appears can come just before focus moves.
 */
async function focusReaches(page: Page, where: { id?: string; text?: string }): Promise<void> {
  await page
    .waitForFunction(
      `(() => {
        const el = document.activeElement;
        const where = ${JSON.stringify(where)};
        return !!el && (where.id === undefined || el.id === where.id) &&
          (where.text === undefined || (el.textContent ?? '').trim() === where.text);
      })()`,
      undefined,
      { timeout: 5000 },
    )
    .catch(async () => {
      throw new Error(`focus is on ${JSON.stringify(await focusedElement(page))}, not ${JSON.stringify(where)}`);
    });
}

/**
 * A citizen's proposal from first words to withdrawal: a draft kept in the browser across a visit elsewhere, the two
 * steps to send it, its page, editing (draft of the edit restored and discarded, refusal at its field), co-authors,
 * withdrawing by keyboard through the dialog; then the list with «Ver más» and a hidden proposal's notice.
 */
describe('managing a proposal in the browser', () => {
  let web: WebApp;
  let sql: pg.Client;
  let slug: string;
  let votingSlug: string;
  let votingTitles: string[];
  let hiddenId: string;
  let rosa: TestAccount;
  let luis: TestAccount;
  let page: Page;
  let proposalPath: string;

  beforeAll(async () => {
    web = await startWebApp();
    sql = await sqlClient(web.api.env.DATABASE_URL);
    const created = await createPublishedChallenge(
      sql,
      roundsFromNow([
        [-HOUR, 3 * DAY, 'SUBMISSION'],
        [3 * DAY, 6 * DAY, 'VOTING'],
      ]),
    );
    await sql.query(`UPDATE rounds SET status = 'OPEN', opened_at = now() WHERE id = $1`, [created.rounds[0].id]);
    slug = await slugOf(sql, created.challengeId);
    rosa = await createCitizen(web.api, sql, { displayName: 'Rosa Medina' });
    luis = await createCitizen(web.api, sql, { displayName: 'Luis Pérez' });
    // What moderation leaves behind (hideProposal): status HIDDEN with its public reason.
    ({
      rows: [{ id: hiddenId }],
    } = await sql.query<{ id: string }>(
      `INSERT INTO proposals (challenge_id, author_id, title, summary, body, status, hidden_from_status, moderation_reason, submitted_at)
       VALUES ($1, $2, 'Venta de semillas', 'Escríbenos para comprar semillas baratas.', 'Anuncio comercial sin relación con el reto.',
               'HIDDEN', 'SUBMITTED', 'Es publicidad, no una propuesta para el reto.', now()) RETURNING id`,
      [created.challengeId, luis.id],
    ));
    const voting = await createVotingChallenge(sql, { proposals: 25 });
    votingSlug = await slugOf(sql, voting.challengeId);
    votingTitles = Array.from({ length: 25 }, (_, i) => `Propuesta ${i + 1}`);
  });

  afterAll(async () => {
    await sql?.end();
    await web?.close();
  });

  it('keeps the draft in the browser across a visit elsewhere, then reviews and sends it', async () => {
    ({ page } = await web.open('/'));
    await signIn(page, rosa, `/retos/${slug}/proponer`);
    await page.getByRole('heading', { level: 1, name: 'Nueva propuesta' }).waitFor();
    await page.getByLabel('Título').fill(TITLE);
    await page.getByLabel('Resumen').fill(SUMMARY);
    await page.getByLabel('Propuesta completa').fill(BODY);
    await expectAccessible(page, 'proposal being written');

    // She leaves (a full load elsewhere) and comes back: the text is there, and she is told so.
    await page.goto(`/retos/${slug}`);
    // Signed in again from the cookie (leaving mid-renewal would spend the rotating refresh token for nothing).
    await page.getByRole('link', { name: 'Proponer', exact: true }).waitFor();
    await page.goto(`/retos/${slug}/proponer`);
    await page.getByText(/^Recuperamos tu borrador guardado en este navegador el /).waitFor();
    expect(await page.getByLabel('Título').inputValue()).toBe(TITLE);
    expect(await page.getByLabel('Propuesta completa').inputValue()).toBe(BODY);
    await page.getByRole('button', { name: 'Descartar borrador' }).waitFor();
    await expectAccessible(page, 'draft restored');

    await page.getByRole('button', { name: 'Revisar propuesta' }).click();
    const review = page.getByRole('heading', { level: 2, name: 'Paso 2 de 2: revisa y envía' });
    await review.waitFor();
    await focusReaches(page, { text: 'Paso 2 de 2: revisa y envía' });
    await page.getByRole('heading', { level: 3, name: TITLE }).waitFor();
    // The body's paragraphs, as text.
    await page.getByText('Darles mantenimiento cada mes con las familias.', { exact: true }).waitFor();
    expect(await sql.query('SELECT 1 FROM proposals WHERE author_id = $1', [rosa.id])).toMatchObject({ rowCount: 0 });
    await expectAccessible(page, 'proposal under review');

    await page.getByRole('button', { name: 'Enviar propuesta' }).click();
    await page.getByRole('heading', { level: 3, name: TITLE }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    proposalPath = new URL(page.url()).pathname;
    expect(proposalPath).toMatch(/^\/propuestas\/[0-9a-f-]{36}$/);
    expect(await localDrafts(page)).toBe(0);
    const facts = page.locator('dl.facts');
    expect(await facts.innerText()).toMatch(/Autoría\s+Rosa Medina/);
    expect(await facts.innerText()).toMatch(/Estado\s+Enviada/);
    await expectAccessible(page, 'proposal page of its author');
  });

  it('edits it: the edit is kept as a draft, can be discarded, and the API refusal shows at its field', async () => {
    await page.getByRole('link', { name: 'Editar', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Editar «${TITLE}»` }).waitFor();
    await page.getByLabel('Resumen').fill('Un resumen a medio escribir');
    await page.goto(proposalPath);
    await page.getByRole('link', { name: 'Editar', exact: true }).click();
    await page.getByText(/^Recuperamos tu borrador/).waitFor();
    expect(await page.getByLabel('Resumen').inputValue()).toBe('Un resumen a medio escribir');
    await expectAccessible(page, 'edit draft restored');

    await page.getByRole('button', { name: 'Descartar borrador' }).click();
    expect(await page.getByLabel('Resumen').inputValue()).toBe(SUMMARY);
    expect(await page.getByText(/^Recuperamos tu borrador/).count()).toBe(0);
    expect(await localDrafts(page)).toBe(0);

    await page.getByLabel('Título').fill('Agua');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.locator('#title[aria-invalid="true"]').waitFor();
    await focusReaches(page, { id: 'title' });
    expect(await page.locator('#title-error').innerText()).toMatch(/título/i);
    await expectAccessible(page, 'edit refused at the title');

    await page.getByLabel('Título').fill(NEW_TITLE);
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Guardamos los cambios de tu propuesta.' }).waitFor();
    const { rows } = await sql.query<{ title: string }>('SELECT title FROM proposals WHERE author_id = $1', [rosa.id]);
    expect(rows).toEqual([{ title: NEW_TITLE }]);
    expect(await localDrafts(page)).toBe(0);
  });

  it('invites a co-author by e-mail, with each problem at the field, and shows who signs', async () => {
    const email = page.getByLabel('Correo de la persona');
    const invite = page.getByRole('button', { name: 'Enviar invitación' });
    await email.fill('luis@');
    await invite.click();
    await page.locator('#coAuthorEmail-error').filter({ hasText: 'Escribe un correo válido' }).waitFor();
    await focusReaches(page, { id: 'coAuthorEmail' });

    // The API's refusal (her own address), in Spanish at the field.
    await email.fill(rosa.email);
    await invite.click();
    await page
      .locator('#coAuthorEmail-error')
      .filter({ hasText: 'Ya firmas la propuesta como autora o autor.' })
      .waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'co-author refused at the field');

    await email.fill(luis.email);
    await invite.click();
    await page
      .getByRole('main')
      .getByText(`Listo: si ${luis.email} tiene una cuenta verificada, le llegará la invitación.`)
      .waitFor();
    expect(await email.inputValue()).toBe('');
    expect(await page.locator('#coAuthorEmail-error').count()).toBe(0);
    await expectAccessible(page, 'co-author invited');

    const invitations = await web.api.gql(MY_INVITATIONS, {}, luis.accessToken);
    expect(invitations.data.myCoAuthorInvitations).toMatchObject([{ proposalTitle: NEW_TITLE }]);
    const accepted = await web.api.gql(
      ACCEPT_INVITATION,
      { id: invitations.data.myCoAuthorInvitations[0].id },
      luis.accessToken,
    );
    expect(accepted.errors).toBeUndefined();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
    await page.getByRole('button', { name: 'Retirar propuesta' }).waitFor();
    expect(await page.locator('dl.facts').innerText()).toMatch(/Coautoría\s+Luis Pérez/);
  });

  it('withdraws it by keyboard through a dialog that states the consequences', async () => {
    await tabTo(page, 'Retirar propuesta');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `¿Retirar «${NEW_TITLE}»?` });
    await dialog.waitFor();
    await dialog.getByText('Sale de la competencia').waitFor();
    await focusReaches(page, { text: 'Cancelar' });
    await expectAccessible(page, 'withdraw dialog open');

    // Escape closes it and gives focus back to the button that opened it; nothing changed.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await focusReaches(page, { text: 'Retirar propuesta' });
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedElement(page)).toMatchObject({ text: 'Sí, retirar la propuesta' });
    await page.keyboard.press('Enter');

    await dialog.waitFor({ state: 'detached' });
    await page.locator('dl.facts').filter({ hasText: 'Retirada' }).waitFor();
    await focusReaches(page, { text: 'Retiraste tu propuesta. Ya no está en competencia.' });
    expect(await page.getByRole('button', { name: 'Retirar propuesta' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Editar', exact: true }).count()).toBe(0);
    const { rows } = await sql.query<{ status: string }>('SELECT status FROM proposals WHERE author_id = $1', [
      rosa.id,
    ]);
    expect(rows).toEqual([{ status: 'WITHDRAWN' }]);
    await expectAccessible(page, 'proposal withdrawn');
  });

  it('lists a challenge in voting in random order and «Ver más» adds the next page without repeats', async () => {
    const { page: visitor } = await web.open(`/retos/${votingSlug}/propuestas`);
    await visitor.getByText('Se muestran 20 de 25 propuestas.', { exact: true }).waitFor();
    expect(await visitor.getByLabel('Ordenar por').inputValue()).toBe('RANDOM');
    const links = visitor.locator('.card-list a[data-proposal-link]');
    expect(await links.count()).toBe(20);
    await expectAccessible(visitor, 'proposal list, first page');

    await visitor.getByRole('button', { name: 'Ver más' }).click();
    await visitor.getByText('Se muestran 25 de 25 propuestas.', { exact: true }).waitFor();
    const titles = await links.allInnerTexts();
    expect(new Set(titles).size).toBe(25);
    expect([...titles].sort()).toEqual([...votingTitles].sort());
    expect(await visitor.getByRole('button', { name: 'Ver más' }).count()).toBe(0);
    // Keyboard users carry on at the first proposal of the new page.
    await focusReaches(visitor, { text: titles[20] });
    await expectAccessible(visitor, 'proposal list, second page');

    await links.nth(3).click();
    await visitor.getByRole('heading', { level: 1, name: titles[3] }).waitFor();
  });

  it('shows a hidden proposal with the moderation notice and its reason, without its content', async () => {
    const { page: visitor } = await web.open(`/propuestas/${hiddenId}`);
    await visitor.getByRole('heading', { level: 1, name: 'Venta de semillas' }).waitFor();
    await visitor.getByText('La moderación de la plataforma ocultó esta propuesta.').waitFor();
    await visitor.getByText('Motivo: Es publicidad, no una propuesta para el reto.').waitFor();
    expect(await visitor.locator('dl.facts').innerText()).toMatch(/Estado\s+Oculta/);
    expect(await visitor.getByText('Escríbenos para comprar semillas baratas.').count()).toBe(0);
    await expectAccessible(visitor, 'hidden proposal');
  });
});
