import { signUp } from '../support/accounts.js';
import { expectAccessible, focusedElement, startWebApp, type WebApp } from './support/web-app.js';

describe('a citizen signs in, keeps the session across a reload and signs out', () => {
  let web: WebApp;

  beforeAll(async () => {
    web = await startWebApp();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('signs in: an HttpOnly, SameSite=Strict cookie for /graphql holds the session; the header shows the name', async () => {
    const account = await signUp(web.api, { displayName: 'Lucía Hernández' });
    const { context, page } = await web.open('/entrar');
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await expectAccessible(page, 'sign-in form');

    await page.getByLabel('Correo electrónico').fill(account.email);
    await page.getByLabel('Contraseña').fill(account.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Sesión de Lucía Hernández').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Explorar retos' }).waitFor();

    const [cookie] = (await context.cookies(`${web.api.url}/graphql`)).filter((c) => c.name === 'retos_sesion');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
    // Page scripts cannot read it.
    expect(await page.evaluate('document.cookie')).toBe('');
    await expectAccessible(page, 'signed in');

    await page.reload();
    await page.getByText('Sesión de Lucía Hernández').waitFor();

    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByRole('link', { name: 'Iniciar sesión' }).waitFor();
    expect((await context.cookies(`${web.api.url}/graphql`)).filter((c) => c.name === 'retos_sesion')).toEqual([]);
    await page.reload();
    await page.getByRole('link', { name: 'Iniciar sesión' }).waitFor();
    expect(await page.getByText('Sesión de Lucía Hernández').count()).toBe(0);
  });

  it('keeps the session when two tabs reload at the same moment (the refresh token is spent once at a time)', async () => {
    const account = await signUp(web.api, { displayName: 'Rosa Tabs' });
    const { context, page } = await web.open('/entrar');
    await page.getByLabel('Correo electrónico').fill(account.email);
    await page.getByLabel('Contraseña').fill(account.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Sesión de Rosa Tabs').waitFor();
    const second = await context.newPage();
    await second.goto('/');
    await second.getByText('Sesión de Rosa Tabs').waitFor();

    for (let round = 0; round < 3; round++) {
      await Promise.all([page.reload(), second.reload()]);
      await Promise.all([page, second].map((tab) => tab.getByText('Sesión de Rosa Tabs').waitFor()));
    }
    await expectAccessible(second, 'second tab still signed in');
  });

  it('refuses a wrong password with the Spanish message, focused, and no cookie', async () => {
    const account = await signUp(web.api);
    const { context, page } = await web.open('/entrar');
    await page.getByLabel('Correo electrónico').fill(account.email);
    await page.getByLabel('Contraseña').fill('no-es-la-contraseña');
    await page.getByRole('button', { name: 'Entrar' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /contraseña/i });
    await alert.waitFor();
    expect(await focusedElement(page)).toMatchObject({ text: await alert.innerText() });
    expect(await context.cookies(`${web.api.url}/graphql`)).toEqual([]);
    await expectAccessible(page, 'sign-in refused');
  });

  it('registers a new account and starts its session', async () => {
    const { page } = await web.open('/registro');
    await page.getByLabel('Nombre para mostrar').fill('Mateo Ruiz');
    await page.getByLabel('Correo electrónico').fill(`mateo-${Date.now()}@ejemplo.mx`);
    await page.getByLabel('Contraseña').fill('una-contraseña-larga');
    await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
    await page.getByText('Sesión de Mateo Ruiz').waitFor();
    await expectAccessible(page, 'registered');
  });

  it('shows the API field error at the field when registering with a short password', async () => {
    const { page } = await web.open('/registro');
    await page.getByLabel('Nombre para mostrar').fill('Ana');
    await page.getByLabel('Correo electrónico').fill(`ana-${Date.now()}@ejemplo.mx`);
    await page.getByLabel('Contraseña').fill('corta');
    await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
    const password = page.getByLabel('Contraseña');
    await page.locator('#password[aria-invalid="true"]').waitFor();
    expect(await focusedElement(page)).toMatchObject({ id: 'password' });
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('password-error');
    expect(await page.locator('#password-error').innerText()).toMatch(/contraseña/i);
    await expectAccessible(page, 'register refused');
  });
});
