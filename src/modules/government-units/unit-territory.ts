import type { FieldProblem } from '../../common/domain-error.js';
import type { GovernmentLevel } from './government-unit.entity.js';

interface TerritoryLookup {
  state(code: string): unknown;
  belongsTo(municipalityCode: string, stateCode: string): boolean;
}

/** RULES §2: FEDERAL has no territory, STATE a state, MUNICIPAL a municipality of that state. */
export function territoryProblems(
  unit: { level: GovernmentLevel; stateCode?: string | null; municipalityCode?: string | null },
  territory: TerritoryLookup,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (unit.level === 'FEDERAL') {
    if (unit.stateCode) problems.push({ path: 'stateCode', message: 'Una unidad federal no lleva entidad.' });
    if (unit.municipalityCode)
      problems.push({ path: 'municipalityCode', message: 'Una unidad federal no lleva municipio.' });
    return problems;
  }
  if (!unit.stateCode) problems.push({ path: 'stateCode', message: 'Indica la entidad de la unidad.' });
  else if (!territory.state(unit.stateCode))
    problems.push({ path: 'stateCode', message: 'Esa entidad no existe en el catálogo del INEGI.' });
  if (unit.level === 'STATE' && unit.municipalityCode) {
    problems.push({ path: 'municipalityCode', message: 'Una unidad estatal no lleva municipio.' });
  }
  if (unit.level === 'MUNICIPAL') {
    if (!unit.municipalityCode)
      problems.push({ path: 'municipalityCode', message: 'Indica el municipio de la unidad.' });
    else if (unit.stateCode && !territory.belongsTo(unit.municipalityCode, unit.stateCode)) {
      problems.push({ path: 'municipalityCode', message: 'Ese municipio no pertenece a la entidad indicada.' });
    }
  }
  return problems;
}
