import { startTestApp, type TestApp } from '../support/test-app.js';

interface GqlError {
  message: string;
  extensions?: { code?: string; fields?: { path: string; message: string }[] };
}

/** English words that framework refusals use and our Spanish messages never do. */
const ENGLISH = /\b(the|must|was|not provided|cannot|invalid|operation|found|expected|request|body|is)\b/i;

/**
 * Issue #15 finding 10: every refusal a client can see is in Spanish, also those written by graphql-js, Apollo,
 * Fastify and Nest, and variable errors name the variable in `extensions.fields`.
 */
describe('framework refusals in Spanish', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ env: { GRAPHQL_INTROSPECTION: 'false' } });
  });
  afterAll(async () => {
    await api?.close();
  });

  const post = async (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as { errors?: GqlError[]; message?: string } };
  };
  const gql = (query: string, variables?: unknown) => post(JSON.stringify({ query, variables }));
  const spanish = (errors: GqlError[] | undefined) => {
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) expect(error.message).not.toMatch(ENGLISH);
    return errors ?? [];
  };

  it('variable coercion: Spanish messages and fields naming the variable', async () => {
    const missing = await gql('query($id: ID!) { challenge(id: $id) { id } }', {});
    expect(spanish(missing.body.errors)[0]).toMatchObject({
      message: 'Falta la variable "$id" (tipo ID!).',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'id', message: 'Falta la variable "$id" (tipo ID!).' }] },
    });

    const wrongType = await gql('query($first: Int) { challenges(first: $first) { totalCount } }', { first: 'abc' });
    expect(spanish(wrongType.body.errors)[0].extensions?.fields).toEqual([
      { path: 'first', message: 'Se esperaba un número entero y llegó "abc".' },
    ]);

    const input = await gql('mutation($input: RegisterInput!) { register(input: $input) { accessToken } }', {
      input: { email: 'a@ejemplo.mx', password: 5, extra: 1 },
    });
    const paths = spanish(input.body.errors).flatMap((e) => e.extensions?.fields?.map((f) => f.path));
    expect(paths.sort()).toEqual(['input.displayName', 'input.extra', 'input.password']);
    for (const error of input.body.errors ?? []) expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('parse and validation errors', async () => {
    for (const query of [
      '{ nope }',
      '{ challenges(first: "x") { totalCount } }',
      '{ challenges { ',
      '{ viewer }',
      '{ challenge { id } }',
    ])
      spanish((await gql(query)).body.errors);
    expect((await gql('{ nope }')).body.errors?.[0].message).toBe('El campo "nope" no existe en el tipo Query.');
  });

  it("Apollo's CSRF prevention, batching, introspection and request-shape refusals", async () => {
    const csrf = await post(JSON.stringify({ query: '{ viewer { id } }' }), { 'content-type': 'text/plain' });
    expect(csrf.status).toBe(400);
    expect(spanish(csrf.body.errors)[0].message).toMatch(/^Solicitud bloqueada como posible falsificación/);

    const batch = await post(JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]));
    expect(spanish(batch.body.errors)[0].message).toBe(
      'Este servidor no acepta varias operaciones en una sola solicitud: envíalas una por una.',
    );

    const introspection = await gql('{ __schema { types { name } } }');
    expect(spanish(introspection.body.errors)[0].message).toMatch(/^La introspección del esquema está desactivada/);

    spanish((await post(JSON.stringify({}))).body.errors);
    const getMutation = await fetch(`${api.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    spanish(((await getMutation.json()) as { errors: GqlError[] }).errors);
  });

  it('HTTP errors: JSON with a Spanish message', async () => {
    const cases: [string, RequestInit, number][] = [
      ['/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }, 400],
      ['/graphql', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<x/>' }, 415],
      [
        '/graphql',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'x'.repeat(3_000_000) }),
        },
        413,
      ],
      ['/health/live', { method: 'DELETE' }, 404],
      ['/health/nada', {}, 404],
    ];
    for (const [path, init, status] of cases) {
      const response = await fetch(`${api.url}${path}`, init);
      expect({ path, status: response.status }).toEqual({ path, status });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { statusCode: number; message: string; error: string };
      expect(body.statusCode).toBe(status);
      expect(body.message).not.toMatch(ENGLISH);
      expect(body.error).not.toMatch(/^(Bad Request|Not Found|Payload Too Large|Unsupported Media Type)$/);
    }
  });
});
