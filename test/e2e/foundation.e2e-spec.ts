import { serverAudits } from 'graphql-http';
import { startTestApp, TestApp } from '../support/test-app.js';

describe('foundation: boot, territory, protections', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(() => api.close());

  it('serves the 32 states of INEGI with their names', async () => {
    const { data } = await api.gql('{ states { code name curpCode } }');
    expect(data.states).toHaveLength(32);
    expect(data.states[0]).toEqual({ code: '01', name: 'Aguascalientes', curpCode: 'AS' });
    expect(data.states.find((s: { code: string }) => s.code === '21')).toEqual({
      code: '21',
      name: 'Puebla',
      curpCode: 'PL',
    });
    expect(data.states.find((s: { code: string }) => s.code === '09').curpCode).toBe('DF');
  });

  it('resolves a municipality and its state, and a state its municipalities', async () => {
    const { data } = await api.gql(`{
      municipality(code: "21114") { code name state { code name } }
      state(code: "09") { name municipalities { code name } }
      missing: municipality(code: "01012") { code }
    }`);
    expect(data.municipality).toEqual({ code: '21114', name: 'Puebla', state: { code: '21', name: 'Puebla' } });
    expect(data.state.name).toBe('Ciudad de México');
    expect(data.state.municipalities).toHaveLength(16);
    expect(data.missing).toBeNull();
  });

  it('keeps a syntax error a 400 with GRAPHQL_PARSE_FAILED', async () => {
    const response = await api.gql('{ states { code ');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses an over-deep query before running it', async () => {
    const levels = ['states', ...Array.from({ length: 14 }, (_, i) => (i % 2 ? 'state' : 'municipalities'))];
    const deep = levels.reduceRight((inner, field) => `${field} { ${inner} }`, 'code');
    const response = await api.gql(`{ ${deep} }`);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'QUERY_TOO_DEEP',
    });
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: states { code }`).join(' ');
    const response = await api.gql(`{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'TOO_MANY_ALIASES',
    });
  });

  it('refuses a document with too many tokens as a parse failure, not a crash', async () => {
    const fields = Array.from({ length: 9000 }, () => '__typename').join(' ');
    const response = await api.gql(`{ ${fields} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses bodies over 100 kB', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ states { code } } # ${'x'.repeat(110_000)}` }),
    });
    expect(response.status).toBe(413);
  });

  it('still answers after all of that', async () => {
    const { data } = await api.gql('{ state(code: "21") { name } }');
    expect(data.state.name).toBe('Puebla');
  });

  it('passes every MUST of the GraphQL-over-HTTP audits', async () => {
    const audits = serverAudits({ url: `${api.url}/graphql`, fetchFn: fetch });
    expect(audits.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status !== 'ok' && audit.name.startsWith('MUST')) failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });

  it('tags every response with its request id, keeping a caller-provided one', async () => {
    const given = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': 'peticion-123' } });
    expect(given.headers.get('x-request-id')).toBe('peticion-123');
    const generated = await fetch(`${api.url}/health/live`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports liveness, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    const metrics = async () => (await fetch(`${api.url}/metrics`)).text();
    const first = await metrics();
    expect(first).toMatch(/http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/);
    expect(first).toMatch(/queue_jobs\{queue="rounds",state="waiting"\} 0/);
    const statementsIn = (text: string) => Number(/^sql_statements_total (\d+)$/m.exec(text)?.[1]);
    expect(statementsIn(first)).toBeGreaterThan(0);
    await api.gql(`{ challenges(first: 1) { totalCount } }`);
    expect(statementsIn(await metrics())).toBeGreaterThan(statementsIn(first));
  });
});
