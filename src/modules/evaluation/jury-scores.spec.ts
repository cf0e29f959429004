import { evaluationKey, evaluationTotal, juryScores, type ScoredEvaluation } from './jury-scores.js';
import { seededRandom } from '../../common/seeded-random.js';

const evaluation = (jurorId: string, proposalId: string, total: number): ScoredEvaluation => ({
  jurorId,
  proposalId,
  total,
});

const populationStdDev = (values: number[]) => {
  const average = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length);
};

describe('evaluationTotal', () => {
  const criteria = [
    { id: 'impact', weight: 2, maxScore: 10 },
    { id: 'feasibility', weight: 1, maxScore: 5 },
    { id: 'cost', weight: 3, maxScore: 20 },
  ];

  it('weights each criterion by its share of its own maximum', () => {
    const scores = new Map([
      ['impact', 7],
      ['feasibility', 5],
      ['cost', 10],
    ]);
    // 100 · (2·7/10 + 1·5/5 + 3·10/20) / (2 + 1 + 3)
    expect(evaluationTotal(criteria, scores)).toBeCloseTo((100 * (1.4 + 1 + 1.5)) / 6, 9);
  });

  it('gives 100 for full marks and 0 for zeros', () => {
    expect(
      evaluationTotal(
        criteria,
        new Map([
          ['impact', 10],
          ['feasibility', 5],
          ['cost', 20],
        ]),
      ),
    ).toBeCloseTo(100, 9);
    expect(
      evaluationTotal(
        criteria,
        new Map([
          ['impact', 0],
          ['feasibility', 0],
          ['cost', 0],
        ]),
      ),
    ).toBe(0);
  });

  it('counts an unscored criterion as 0 and ignores scores for unknown criteria', () => {
    const scores = new Map([
      ['impact', 7],
      ['unknown', 1000],
    ]);
    expect(evaluationTotal(criteria, scores)).toBeCloseTo((100 * 1.4) / 6, 9);
  });

  it('does not depend on the scale of the weights', () => {
    const scaled = criteria.map((criterion) => ({ ...criterion, weight: criterion.weight * 7.5 }));
    const scores = new Map([
      ['impact', 3],
      ['feasibility', 2],
      ['cost', 17],
    ]);
    expect(evaluationTotal(scaled, scores)).toBeCloseTo(evaluationTotal(criteria, scores), 9);
  });

  it('is 0 when there is no weight at all', () => {
    expect(evaluationTotal([], new Map())).toBe(0);
    expect(evaluationTotal([{ id: 'x', weight: 0, maxScore: 10 }], new Map([['x', 10]]))).toBe(0);
  });
});

describe('juryScores without normalisation', () => {
  it('is the mean of each proposal’s totals', () => {
    const { scores, normalizedTotals } = juryScores(
      [evaluation('j1', 'p1', 80), evaluation('j2', 'p1', 50), evaluation('j3', 'p1', 71), evaluation('j1', 'p2', 40)],
      false,
    );
    expect(normalizedTotals).toBeNull();
    expect(scores.size).toBe(2);
    expect(scores.get('p1')!.juryScore).toBeCloseTo((80 + 50 + 71) / 3, 9);
    expect(scores.get('p1')!.evaluationCount).toBe(3);
    expect(scores.get('p2')).toEqual({ proposalId: 'p2', juryScore: 40, evaluationCount: 1 });
  });

  it('returns nothing for no evaluations', () => {
    expect(juryScores([], false).scores.size).toBe(0);
    expect(juryScores([], true).scores.size).toBe(0);
    expect(juryScores([], true).normalizedTotals!.size).toBe(0);
  });

  it('rejects two evaluations of the same proposal by the same juror', () => {
    expect(() => juryScores([evaluation('j1', 'p1', 10), evaluation('j1', 'p1', 20)], false)).toThrow(/twice/);
  });
});

