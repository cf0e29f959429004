import { criterionGrid, jurorGrid, scoreComponents, type JuryEntryFacts } from './jury-rules';

const impacto = { id: 'c1', name: 'Impacto', maxScore: 10, position: 1 };
const viabilidad = { id: 'c2', name: 'Viabilidad', maxScore: 5, position: 2 };

function entry(rank: number, over: Partial<JuryEntryFacts>): JuryEntryFacts {
  return {
    rank,
    proposal: { id: `p${rank}`, title: `Propuesta ${rank}` },
    juryScore: null,
    voteScore: null,
    finalScore: 0,
    criterionAverages: [],
    jurorScores: [],
    ...over,
  };
}

describe('the jury breakdown of a results page', () => {
  it('splits each final score into the weighted jury and public parts that add up to it (docs/results.md §5)', () => {
    // The worked example of docs/results.md with w = 0.4.
    const parts = scoreComponents(
      [
        entry(2, { juryScore: 82.6499, voteScore: 40, finalScore: 65.5899 }),
        entry(1, { juryScore: 43.5298, voteScore: 100, finalScore: 66.1179 }),
      ],
      0.4,
    );
    expect(parts.map((p) => p.title)).toEqual(['Propuesta 1', 'Propuesta 2']);
    for (const p of parts) expect(p.jury + p.public).toBeCloseTo(p.finalScore, 3);
    expect(parts[0].public).toBeCloseTo(40, 9);
  });

  it('counts a missing score as zero, and gives the jury everything when the public vote does not weigh', () => {
    const [only] = scoreComponents([entry(1, { juryScore: 70, finalScore: 70 })], 0);
    expect(only).toMatchObject({ jury: 70, public: 0 });
  });

  it('lays out criterion averages in criterion order with each scale, null where nobody scored', () => {
    const grid = criterionGrid([
      entry(2, { criterionAverages: [{ average: 4, criterion: viabilidad }] }),
      entry(1, {
        criterionAverages: [
          { average: 3.5, criterion: viabilidad },
          { average: 8, criterion: impacto },
        ],
      }),
    ]);
    expect(grid.columns).toEqual([
      { key: 'c1', label: 'Impacto', max: 10 },
      { key: 'c2', label: 'Viabilidad', max: 5 },
    ]);
    expect(grid.rows.map((r) => r.values)).toEqual([
      [8, 3.5],
      [null, 4],
    ]);
  });

  it('orders anonymous jurors numerically and shows the normalised totals when the challenge normalises', () => {
    const grid = jurorGrid([
      entry(1, {
        jurorScores: [
          { jurorLabel: 'Jurado 10', total: 50, normalized: 55 },
          { jurorLabel: 'Jurado 2', total: 80, normalized: 75 },
        ],
      }),
      entry(2, { jurorScores: [{ jurorLabel: 'Jurado 2', total: 60, normalized: 61 }] }),
    ]);
    expect(grid.normalized).toBe(true);
    expect(grid.columns.map((c) => c.label)).toEqual(['Jurado 2', 'Jurado 10']);
    expect(grid.rows.map((r) => r.values)).toEqual([
      [75, 55],
      [61, null],
    ]);
  });

  it('shows raw totals when nothing is normalised', () => {
    const grid = jurorGrid([entry(1, { jurorScores: [{ jurorLabel: 'Jurado 1', total: 64, normalized: null }] })]);
    expect(grid).toMatchObject({ normalized: false, rows: [{ values: [64] }] });
  });
});
