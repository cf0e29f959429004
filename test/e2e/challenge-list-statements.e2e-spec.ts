import type pg from 'pg';
import { CHALLENGES_PAGE, HOME_PAGE_VARIABLES } from '../support/challenges-page-query.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectAtMostStatements, statementRecorder, type StatementRecorder } from '../support/statement-recorder.js';
import { sqlClient } from '../support/test-database.js';
import { createVotingChallenge } from '../support/voting-fixtures.js';

/**
 * Issue #17: the SQL statements of the home page's challenge list (bench:reads), counted at the pg driver. The page
 * of challenges and its total, then one statement per kind of nested field for the whole page (units, rounds for
 * the phase and current round, proposal counts): a new per-challenge field that skips its DataLoader makes the
 * count grow with the page size and fails here.
 */
const MAX_STATEMENTS = 5;

describe('challenge list statement count', () => {
  let api: TestApp;
  let sql: pg.Client;
  let statements: StatementRecorder | undefined;

  beforeAll(async () => {
    api = await startTestApp();
    sql = await sqlClient(api.env.DATABASE_URL);
    statements = statementRecorder((client) => client === sql);
  });

  afterAll(async () => {
    statements?.restore();
    await sql?.end();
    await api?.close();
  });

  it(`sends at most ${MAX_STATEMENTS} SQL statements for 20 challenges with their cards, warm`, async () => {
    for (let i = 0; i < 22; i++) await createVotingChallenge(sql, { proposals: 2 });
    expect((await api.gql(CHALLENGES_PAGE, HOME_PAGE_VARIABLES)).errors).toBeUndefined(); // warm-up

    const { result: response, sent } = await statements!.during(() =>
      api.gql<{
        challenges: { totalCount: number; nodes: { proposalCount: number; currentRound: { kind: string } | null }[] };
      }>(CHALLENGES_PAGE, HOME_PAGE_VARIABLES),
    );

    expect(response.errors).toBeUndefined();
    expect(response.data!.challenges.nodes).toHaveLength(20);
    expect(response.data!.challenges.totalCount).toBeGreaterThanOrEqual(22);
    expect(
      response.data!.challenges.nodes.every((c) => c.proposalCount === 2 && c.currentRound?.kind === 'VOTING'),
    ).toBe(true);
    expectAtMostStatements(sent, MAX_STATEMENTS);
  });
});
