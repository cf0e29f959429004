import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { LiveEvents } from '../../src/modules/notifications/live/live-events.js';
import { DEFAULT_PASSWORD, REGISTER, uniqueEmail } from '../support/identity.js';
import { startTestApp, TestApp } from '../support/test-app.js';
import { channelSubscribed, wsClient } from '../support/ws-client.js';

/** Issue #15 findings 5, 6 and 9: the cost limit counts what runs, aliases cannot multiply mutations, ids. */
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

  it('answers a malformed id as it answers an unknown one (null), not with an internal error (finding 9)', async () => {
    const response = await api.gql('{ challenge(id: "x") { id } governmentUnit(id: "x") { id } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ challenge: null, governmentUnit: null });
  });

  describe('over WebSocket (graphql-ws)', () => {
    let client: Client;

    beforeAll(() => {
      client = wsClient(api);
    });

    afterAll(() => client.dispose());

    /** The first thing the server answers to an operation: its errors (the operation then ends) or its first result. */
    function firstAnswer(query: string, variables: Record<string, unknown> = {}) {
      return new Promise<{ errors?: any[]; data?: any }>((resolve, reject) => {
        const dispose = client.subscribe(
          { query, variables },
          {
            next: (result) => {
              resolve(result as { data?: any });
              dispose();
            },
            error: (errors) =>
              Array.isArray(errors)
                ? resolve({ errors })
                : reject(errors instanceof Error ? errors : new Error(`socket ended: ${JSON.stringify(errors)}`)),
            complete: () => undefined,
          },
        );
      });
    }

    const roundId = randomUUID();
    const deep = `subscription ($roundId: ID!) { tallyUpdated(roundId: $roundId) { proposal { challenge {
      proposals(first: 1) { nodes { challenge { proposals(first: 1) { nodes { challenge {
        proposals(first: 1) { nodes { challenge { id } } } } } } } } } } } } }`;
    // 50 (the tally's list bound) × 100 proposals × 50 co-authors each.
    const costly = `subscription ($roundId: ID!) { tallyUpdated(roundId: $roundId) { proposal { challenge {
      proposals(first: 100) { nodes { coAuthors { id } } } } } } }`;
    const aliased = `subscription ($roundId: ID!) { tallyUpdated(roundId: $roundId) {
      ${Array.from({ length: 21 }, (_, i) => `v${i}: votes`).join(' ')} } }`;

    it.each([
      ['over-deep', deep, 'QUERY_TOO_DEEP'],
      ['over-cost', costly, 'QUERY_TOO_COMPLEX'],
      ['over-alias', aliased, 'TOO_MANY_ALIASES'],
    ])('refuses an %s subscription as HTTP refuses it, before it subscribes', async (_kind, query, reason) => {
      const overHttp = await api.gql(query, { roundId });
      expect(overHttp.status).toBe(400);
      const overWs = await firstAnswer(query, { roundId });
      expect(overWs.errors).toEqual(overHttp.errors);
      expect(overHttp.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', reason });
    });

    it('refuses a document of more than 8000 tokens and an unknown field with the same codes and Spanish texts as HTTP', async () => {
      const huge = `subscription ($roundId: ID!) { tallyUpdated(roundId: $roundId) { ${'votes '.repeat(8000)} } }`;
      const unknown = `subscription ($roundId: ID!) { tallyUpdated(roundId: $roundId) { votos } }`;
      for (const [query, code] of [
        [huge, 'GRAPHQL_PARSE_FAILED'],
        [unknown, 'GRAPHQL_VALIDATION_FAILED'],
      ]) {
        const overHttp = await api.gql(query, { roundId });
        const overWs = await firstAnswer(query, { roundId });
        expect(overWs.errors).toEqual([expect.objectContaining({ message: overHttp.errors?.[0].message })]);
        expect(overWs.errors?.[0].extensions).toEqual({ code });
        expect(overHttp.errors?.[0].extensions).toEqual({ code });
      }
    });

    it('still runs a subscription within the limits', async () => {
      const live = firstAnswer(
        `subscription ($roundId: ID!) { tallyUpdated(roundId: $roundId) { votes rank share } }`,
        { roundId },
      );
      await channelSubscribed(api.env.REDIS_PREFIX, 'tally', roundId);
      await api.app
        .get(LiveEvents)
        .publish('tally', [{ id: roundId, payload: [{ proposalId: randomUUID(), votes: 3, rank: 1, share: 1 }] }]);
      expect(await live).toEqual({ data: { tallyUpdated: [{ votes: 3, rank: 1, share: 1 }] } });
    });
  });
});
