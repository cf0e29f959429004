import { signUp } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken viewer { displayName } } }`;
const REFRESH = `mutation { refreshSession { accessToken viewer { displayName } } }`;
const LOGOUT = `mutation { logout }`;

describe('the browser session cookie', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  async function post(query: string, variables: Record<string, unknown> = {}, cookie?: string) {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    return { body: (await response.json()) as any, setCookie, cookie: setCookie.split(';')[0] };
  }

  it('is set by login, renews the session without a token in the body, and is cleared by logout', async () => {
    const account = await signUp(api, { displayName: 'Elena Soto' });
    const login = await post(LOGIN, { input: { email: account.email, password: account.password } });
    expect(login.body.data.login.viewer.displayName).toBe('Elena Soto');
    expect(login.setCookie).toMatch(/^retos_sesion=[^;]+;/);
    expect(login.setCookie).toContain('HttpOnly');
    expect(login.setCookie).toContain('SameSite=Strict');
    expect(login.setCookie).toContain('Path=/graphql');
    expect(login.setCookie).not.toContain('Secure'); // only in production

    const refreshed = await post(REFRESH, {}, login.cookie);
    expect(refreshed.body.data.refreshSession.viewer.displayName).toBe('Elena Soto');
    expect(refreshed.cookie).not.toBe(login.cookie); // rotated

    const logout = await post(LOGOUT, {}, refreshed.cookie);
    expect(logout.body.data.logout).toBe(true);
    expect(logout.setCookie).toMatch(/^retos_sesion=;/);
    const after = await post(REFRESH, {}, refreshed.cookie);
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('without a cookie or token, refreshSession is UNAUTHENTICATED and logout still answers true', async () => {
    const refresh = await post(REFRESH);
    expect(refresh.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
    expect((await post(LOGOUT)).body.data.logout).toBe(true);
  });
});
