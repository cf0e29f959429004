import { budgetUse, chartBars, rankingRows, resultColumns, resultKind, type ResultEntryFacts } from './ranking';
import { resultsTexts } from './results-texts';

function entry(rank: number, votes: number | null, finalScore: number, isWinner = false): ResultEntryFacts {
  return {
    rank,
    isWinner,
    votes,
    voteScore: null,
    juryScore: null,
    finalScore,
    evaluationCount: 0,
    allocated: null,
    proposal: { id: `p${rank}`, title: `Propuesta ${rank}`, cost: null },
  };
}

describe('resultKind and columns', () => {
  it('tells votes, budgets and jury rankings apart by the final round and method', () => {
    expect(resultKind('MULTIPLE', 'VOTING')).toBe('VOTES');
    expect(resultKind('SINGLE', 'VOTING')).toBe('VOTES');
    expect(resultKind('BUDGET', 'VOTING')).toBe('BUDGET');
    expect(resultKind('MULTIPLE', 'EVALUATION')).toBe('JURY');
  });

  it('shows the public vote in a jury ranking only when it weighed in', () => {
    expect(resultColumns('JURY', 0.4)).toEqual(['juryScore', 'votes', 'voteScore', 'finalScore', 'evaluations']);
    expect(resultColumns('JURY', 0)).toEqual(['juryScore', 'finalScore', 'evaluations']);
    expect(resultColumns('BUDGET', 0)).toEqual(['votes', 'cost', 'allocated']);
    expect(resultsTexts.columnHeader('votes', 'BUDGET')).toBe('Aprobaciones');
    expect(resultsTexts.columnHeader('votes', 'VOTES')).toBe('Votos');
  });
});

describe('rows and chart', () => {
  // The hybrid example of docs/results.md: B, C, A with final scores 66.1179, 65.5899, 63.7921.
  const entries = [entry(3, 120, 63.7921), entry(1, 200, 66.1179, true), entry(2, 80, 65.5899)];

  it('puts rows in rank order', () => {
    expect(rankingRows(entries).map((e) => e.rank)).toEqual([1, 2, 3]);
  });

  it('draws the same numbers the table holds, scaled to the longest bar', () => {
    const bars = chartBars('VOTES', entries);
    expect(bars.map((b) => [b.value, b.fraction])).toEqual([
      [200, 1],
      [80, 0.4],
      [120, 0.6],
    ]);
    expect(bars[0].highlighted).toBe(true);
    expect(chartBars('JURY', entries)[0].value).toBe(66.1179);
  });

  it('draws empty bars when nobody voted', () => {
    expect(chartBars('VOTES', [entry(1, 0, 0), entry(2, null, 0)]).map((b) => b.fraction)).toEqual([0, 0]);
  });

  it('formats scores and counts for es-MX', () => {
    expect(resultsTexts.score(66.1179)).toBe('66.12');
    expect(resultsTexts.score(null)).toBe('Sin dato');
    expect(resultsTexts.count(12345)).toBe('12,345');
  });
});

describe('budgetUse', () => {
  it('reports what was used and what stays unspent, never rounding up to 100 %', () => {
    expect(budgetUse(99_999n, 100_000n)).toEqual({ used: 99_999n, total: 100_000n, leftover: 1n, percent: 99 });
    expect(budgetUse(0n, 0n).percent).toBe(0);
    expect(resultsTexts.budgetUsed('$9.00', '$10.00', 90, '$1.00')).toBe(
      'Se asignaron $9.00 de $10.00 (90 %). Quedan sin asignar $1.00.',
    );
  });
});
