import { Injectable } from '@nestjs/common';
import { DomainError, FieldProblem } from '../../common/domain-error.js';
import { TerritoryService } from '../territory/territory.service.js';

export interface Residence {
  stateCode: string | null;
  municipalityCode: string | null;
}

/** Checks a residence against INEGI's catalog. A municipality alone implies its state. */
@Injectable()
export class ResidenceChecker {
  constructor(private readonly territory: TerritoryService) {}

  check(stateCode: string | null | undefined, municipalityCode: string | null | undefined): Residence {
    const problems: FieldProblem[] = [];
    if (stateCode && !this.territory.state(stateCode)) {
      problems.push({ path: 'stateCode', message: 'La entidad no existe en el catálogo del INEGI.' });
    }
    const municipality = municipalityCode ? this.territory.municipality(municipalityCode) : null;
    if (municipalityCode && !municipality) {
      problems.push({ path: 'municipalityCode', message: 'El municipio no existe en el catálogo del INEGI.' });
    } else if (municipalityCode && stateCode && !this.territory.belongsTo(municipalityCode, stateCode)) {
      problems.push({ path: 'municipalityCode', message: 'El municipio no pertenece a la entidad indicada.' });
    }
    if (problems.length) throw DomainError.badInput(problems);
    return { stateCode: stateCode ?? municipality?.stateCode ?? null, municipalityCode: municipalityCode ?? null };
  }
}
