import {
  criterionField,
  evaluationRound,
  nextToEvaluate,
  problemsAtCriteria,
  unscored,
  weightedTotal,
} from './scoring-rules';
import { juryTexts } from './jury-texts';

const criteria = [
  { id: 'a', weight: 3, maxScore: 10 },
  { id: 'b', weight: 2, maxScore: 5 },
  { id: 'c', weight: 1, maxScore: 20 },
];

describe('weightedTotal (RULES §7)', () => {
  it('weighs each score by its criterion, on 0..100', () => {
    // 100 · (3·10/10 + 2·5/5 + 1·20/20) / 6 = 100
    expect(weightedTotal(criteria, { a: 10, b: 5, c: 20 })).toBe(100);
    expect(weightedTotal(criteria, { a: 0, b: 0, c: 0 })).toBe(0);
    // 100 · (3·0.5 + 2·0.6 + 1·0.5) / 6 = 100 · 3.2 / 6 = 53.33…
    expect(weightedTotal(criteria, { a: 5, b: 3, c: 10 })).toBeCloseTo(53.333, 3);
  });

  it('counts an unscored criterion as 0, and gives 0 without criteria', () => {
    // 100 · 3·1 / 6 = 50
    expect(weightedTotal(criteria, { a: 10 })).toBe(50);
    expect(weightedTotal([], {})).toBe(0);
    expect(unscored(criteria, { a: 1 }).map((c) => c.id)).toEqual(['b', 'c']);
  });

  it('is said in Spanish with one decimal', () => {
    expect(juryTexts.total(53.3333)).toBe('Total ponderado: 53.3 de 100');
    expect(juryTexts.total(100)).toBe('Total ponderado: 100 de 100');
  });
});

describe('evaluationRound', () => {
  const round = (kind: string, status: string, opensAt: string) => ({ kind, status, opensAt });

  it('takes the open EVALUATION round, else the last closed, else the next scheduled', () => {
    const open = round('EVALUATION', 'OPEN', '2027-02-01T00:00:00Z');
    expect(evaluationRound([round('SUBMISSION', 'CLOSED', '2027-01-01T00:00:00Z'), open])).toBe(open);
    const first = round('EVALUATION', 'CLOSED', '2027-01-01T00:00:00Z');
    const second = round('EVALUATION', 'CLOSED', '2027-03-01T00:00:00Z');
    expect(evaluationRound([first, round('VOTING', 'OPEN', '2027-02-01T00:00:00Z'), second])).toBe(second);
    const later = round('EVALUATION', 'SCHEDULED', '2027-05-01T00:00:00Z');
    expect(evaluationRound([round('SUBMISSION', 'OPEN', '2027-01-01T00:00:00Z'), later])).toBe(later);
    expect(evaluationRound([round('VOTING', 'OPEN', '2027-01-01T00:00:00Z')])).toBeNull();
  });
});

describe('nextToEvaluate', () => {
  const list = [
    { proposalId: 'p1', saved: true },
    { proposalId: 'p2', saved: false },
    { proposalId: 'p3', saved: true },
    { proposalId: 'p4', saved: false },
  ];

  it('goes to the next unsaved proposal, wrapping around, never the current one', () => {
    expect(nextToEvaluate(list, 'p1')).toBe('p2');
    expect(nextToEvaluate(list, 'p2')).toBe('p4');
    expect(nextToEvaluate(list, 'p4')).toBe('p2');
    expect(nextToEvaluate(list, 'desconocida')).toBe('p2');
  });

  it('returns null once everything else is saved', () => {
    expect(nextToEvaluate([{ proposalId: 'p1', saved: false }], 'p1')).toBeNull();
    expect(
      nextToEvaluate(
        list.map((a) => ({ ...a, saved: true })),
        'p2',
      ),
    ).toBeNull();
  });
});

describe('problemsAtCriteria', () => {
  it('places scores.N at the criterion sent in position N, the list at `scores`, the rest unchanged', () => {
    expect(
      problemsAtCriteria(
        {
          'scores.1.score': 'La calificación debe ser un número entero entre 0 y 5.',
          'scores.0.criterionId': 'Ese criterio no pertenece a este reto.',
          scores: 'Falta calificar un criterio: cada criterio del reto se califica una vez.',
          'scores.7.score': 'Fuera de lo enviado.',
          comment: 'El comentario debe tener entre 3 y 2 000 caracteres.',
        },
        ['a', 'b'],
      ),
    ).toEqual({
      [criterionField('b')]: 'La calificación debe ser un número entero entre 0 y 5.',
      [criterionField('a')]: 'Ese criterio no pertenece a este reto.',
      scores: 'Falta calificar un criterio: cada criterio del reto se califica una vez.',
      comment: 'El comentario debe tener entre 3 y 2 000 caracteres.',
    });
  });
});
