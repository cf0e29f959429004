import { DEFAULT_PASSWORD, REGISTER, uniqueEmail } from '../support/identity.js';
import { startTestApp, TestApp } from '../support/test-app.js';

/** Issue #15 findings 5 and 6: the cost limit counts what runs, and aliases cannot multiply mutations. */
describe('resilience: query limits', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(() => api.close());

  const refusal = (r: { errors?: any[] }) => r.errors?.[0].extensions?.reason;

  it('costs `first: $n` at the largest page, not at the default', async () => {
    const nested = (first: string) =>
      `challenges(first: ${first}) { nodes { proposals(first: ${first}) { nodes { id title coAuthors { id } } } } }`;
    // 100 × 100 × (…) is over the limit whether `first` is written out or passed as a variable.
    const literal = await api.gql(`{ ${nested('100')} }`);
    expect(refusal(literal)).toBe('QUERY_TOO_COMPLEX');
    const variable = await api.gql(`query ($n: Int) { ${nested('$n')} }`, { n: 100 });
    expect(variable.status).toBe(400);
    expect(refusal(variable)).toBe('QUERY_TOO_COMPLEX');
  });

  it('costs unpaginated lists by their real bound: states → municipalities → state → municipalities is refused', async () => {
    const bomb = await api.gql('{ states { municipalities { state { municipalities { code } } } } }');
    expect(bomb.status).toBe(400);
    expect(refusal(bomb)).toBe('QUERY_TOO_COMPLEX');
    const honest = await api.gql('{ states { code municipalities { code } } }'); // 32 × (2 + 570) ≤ 20000
    expect(honest.errors).toBeUndefined();
    expect(honest.data.states.length).toBe(32);
  });

  it('refuses more than 5 mutations in one request, aliases and fragments included, before running any', async () => {
    const registrations = Array.from(
      { length: 6 },
      (_, i) =>
        `r${i}: register(input: { email: "${uniqueEmail(`alias${i}`)}", password: "${DEFAULT_PASSWORD}", displayName: "Alias ${i}" }) { accessToken }`,
    );
    const response = await api.gql(`mutation { ${registrations.join(' ')} }`);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]).toMatchObject({
      message: 'Una solicitud admite a lo más 5 mutaciones (esta tiene 6).',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_MUTATIONS' },
    });
    const five = await api.gql(`mutation { ${registrations.slice(0, 5).join(' ')} }`);
    expect(five.errors).toBeUndefined();
    const single = await api.gql(REGISTER, {
      input: { email: uniqueEmail('sola'), password: DEFAULT_PASSWORD, displayName: 'Sola' },
    });
    expect(single.errors).toBeUndefined();
  });
});