describe('juryScores with normalisation', () => {
  // Lenient juror L loves everything, harsh juror H is stingy; each sees different proposals.
  const lenientAndHarsh = [
    evaluation('L', 'P', 90),
    evaluation('L', 'R', 80),
    evaluation('H', 'Q', 60),
    evaluation('H', 'R', 30),
    evaluation('H', 'S', 30),
  ];
  const roundMean = (90 + 80 + 60 + 30 + 30) / 5; // 58
  const roundStdDev = Math.sqrt((32 ** 2 + 22 ** 2 + 2 ** 2 + 28 ** 2 + 28 ** 2) / 5); // √616
  // L: mean 85, σ 5. H: mean 40, σ √200.
  const z = {
    LP: (90 - 85) / 5,
    LR: (80 - 85) / 5,
    HQ: 20 / Math.sqrt(200),
    HR: -10 / Math.sqrt(200),
    HS: -10 / Math.sqrt(200),
  };

  it('normalisation matters: the harsh juror’s favourite overtakes the lenient juror’s', () => {
    const raw = juryScores(lenientAndHarsh, false).scores;
    const normalised = juryScores(lenientAndHarsh, true).scores;
    const winner = (scores: Map<string, { juryScore: number }>) =>
      [...scores.entries()].sort((a, b) => b[1].juryScore - a[1].juryScore)[0][0];

    expect(winner(raw)).toBe('P');
    expect(winner(normalised)).toBe('Q');
  });

  it('maps each proposal’s mean z-score back onto the round’s scale', () => {
    const { scores } = juryScores(lenientAndHarsh, true);
    expect(roundMean).toBe(58);
    expect(scores.get('P')!.juryScore).toBeCloseTo(roundMean + roundStdDev * z.LP, 9);
    expect(scores.get('Q')!.juryScore).toBeCloseTo(roundMean + roundStdDev * z.HQ, 9);
    expect(scores.get('R')!.juryScore).toBeCloseTo(roundMean + (roundStdDev * (z.LR + z.HR)) / 2, 9);
    expect(scores.get('S')!.juryScore).toBeCloseTo(roundMean + roundStdDev * z.HS, 9);
    expect(scores.get('R')!.evaluationCount).toBe(2);
  });

  it('publishes each juror’s normalised total', () => {
    const { normalizedTotals } = juryScores(lenientAndHarsh, true);
    expect(normalizedTotals!.size).toBe(5);
    expect(normalizedTotals!.get(evaluationKey('L', 'R'))).toBeCloseTo(roundMean + roundStdDev * z.LR, 9);
    expect(normalizedTotals!.get(evaluationKey('H', 'R'))).toBeCloseTo(roundMean + roundStdDev * z.HR, 9);
    expect(normalizedTotals!.get(evaluationKey('H', 'Q'))).toBeCloseTo(roundMean + roundStdDev * z.HQ, 9);
  });

  it('gives z = 0 to a juror with a single evaluation or with no spread', () => {
    const evaluations = [
      evaluation('single', 'p1', 95),
      evaluation('flat', 'p2', 70),
      evaluation('flat', 'p3', 70),
      evaluation('spread', 'p2', 20),
      evaluation('spread', 'p3', 40),
    ];
    const roundMean = (95 + 70 + 70 + 20 + 40) / 5;
    const roundStdDev = populationStdDev([95, 70, 70, 20, 40]);
    const { scores, normalizedTotals } = juryScores(evaluations, true);

    expect(scores.get('p1')!.juryScore).toBeCloseTo(roundMean, 9);
    expect(normalizedTotals!.get('flat:p2')).toBeCloseTo(roundMean, 9);
    // p2: z 0 from "flat", −1 from "spread"
    expect(scores.get('p2')!.juryScore).toBeCloseTo(roundMean - roundStdDev / 2, 9);
    expect(scores.get('p3')!.juryScore).toBeCloseTo(roundMean + roundStdDev / 2, 9);
  });

  it('treats floating-point noise in identical totals as no spread', () => {
    // The mean of [0.1, 0.1, 0.1] is 0.10000000000000002: a naive σ ≈ 1e-17 would give z = −1 to all three.
    const evaluations = [
      evaluation('j', 'a', 0.1),
      evaluation('j', 'b', 0.1),
      evaluation('j', 'c', 0.1),
      evaluation('k', 'a', 90),
    ];
    const roundMean = (0.3 + 90) / 4;
    const { scores } = juryScores(evaluations, true);
    expect(scores.get('b')!.juryScore).toBeCloseTo(roundMean, 9);
    expect(scores.get('a')!.juryScore).toBeCloseTo(roundMean, 9);
  });

  it('clamps back-mapped scores to [0, 100]', () => {
    const high = [
      evaluation('A', 'p1', 100),
      evaluation('A', 'p2', 90),
      evaluation('A', 'p3', 90),
      evaluation('A', 'p4', 90),
      evaluation('B', 'p5', 98),
      evaluation('B', 'p6', 98),
    ];
    const totals = high.map((e) => e.total);
    const mu = totals.reduce((sum, t) => sum + t, 0) / totals.length;
    const sigma = populationStdDev(totals);
    const zP1 = (100 - 92.5) / populationStdDev([100, 90, 90, 90]);
    expect(mu + sigma * zP1).toBeGreaterThan(100); // the unclamped value would overflow
    const { scores, normalizedTotals } = juryScores(high, true);
    expect(scores.get('p1')!.juryScore).toBe(100);
    expect(normalizedTotals!.get('A:p1')).toBe(100);

    const low = high.map((e) => ({ ...e, total: 100 - e.total }));
    const lowResult = juryScores(low, true);
    expect(lowResult.scores.get('p1')!.juryScore).toBe(0);
    expect(lowResult.normalizedTotals!.get('A:p1')).toBe(0);
  });

  it('property: a juror shifting all their totals by a constant changes no proposal’s mean z-score', () => {
    const random = seededRandom(20240611);
    for (let trial = 0; trial < 200; trial++) {
      const jurorCount = 2 + Math.floor(random() * 4);
      const proposalCount = 2 + Math.floor(random() * 6);
      const evaluations: ScoredEvaluation[] = [];
      for (let j = 0; j < jurorCount; j++) {
        for (let p = 0; p < proposalCount; p++) evaluations.push(evaluation(`j${j}`, `p${p}`, 20 + random() * 60));
      }
      const shift = (random() - 0.5) * 30;
      const shiftedJuror = `j${Math.floor(random() * jurorCount)}`;
      const shifted = evaluations.map((e) => (e.jurorId === shiftedJuror ? { ...e, total: e.total + shift } : e));

      const zOrder = (list: ScoredEvaluation[]) => {
        const { scores } = juryScores(list, true);
        const totals = list.map((e) => e.total);
        const mu = totals.reduce((sum, t) => sum + t, 0) / totals.length;
        const sigma = populationStdDev(totals);
        // recover mean z (no clamping happens: every z̄ here is small relative to the margins)
        return [...scores.values()].map((s) => ({ id: s.proposalId, meanZ: (s.juryScore - mu) / sigma }));
      };
      const before = new Map(zOrder(evaluations).map((s) => [s.id, s.meanZ]));
      for (const { id, meanZ } of zOrder(shifted)) expect(meanZ).toBeCloseTo(before.get(id)!, 9);
    }
  });

  it('property: normalised scores stay in [0, 100] and every evaluation is counted once', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 200; trial++) {
      const evaluations: ScoredEvaluation[] = [];
      for (let j = 0; j < 5; j++) {
        for (let p = 0; p < 6; p++) if (random() < 0.6) evaluations.push(evaluation(`j${j}`, `p${p}`, random() * 100));
      }
      const { scores, normalizedTotals } = juryScores(evaluations, true);
      expect(normalizedTotals!.size).toBe(evaluations.length);
      let counted = 0;
      for (const score of scores.values()) {
        expect(score.juryScore).toBeGreaterThanOrEqual(0);
        expect(score.juryScore).toBeLessThanOrEqual(100);
        counted += score.evaluationCount;
      }
      expect(counted).toBe(evaluations.length);
    }
  });
});
