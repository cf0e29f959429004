import type pg from 'pg';
import { runPb } from '../../scripts/pb.js';
import { RoundClock } from '../../src/modules/rounds/round-clock.js';
import { parsePabulib } from '../../src/modules/voting/pabulib.js';
import { createUnitWithStaff } from '../support/accounts.js';
import { challengeInput } from '../support/challenge-input.js';
import { ManualClock } from '../support/manual-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sqlClient } from '../support/test-database.js';
import { BALLOT, createVoters, createVotingChallenge, outcomes } from '../support/voting-fixtures.js';

const CREATE = `mutation ($input: CreateChallengeInput!) { createChallenge(input: $input) {
  id settings { voterBudget minProjectsPerBallot maxProjectsPerBallot budgetRule } } }`;
const RESULTS = `query($id: ID) { challenge(id: $id) { status results { method budgetUsed winners { id } } } }`;

/** Participatory budgeting as cities run it (RULES §3, §5, §7): no cost cap, ballot length limits. */
describe('BUDGET ballots: uncapped approval and length limits', () => {
  let api: TestApp;
  let sql: pg.Client;
  const clock = new ManualClock();
  const MIN = 60_000;

  beforeAll(async () => {
    clock.set(Date.now());
    api = await startTestApp({ clock });
    sql = await sqlClient(api.env.DATABASE_URL);
  });

  afterAll(async () => {
    await sql?.end();
    await api?.close();
  });

  const footprint = async () =>
    (
      await sql.query(
        `SELECT (SELECT count(*)::int FROM challenges) AS challenges, (SELECT count(*)::int FROM budget_ballots) AS ballots,
           (SELECT count(*)::int FROM budget_ballot_items) AS items`,
      )
    ).rows[0];

  const budgetSettings = (extra: Record<string, unknown>) => ({
    votingMethod: 'BUDGET',
    budgetRule: 'EQUAL_SHARES',
    ...extra,
  });

  it('stores the settings: no voter budget means no cap, a voter budget above the budget is accepted', async () => {
    const staff = await createUnitWithStaff(api);
    const create = (settings: Record<string, unknown>) =>
      api.gql(
        CREATE,
        { input: challengeInput(staff.unitId, { overrides: { budget: '1000.00', settings } }) },
        staff.admin.token,
      );
    const uncapped = await create(budgetSettings({ minProjectsPerBallot: 2, maxProjectsPerBallot: 15 }));
    expect(uncapped.errors).toBeUndefined();
    expect(uncapped.data.createChallenge.settings).toEqual({
      voterBudget: null,
      minProjectsPerBallot: 2,
      maxProjectsPerBallot: 15,
      budgetRule: 'EQUAL_SHARES',
    });
    const above = await create(budgetSettings({ voterBudget: '5000.00' }));
    expect(above.data.createChallenge.settings).toMatchObject({ voterBudget: '5000.00', minProjectsPerBallot: null });

    for (const [settings, field, message] of [
      [
        budgetSettings({ minProjectsPerBallot: 5, maxProjectsPerBallot: 4 }),
        'settings.minProjectsPerBallot',
        'El mínimo de propuestas por boleta (5) no puede ser mayor que el máximo (4).',
      ],
      [budgetSettings({ maxProjectsPerBallot: 0 }), 'settings.maxProjectsPerBallot', undefined],
      [
        { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3, minProjectsPerBallot: 2 },
        'settings.minProjectsPerBallot',
        'Los límites de propuestas por boleta solo aplican al presupuesto participativo.',
      ],
      [budgetSettings({ voterBudget: '0' }), 'settings.voterBudget', undefined],
    ] as const) {
      const before = await footprint();
      const { errors } = await create(settings);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const problem = (errors?.[0].extensions?.fields as { path: string; message: string }[]).find(
        (f) => f.path === field,
      );
      expect(problem).toBeDefined();
      if (message) expect(problem!.message).toBe(message);
      expect(await footprint()).toEqual(before);
    }
  });

  it('refuses a ballot shorter or longer than the limits at proposalIds, stores nothing, accepts an empty one', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: budgetSettings({ voterBudget: null, minProjectsPerBallot: 2, maxProjectsPerBallot: 3 }),
      budget: '1000.00',
      costs: ['400.00', '400.00', '400.00', '400.00'],
    });
    const [voter] = await createVoters(sql, api.config, 1);
    const [a, b, c, d] = challenge.proposalIds;
    const send = (ids: string[]) => api.gql(BALLOT, { c: challenge.challengeId, ids }, voter.token);

    for (const [ids, reason, message] of [
      [[a], 'BALLOT_TOO_SHORT', 'Tu boleta tiene 1 propuesta; debe tener al menos 2 propuestas (o ninguna).'],
      [[a, b, c, d], 'BALLOT_TOO_LONG', 'Tu boleta tiene 4 propuestas; puede tener como mucho 3 propuestas.'],
    ] as const) {
      const before = await footprint();
      const { errors } = await send([...ids]);
      expect(errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason,
        fields: [{ path: 'proposalIds', message }],
      });
      expect(await footprint()).toEqual(before);
    }
    // No cap: three projects of 400 (1 200, more than the whole budget) are one valid ballot.
    expect((await send([a, b, c])).data.submitBudgetBallot).toMatchObject({ totalCost: '1200.00' });
    expect((await send([a, b])).data.submitBudgetBallot).toMatchObject({ totalCost: '800.00' });
    expect((await send([])).data.submitBudgetBallot).toMatchObject({ totalCost: '0.00', proposals: [] });
  });

  it('holds the limits in the database itself: a ballot written around the service is refused at commit', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: budgetSettings({ minProjectsPerBallot: 2, maxProjectsPerBallot: 2 }),
      budget: '1000.00',
      costs: ['100.00', '100.00', '100.00'],
    });
    const [voter] = await createVoters(sql, api.config, 1);
    const round = challenge.rounds[1].id;
    const [a, b, c] = challenge.proposalIds;
    const write = async (ids: string[]) => {
      await sql.query('BEGIN');
      try {
        await sql.query(
          `INSERT INTO budget_ballots (round_id, voter_id, voter_budget, min_length, max_length, total_cost, submitted_at)
           VALUES ($1, $2, NULL, 2, 2, 0, now())
           ON CONFLICT (round_id, voter_id) DO UPDATE SET submitted_at = now()`,
          [round, voter.id],
        );
        await sql.query('DELETE FROM budget_ballot_items WHERE round_id = $1 AND voter_id = $2', [round, voter.id]);
        await sql.query(
          'INSERT INTO budget_ballot_items (round_id, voter_id, proposal_id) SELECT $1, $2, unnest($3::uuid[])',
          [round, voter.id, ids],
        );
        await sql.query('COMMIT');
      } catch (error) {
        await sql.query('ROLLBACK');
        throw error;
      }
    };
    await expect(write([a])).rejects.toMatchObject({ code: '23514', constraint: 'budget_ballots_within_length' });
    await expect(write([a, b, c])).rejects.toMatchObject({ constraint: 'budget_ballots_within_length' });
    await write([a, b]);
    // Adding one item to a stored ballot is checked too, not only writes through the ballot row.
    await expect(
      sql.query('INSERT INTO budget_ballot_items (round_id, voter_id, proposal_id) VALUES ($1, $2, $3)', [
        round,
        voter.id,
        c,
      ]),
    ).rejects.toMatchObject({ constraint: 'budget_ballots_within_length' });
    await expect(
      sql.query(`UPDATE budget_ballots SET voter_budget = 100, total_cost = 200 WHERE voter_id = $1`, [voter.id]),
    ).rejects.toMatchObject({ constraint: 'budget_ballots_within_budget' });
    const { rows } = await sql.query('SELECT count(*)::int AS n FROM budget_ballot_items WHERE voter_id = $1', [
      voter.id,
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('keeps one whole ballot within the limits when one voter sends 40 ballots of 1 to 4 proposals in parallel', async () => {
    const challenge = await createVotingChallenge(sql, {
      settings: budgetSettings({ minProjectsPerBallot: 2, maxProjectsPerBallot: 3 }),
      budget: '1000.00',
      costs: ['100.00', '200.00', '300.00', '400.00', '500.00'],
    });
    const [voter] = await createVoters(sql, api.config, 1);
    const ids = challenge.proposalIds;
    const ballots = Array.from({ length: 40 }, (_, i) =>
      ids
        .slice(i % 5)
        .concat(ids)
        .slice(0, 1 + (i % 4)),
    );
    const responses = await Promise.all(
      ballots.map((b) => api.gql(BALLOT, { c: challenge.challengeId, ids: b }, voter.token)),
    );
    expect(outcomes(responses)).toEqual({ ok: 20, BALLOT_TOO_SHORT: 10, BALLOT_TOO_LONG: 10 });
    const { rows } = await sql.query(
      'SELECT proposal_id FROM budget_ballot_items WHERE round_id = $1 AND voter_id = $2 ORDER BY proposal_id',
      [challenge.rounds[1].id, voter.id],
    );
    const stored = rows.map((r: { proposal_id: string }) => r.proposal_id).join();
    expect(rows.length === 2 || rows.length === 3).toBe(true);
    expect(ballots.some((b) => [...b].sort().join() === stored)).toBe(true);
  });

  it('runs an uncapped EQUAL_SHARES election where one voter approves every project; ballots.pb carries the limits and recomputes the same winners', async () => {
    const base = clock.now().getTime();
    const costs = ['600.00', '400.00', '300.00', '500.00', '250.50'];
    const challenge = await createVotingChallenge(sql, {
      settings: budgetSettings({ voterBudget: null, minProjectsPerBallot: 1, maxProjectsPerBallot: 5 }),
      budget: '1000.00',
      costs,
      rounds: [
        { kind: 'SUBMISSION', opensAt: new Date(base - 60 * MIN), closesAt: new Date(base - 30 * MIN) },
        { kind: 'VOTING', opensAt: new Date(base - 30 * MIN), closesAt: new Date(base + MIN) },
      ],
    });
    const [a, b, c, d, e] = challenge.proposalIds;
    const plan = [[a, b, c, d, e], [a, b], [a, b], [a, b], [c, d], [c, d], [c], [c, e], [e], []];
    const voters = await createVoters(sql, api.config, plan.length);
    const responses = await Promise.all(
      plan.map((ids, i) => api.gql(BALLOT, { c: challenge.challengeId, ids }, voters[i].token)),
    );
    expect(outcomes(responses)).toEqual({ ok: plan.length });

    clock.set(base + MIN);
    await api.app.get(RoundClock).sweep();
    const { results } = (await api.gql(RESULTS, { id: challenge.challengeId })).data.challenge;
    const winners = results.winners.map((w: { id: string }) => w.id);
    // Worked by hand.  Voter 1 approves all five (2 051 pesos, twice the budget).  add1 ends at e = 264:
    // c (300, 5 approvers: 60 each, 5 effective votes) first; then b (400, 4 approvers: 100 each, 4
    // votes; a ties at 600/150 = 4 votes and loses on cost); then e (250.50, voters 1, 8, 9: 83.50
    // each, 3 votes) beats d (voter 1 has 104 left, so ρ = 198, 2.5 votes); then a (voter 1 has 20.50,
    // voters 2-4 164 each: 512.50 < 600) and d are unaffordable.  At e = 265 a's approvers hold exactly
    // 105 + 3·165 = 600 after c and b, a is funded before e and the total (1 300) exceeds the budget.
    expect(winners).toEqual([c, b, e]);
    expect(results.budgetUsed).toBe('950.50');
    expect(results.method).toContain('cada persona aprobó entre 1 y 5 propuestas, sin límite de costo');

    const response = await fetch(`${api.url}/open-data/challenges/${challenge.challengeId}/ballots.pb`);
    const text = await response.text();
    const meta = Object.fromEntries(parsePabulib(text).meta);
    expect(meta).toMatchObject({ min_length: '1', max_length: '5', rule: 'equalshares/add1', budget: '1000' });
    expect(meta).not.toHaveProperty('max_sum_cost');
    const report = runPb(['ballots.pb', '--rule', 'equal-shares'], () => text).split('\n');
    // The file carries no submission times; the one tie here (a and b, 4 votes each) goes by cost, which it has.
    expect(report[0].slice('funded: '.length).split(',')).toEqual(winners);
    expect(report[1]).toMatch(/^total cost: [\d.]+ of 1000$/);
    expect(Number(report[1].split(' ')[2])).toBe(Number(results.budgetUsed));
    expect(report[2]).toBe('ballot limits: min_length 1, max_length 5 (every ballot within them)');
  });
});
