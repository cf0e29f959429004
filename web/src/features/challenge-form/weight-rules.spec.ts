import { criteriaProblems, publicVoteWeight, publicWeightProblems, weightSum, workedExample } from './weight-rules';

const impact = { name: 'Impacto', description: '', weight: '60', maxScore: '10' };
const feasibility = { name: 'Viabilidad', description: '', weight: '40', maxScore: '5' };

describe('criteriaProblems', () => {
  it('accepts percentages that add up to 100', () => {
    expect(criteriaProblems([impact, feasibility])).toEqual({});
    expect(
      criteriaProblems([
        { ...impact, weight: '33,5' },
        { ...feasibility, weight: '66.5' },
      ]),
    ).toEqual({});
  });

  it('refuses weights that do not add up to 100, in Spanish, beside the weights', () => {
    expect(criteriaProblems([impact, { ...feasibility, weight: '30' }])).toEqual({
      'criteria.weights': 'Los pesos de los criterios suman 90 %; deben sumar 100 %.',
    });
    expect(weightSum([impact, { ...feasibility, weight: 'x' }])).toBe(60);
  });

  it('names each bad field: empty or repeated names, zero weights, max scores out of 1..100', () => {
    expect(
      criteriaProblems([
        impact,
        { name: 'impacto', description: '', weight: '0', maxScore: '101' },
        { ...impact, name: '' },
      ]),
    ).toEqual({
      'criteria.1.name': 'Ya hay otro criterio llamado «impacto».',
      'criteria.1.weight': 'El peso del criterio 2 debe ser un porcentaje mayor que 0 y hasta 100.',
      'criteria.1.maxScore': 'La calificación máxima del criterio 2 debe ser un entero entre 1 y 100.',
      'criteria.2.name': 'El criterio 3 necesita un nombre.',
    });
    expect(criteriaProblems([])).toEqual({ criteria: 'La evaluación del jurado necesita al menos un criterio.' });
  });
});

describe('results weights', () => {
  it('lets the public vote weigh only after a voting round, and only 0..100 %', () => {
    expect(publicWeightProblems('40', true)).toEqual({});
    expect(publicWeightProblems('40', false)).toHaveProperty(['settings.publicVoteWeight']);
    expect(publicWeightProblems('120', true)).toEqual({
      'settings.publicVoteWeight': 'El peso del voto público debe ser un porcentaje entre 0 y 100.',
    });
    expect(publicVoteWeight('40')).toBe(0.4);
    expect(publicVoteWeight('')).toBe(0);
  });
});

describe('workedExample', () => {
  it('computes the example by hand: 8/10 at 60 %, 3/5 at 40 %, public vote 40 %', () => {
    // jury = 100·(60·0.8 + 40·0.6)/100 = 72; final = 0.6·72 + 0.4·50 = 63.2
    expect(workedExample([impact, feasibility], '40')).toEqual({
      lines: [
        { name: 'Impacto', score: 8, maxScore: 10, weight: 60 },
        { name: 'Viabilidad', score: 3, maxScore: 5, weight: 40 },
      ],
      jury: 72,
      vote: 50,
      publicWeight: 40,
      final: 63.2,
    });
  });

  it('is only the jury score without public weight, and absent while the rubric is invalid', () => {
    expect(workedExample([impact, feasibility], '')?.final).toBe(72);
    expect(workedExample([impact], '0')).toBeNull();
  });
});
