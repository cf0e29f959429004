import { Injectable } from '@nestjs/common';
import { UnitAccess, UnitResourceKind } from '../../infrastructure/auth/unit-access.js';
import { GovernmentUnitsRepository } from './government-units.repository.js';
import { isUuid } from '../../common/ids.js';
import { everSubmittedSql } from '../../common/public-visibility.js';

/** How to find the owning unit of each kind of resource ($1 is the resource id). */
const OWNER_SQL: Record<UnitResourceKind, string> = {
  unit: 'SELECT id AS unit_id FROM government_units WHERE id = $1',
  challenge: 'SELECT unit_id FROM challenges WHERE id = $1',
  round: 'SELECT c.unit_id FROM rounds r JOIN challenges c ON c.id = r.challenge_id WHERE r.id = $1',
  // A never-submitted proposal is private to its authors: to the unit it does not exist (the service answers NOT_FOUND).
  proposal: `SELECT c.unit_id FROM proposals p JOIN challenges c ON c.id = p.challenge_id WHERE p.id = $1 AND ${everSubmittedSql('p')}`,
};

@Injectable()
export class UnitAccessService extends UnitAccess {
  constructor(private readonly units: GovernmentUnitsRepository) {
    super();
  }

  async roleOf(userId: string, kind: UnitResourceKind, resourceId: string) {
    if (!isUuid(resourceId)) return undefined;
    return this.units.roleInOwningUnit(userId, OWNER_SQL[kind], resourceId);
  }
}
