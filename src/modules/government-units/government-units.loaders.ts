import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestLoaders } from '../../infrastructure/graphql/request-loaders.js';
import { GovernmentUnit } from './government-unit.entity.js';
import { GovernmentUnitsRepository } from './government-units.repository.js';
import { UnitMembership } from './unit-membership.entity.js';

interface Loaders {
  unit: DataLoader<string, GovernmentUnit | null>;
  members: DataLoader<string, UnitMembership[]>;
  /** Memberships of a user (the viewer, usually): one query per request. */
  membershipsOfUser: DataLoader<string, UnitMembership[]>;
}

@Injectable()
export class GovernmentUnitsLoaders extends RequestLoaders<Loaders> {
  constructor(private readonly units: GovernmentUnitsRepository) {
    super();
  }

  protected create(): Loaders {
    return {
      unit: new DataLoader(async (ids) => {
        const byId = new Map((await this.units.findByIds(ids)).map((u) => [u.id, u]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      members: new DataLoader(async (unitIds) => {
        const all = await this.units.membershipsOfUnits(unitIds);
        return unitIds.map((id) => all.filter((m) => m.unitId === id));
      }),
      membershipsOfUser: new DataLoader(async (userIds) =>
        Promise.all(userIds.map((id) => this.units.membershipsOfUser(id))),
      ),
    };
  }
}
