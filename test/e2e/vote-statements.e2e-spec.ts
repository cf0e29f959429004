import type pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { expectAtMostStatements, statementRecorder, type StatementRecorder } from '../support/statement-recorder.js';
import { sqlClient } from '../support/test-database.js';
import { RETRACT, createVoters, createVotingChallenge } from '../support/voting-fixtures.js';

/** What a voting page sends (and bench:votes): the mutation's own work, no nested fields. */
const CAST = `mutation($id: ID!) { castVote(proposalId: $id) { id createdAt } }`;
const BALLOT = `mutation($c: ID!, $ids: [ID!]!) { submitBudgetBallot(challengeId: $c, proposalIds: $ids) { totalCost submittedAt } }`;

/**
 * Issue #17: the SQL statements one request sends, counted at the pg driver. The first time this process sees the
 * voter and the proposal (or the budget challenge): the account (authentication), the proposal with its challenge,
 * rounds and the viewer's jury membership, and the one statement that checks and stores the vote with its outbox row.
 * Then the process keeps the account's facts (TokenViewerAuthenticator) and the context (VotingService), and the vote
 * is that one statement, which checks again whatever they may have missed. Raise the bounds only with a reason: every
 * statement is a round trip at the deadline rush.
 */
const MAX_STATEMENTS_PER_FIRST_VOTE = 3;
const MAX_STATEMENTS_PER_VOTE = 1;
/** The one statement that checks and deletes with its outbox row. */
const MAX_STATEMENTS_PER_RETRACT = 1;
/**
 * One call of submit_budget_ballot: the account and the challenge checked, the ballot row upserted (its lock orders
 * one voter's submissions), the items replaced with the outbox row.
 */
const MAX_STATEMENTS_PER_BALLOT = 1;

describe('statements per vote, retraction and ballot', () => {
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

  it(`sends ${MAX_STATEMENTS_PER_VOTE} SQL statement for a vote, at most ${MAX_STATEMENTS_PER_FIRST_VOTE} the first time`, async () => {
    const challenge = await createVotingChallenge(sql, { settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 } });
    const [voter, another] = await createVoters(sql, api.config, 2);

    const first = await statements!.during(() => api.gql(CAST, { id: challenge.proposalIds[0] }, voter.token));
    expect(first.result.errors).toBeUndefined();
    expectAtMostStatements(first.sent, MAX_STATEMENTS_PER_FIRST_VOTE);

    expect((await api.gql(CAST, { id: challenge.proposalIds[1] }, another.token)).errors).toBeUndefined();
    const known = await statements!.during(() => api.gql(CAST, { id: challenge.proposalIds[1] }, voter.token));
    expect(known.result.errors).toBeUndefined();
    expectAtMostStatements(known.sent, MAX_STATEMENTS_PER_VOTE);
  });

  it(`sends at most ${MAX_STATEMENTS_PER_RETRACT} SQL statements for one retraction, warm`, async () => {
    const challenge = await createVotingChallenge(sql, { settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3 } });
    const [voter] = await createVoters(sql, api.config, 1);
    for (const id of challenge.proposalIds.slice(0, 2))
      expect((await api.gql(CAST, { id }, voter.token)).errors).toBeUndefined();
    expect((await api.gql(RETRACT, { id: challenge.proposalIds[0] }, voter.token)).data.retractVote).toBe(true); // warm-up

    const { result: response, sent } = await statements!.during(() =>
      api.gql(RETRACT, { id: challenge.proposalIds[1] }, voter.token),
    );

    expect(response.data.retractVote).toBe(true);
    expectAtMostStatements(sent, MAX_STATEMENTS_PER_RETRACT);
  });

  it(`sends at most ${MAX_STATEMENTS_PER_BALLOT} SQL statements for one budget ballot, warm`, async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: { votingMethod: 'BUDGET' },
      budget: '1000.00',
      costs: ['100.00', '200.00', '300.00'],
    });
    const [voter] = await createVoters(sql, api.config, 1);
    const ballot = (ids: string[]) => api.gql(BALLOT, { c: challenge.challengeId, ids }, voter.token);
    expect((await ballot(challenge.proposalIds.slice(0, 2))).errors).toBeUndefined(); // warm-up

    const { result: response, sent } = await statements!.during(() => ballot(challenge.proposalIds.slice(1)));

    expect(response.data.submitBudgetBallot.totalCost).toBe('500.00');
    expectAtMostStatements(sent, MAX_STATEMENTS_PER_BALLOT);
  });
});
