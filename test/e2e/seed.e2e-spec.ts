import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { validateJsonLd } from '../../scripts/dcat-shacl.js';
import { ConfigError, parseEnvironment } from '../../src/config/environment.js';
import { DATASET_NAMES } from '../../src/modules/open-data/open-data.columns.js';
import { assertSeedAllowed, DEMO_PASSWORD, runDemoSeed } from '../../src/seed/demo-seed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';

/** Row count of every table, to compare two seed runs. */
async function rowCounts(sql: pg.Client): Promise<Record<string, number>> {
  const { rows: tables } = await sql.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables)
    counts[tablename] = Number((await sql.query(`SELECT count(*) AS n FROM "${tablename}"`)).rows[0].n);
  return counts;
}

const one = async (sql: pg.Client, query: string) => (await sql.query(query)).rows;

describe('demo seed (issue #9)', () => {
  let api: TestApp;
  let sql: pg.Client;

  beforeAll(async () => {
    api = await startTestApp();
    sql = await sqlClient(api.env.DATABASE_URL);
    await runDemoSeed(api.app);
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  it('changes nothing when run a second time', async () => {
    const before = await rowCounts(sql);
    const report = await runDemoSeed(api.app);
    expect(report.created).toEqual({ accounts: 0, units: 0, challenges: 0 });
    expect(await rowCounts(sql)).toEqual(before);
    expect(before.challenges).toBeGreaterThanOrEqual(12);
    expect(before.users).toBeGreaterThanOrEqual(60);
  }, 60_000);

  it('has a challenge in every phase, every voting method and an EQUAL_SHARES result', async () => {
    const { data, errors } = await api.gql(
      `{ challenges(first: 100) { nodes { slug phase settings { votingMethod budgetRule } } } }`,
    );
    expect(errors).toBeUndefined();
    const nodes = data.challenges.nodes as {
      phase: string;
      settings: { votingMethod: string; budgetRule: string | null };
    }[];
    expect(new Set(nodes.map((n) => n.phase))).toEqual(
      new Set(['UPCOMING', 'SUBMISSION', 'VOTING', 'EVALUATION', 'FINISHED', 'CANCELLED']),
    );
    const voting = nodes.filter((n) => n.phase === 'VOTING').map((n) => n.settings.votingMethod);
    expect(new Set(voting)).toEqual(new Set(['SINGLE', 'MULTIPLE', 'BUDGET']));
    expect(nodes.some((n) => n.phase === 'FINISHED' && n.settings.budgetRule === 'EQUAL_SHARES')).toBe(true);
  });

  it('keeps the rules: stored counts equal the votes, finished challenges have results, jurors never take part', async () => {
    expect(
      await one(
        sql,
        `
      SELECT t.round_id, t.proposal_id FROM round_tallies t
      WHERE t.votes <> (SELECT count(*) FROM votes v WHERE v.round_id = t.round_id AND v.proposal_id = t.proposal_id)
                     + (SELECT count(*) FROM budget_ballot_items b WHERE b.round_id = t.round_id AND b.proposal_id = t.proposal_id)`,
      ),
    ).toEqual([]);
    expect(Number((await one(sql, `SELECT count(*) AS n FROM round_tallies`))[0].n)).toBeGreaterThan(0);
    expect(Number((await one(sql, `SELECT count(*) AS n FROM votes`))[0].n)).toBeGreaterThan(0);
    expect(
      await one(
        sql,
        `
      SELECT c.slug FROM challenges c WHERE c.status = 'FINISHED'
        AND (NOT EXISTS (SELECT 1 FROM challenge_results r WHERE r.challenge_id = c.id)
          OR NOT EXISTS (SELECT 1 FROM result_entries e WHERE e.challenge_id = c.id))`,
      ),
    ).toEqual([]);
    expect(
      await one(
        sql,
        `
      SELECT j.user_id FROM jury_members j
      WHERE EXISTS (SELECT 1 FROM proposals p WHERE p.challenge_id = j.challenge_id AND p.author_id = j.user_id)
         OR EXISTS (SELECT 1 FROM votes v JOIN rounds r ON r.id = v.round_id WHERE r.challenge_id = j.challenge_id AND v.voter_id = j.user_id)
         OR EXISTS (SELECT 1 FROM budget_ballots b JOIN rounds r ON r.id = b.round_id WHERE r.challenge_id = j.challenge_id AND b.voter_id = j.user_id)`,
      ),
    ).toEqual([]);
    expect(Number((await one(sql, `SELECT count(*) AS n FROM evaluations`))[0].n)).toBeGreaterThan(0);
  });

  it('serves an open-data catalogue that conforms to DCAT-AP 3.0.0, one dataset per published challenge (issue #20)', async () => {
    const response = await fetch(`${api.url}/open-data/catalog.json`);
    const catalog = JSON.parse(await response.text());
    expect((await validateJsonLd(catalog)).violations).toEqual([]);
    const published = Number(
      (await one(sql, `SELECT count(*) AS n FROM challenges WHERE published_at IS NOT NULL`))[0].n,
    );
    expect(catalog['dcat:dataset']).toHaveLength(DATASET_NAMES.length + published);
  });

  it('SEED_DEMO is a validated boolean, off by default, and production needs it explicitly', () => {
    expect(parseEnvironment({}).SEED_DEMO).toBe(false);
    expect(parseEnvironment({ SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    expect(() => parseEnvironment({ SEED_DEMO: 'quizá' })).toThrow(ConfigError);
    expect(() => assertSeedAllowed({ production: true, seedDemo: false })).toThrow(/SEED_DEMO/);
    expect(() => assertSeedAllowed({ production: true, seedDemo: true })).not.toThrow();
    expect(() => assertSeedAllowed({ production: false, seedDemo: false })).not.toThrow();
  });

  it('runs every graphql example of the README against the seeded data, as the demo account it names', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const hasEmptyList = (value: unknown): boolean =>
      Array.isArray(value)
        ? value.length === 0 || value.some(hasEmptyList)
        : value !== null && typeof value === 'object'
          ? Object.values(value).some(hasEmptyList)
          : false;
    for (const block of blocks) {
      const email = /^# cuenta: (\S+)/m.exec(block)?.[1];
      let token: string | undefined;
      if (email) {
        const login = await api.gql(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, {
          input: { email, password: DEMO_PASSWORD },
        });
        expect(login.errors).toBeUndefined();
        token = login.data.login.accessToken;
      }
      const { data, errors } = await api.gql(block, {}, token);
      expect({ block, errors }).toEqual({ block, errors: undefined });
      for (const value of Object.values(data)) expect(value).not.toBeNull();
      expect({ block, empty: hasEmptyList(data) }).toEqual({ block, empty: false });
    }
  });
});
