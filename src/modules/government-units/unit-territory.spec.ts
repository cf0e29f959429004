import { territoryProblems } from './unit-territory.js';

const territory = {
  state: (code: string) => (['21', '14'].includes(code) ? { code } : null),
  belongsTo: (municipality: string, state: string) =>
    municipality.startsWith(state) && ['21114', '14039'].includes(municipality),
};

describe('unit territory (RULES §2)', () => {
  it('accepts each level with exactly its territory', () => {
    expect(territoryProblems({ level: 'FEDERAL' }, territory)).toEqual([]);
    expect(territoryProblems({ level: 'STATE', stateCode: '21' }, territory)).toEqual([]);
    expect(territoryProblems({ level: 'MUNICIPAL', stateCode: '21', municipalityCode: '21114' }, territory)).toEqual(
      [],
    );
  });

  it('refuses territory on a federal unit', () => {
    expect(territoryProblems({ level: 'FEDERAL', stateCode: '21' }, territory).map((p) => p.path)).toEqual([
      'stateCode',
    ]);
  });

  it('needs a known state for state units and no municipality', () => {
    expect(territoryProblems({ level: 'STATE' }, territory).map((p) => p.path)).toEqual(['stateCode']);
    expect(territoryProblems({ level: 'STATE', stateCode: '99' }, territory).map((p) => p.path)).toEqual(['stateCode']);
    expect(
      territoryProblems({ level: 'STATE', stateCode: '21', municipalityCode: '21114' }, territory).map((p) => p.path),
    ).toEqual(['municipalityCode']);
  });

  it('needs a municipality of the given state for municipal units', () => {
    expect(territoryProblems({ level: 'MUNICIPAL', stateCode: '21' }, territory).map((p) => p.path)).toEqual([
      'municipalityCode',
    ]);
    expect(territoryProblems({ level: 'MUNICIPAL', stateCode: '21', municipalityCode: '14039' }, territory)).toEqual([
      { path: 'municipalityCode', message: 'Ese municipio no pertenece a la entidad indicada.' },
    ]);
  });
});
