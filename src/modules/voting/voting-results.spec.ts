import {
  ballotSettingsText,
  budgetMethodText,
  budgetResults,
  decideRound,
  pesos,
  votingResults,
} from './voting-results.js';
import { NO_BALLOT_LIMITS } from './voting-rules.js';

const rows = [
  { proposalId: 'a', votes: 3, submittedAt: 3 },
  { proposalId: 'b', votes: 5, submittedAt: 2 },
  { proposalId: 'c', votes: 3, submittedAt: 1 },
  { proposalId: 'd', votes: 0, submittedAt: 4 },
];

describe('deciding a voting round', () => {
  it('freezes the tally and moves the first advanceCount on (ties: earlier submission)', () => {
    const decision = decideRound(rows, { isFinal: false, advanceCount: 2 });
    expect(decision.tally.map((r) => [r.proposalId, r.rank, r.share, r.advanced])).toEqual([
      ['b', 1, 5 / 11, true],
      ['c', 2, 3 / 11, true],
      ['a', 3, 3 / 11, false],
      ['d', 4, 0, false],
    ]);
    expect(decision).toMatchObject({ advanced: ['b', 'c'], eliminated: ['a', 'd'] });
  });

  it('moves everyone on when advanceCount is null, and nobody on the final round', () => {
    expect(decideRound(rows, { isFinal: false, advanceCount: null })).toMatchObject({
      advanced: ['b', 'c', 'a', 'd'],
      eliminated: [],
    });
    expect(decideRound(rows, { isFinal: true, advanceCount: 2 })).toMatchObject({ advanced: [], eliminated: [] });
  });
});

describe('final results', () => {
  it('ranks by vote score and takes the first winnerCount', () => {
    const results = votingResults(rows, {
      votingMethod: 'SINGLE',
      maxVotesPerVoter: null,
      winnerCount: 2,
      totalVoters: 11,
    });
    expect(results.winners).toEqual(['b', 'c']);
    expect(results.lines.map((l) => [l.proposalId, l.rank, l.voteScore, l.isWinner])).toEqual([
      ['b', 1, 100, true],
      ['c', 2, 60, true],
      ['a', 3, 60, false],
      ['d', 4, 0, false],
    ]);
    expect(results).toMatchObject({ totalVoters: 11, totalVotes: 11, budgetUsed: null });
    expect(results.method).toMatch(/^Votación de mayoría simple.*Ganan las primeras 2 propuestas/);
  });

  it('funds a budget with the chosen rule and reports allocations, leftover and n (empty ballots included)', () => {
    const projects = [
      { id: 'x', cost: 60_000n, submittedAt: 1 },
      { id: 'y', cost: 50_000n, submittedAt: 2 },
      { id: 'z', cost: 40_000n, submittedAt: 3 },
    ];
    const ballots = [['x'], ['x'], ['x', 'z'], ['y', 'z'], []];
    const greedy = budgetResults(projects, ballots, { rule: 'GREEDY', budget: 100_000n });
    expect(greedy.winners).toEqual(['x', 'z']);
    expect(greedy.lines.map((l) => [l.proposalId, l.allocated, l.isWinner])).toEqual([
      ['x', 60_000n, true],
      ['z', 40_000n, true],
      ['y', 0n, false],
    ]);
    expect(greedy).toMatchObject({ totalVoters: 5, totalVotes: 6, budgetUsed: 100_000n });
    expect(greedy.method).toContain('Regla voraz');
    const shares = budgetResults(projects, ballots, { rule: 'EQUAL_SHARES', budget: 100_000n });
    expect(shares.method).toContain('Método de Partes Iguales');
    expect(shares.budgetUsed).toBe(shares.lines.reduce((sum, l) => sum + (l.allocated ?? 0n), 0n));
  });

  it('writes amounts as Mexican pesos', () => {
    expect(pesos(123_456_789n)).toBe('$1,234,567.89 MXN');
    expect(pesos(5n)).toBe('$0.05 MXN');
    expect(
      budgetMethodText({
        rule: 'GREEDY',
        budget: 100_000n,
        voters: 1,
        used: 99_999n,
        endowment: null,
        ballot: NO_BALLOT_LIMITS,
      }),
    ).toContain('el sobrante ($0.01 MXN) no se reparte');
  });

  it('explains the ballot settings and an endowment below one peso in plain Spanish', () => {
    expect(ballotSettingsText(NO_BALLOT_LIMITS)).toBe(
      'cada persona aprobó las propuestas que quiso, sin límite de costo; una boleta vacía también contó',
    );
    expect(ballotSettingsText({ voterBudget: 50_000n, minProjects: 2, maxProjects: 15 })).toBe(
      'cada persona aprobó entre 2 y 15 propuestas, con un costo total de hasta $500.00 MXN (su presupuesto individual); una boleta vacía también contó',
    );
    expect(ballotSettingsText({ voterBudget: null, minProjects: 1, maxProjects: 1 })).toContain(
      'exactamente 1 propuesta,',
    );
    expect(ballotSettingsText({ voterBudget: null, minProjects: 2, maxProjects: null })).toContain(
      'al menos 2 propuestas',
    );
    expect(ballotSettingsText({ voterBudget: null, minProjects: null, maxProjects: 15 })).toContain(
      'hasta 15 propuestas',
    );
    const text = budgetMethodText({
      rule: 'EQUAL_SHARES',
      budget: 500n,
      voters: 3,
      used: 0n,
      endowment: { numerator: 500n, denominator: 3n },
      ballot: { voterBudget: null, minProjects: 2, maxProjects: null },
    });
    expect(text).toContain('cada persona aprobó al menos 2 propuestas, sin límite de costo');
    expect(text).toContain('La parte final de cada persona fue de $1.66 MXN (redondeada al centavo');
    expect(text).toContain('dividido exactamente entre quienes votaron');
  });
});
