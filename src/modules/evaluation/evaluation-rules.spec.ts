import { evaluationMethodText, jurorLabels, scoreProblems, scoresheet } from './evaluation-rules.js';

const criteria = [
  { id: 'a', position: 1, weight: 3, maxScore: 10 },
  { id: 'b', position: 2, weight: 1, maxScore: 5 },
];

describe('scoreProblems', () => {
  it('accepts every criterion once with integers 0..max', () => {
    expect(
      scoreProblems(criteria, [
        { criterionId: 'b', score: 5 },
        { criterionId: 'a', score: 0 },
      ]),
    ).toEqual([]);
  });

  it('names the offending element or the list', () => {
    const paths = (scores: { criterionId: string; score: number }[]) =>
      scoreProblems(criteria, scores).map((p) => p.path);
    expect(
      paths([
        { criterionId: 'a', score: 11 },
        { criterionId: 'b', score: 1 },
      ]),
    ).toEqual(['scores.0.score']);
    expect(
      paths([
        { criterionId: 'a', score: 1 },
        { criterionId: 'b', score: 1.5 },
      ]),
    ).toEqual(['scores.1.score']);
    expect(paths([{ criterionId: 'a', score: 1 }])).toEqual(['scores']);
    expect(
      paths([
        { criterionId: 'a', score: 1 },
        { criterionId: 'a', score: 2 },
        { criterionId: 'b', score: 1 },
      ]),
    ).toEqual(['scores.1.criterionId']);
    expect(
      paths([
        { criterionId: 'x', score: 1 },
        { criterionId: 'a', score: 2 },
        { criterionId: 'b', score: 1 },
      ]),
    ).toEqual(['scores.0.criterionId']);
  });
});

describe('scoresheet', () => {
  it('orders by criterion and weighs the total: 100·(3·8/10 + 1·5/5)/4 = 85', () => {
    const sheet = scoresheet(criteria, [
      { criterionId: 'b', score: 5 },
      { criterionId: 'a', score: 8 },
    ]);
    expect(sheet.scores.map((s) => s.criterionId)).toEqual(['a', 'b']);
    expect(sheet.total).toBeCloseTo(85, 12);
  });
});

describe('jurorLabels', () => {
  it('numbers jurors by their random label key, not by id or joining order', () => {
    const labels = jurorLabels([
      { id: 'z', publicLabelKey: 'b0000000-0000-4000-8000-000000000000' },
      { id: 'y', publicLabelKey: '10000000-0000-4000-8000-000000000000' },
      { id: 'x', publicLabelKey: '7f000000-0000-4000-8000-000000000000' },
    ]);
    expect([...labels.entries()]).toEqual([
      ['y', 'Jurado 1'],
      ['x', 'Jurado 2'],
      ['z', 'Jurado 3'],
    ]);
  });
});

describe('evaluationMethodText', () => {
  it('states the actual weights', () => {
    const text = evaluationMethodText({
      criteria: criteria.map((c) => ({ ...c, name: `C${c.id}` })),
      normalize: true,
      minEvaluations: 2,
      publicVoteWeight: 0.25,
      hasVoting: true,
      winnerCount: 2,
    });
    expect(text).toContain('75 %');
    expect(text).toContain('25 %');
    expect(text).toContain('«Ca» (peso 3');
    expect(text).toContain('puntajes z');
    expect(text).toContain('Ganan las primeras 2');
  });
});
