import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error.js';
import { Connection, toConnection } from '../../common/pagination.js';
import { Transactions, type Tx } from '../../infrastructure/database/transactions.js';
import type { Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { UsersService } from '../identity/users.service.js';
import { TerritoryService } from '../territory/territory.service.js';
import { CreateGovernmentUnitInput } from './dto/government-unit.inputs.js';
import { GovernmentUnit } from './government-unit.entity.js';
import { GovernmentUnitsRepository, UnitQuery } from './government-units.repository.js';
import { UnitMembership, UnitRole } from './unit-membership.entity.js';
import { territoryProblems } from './unit-territory.js';

@Injectable()
export class GovernmentUnitsService {
  constructor(
    private readonly units: GovernmentUnitsRepository,
    private readonly users: UsersService,
    private readonly territory: TerritoryService,
    private readonly transactions: Transactions,
  ) {}

  findById(id: string): Promise<GovernmentUnit | null> {
    return this.units.findById(id);
  }

  async list(query: Omit<UnitQuery, 'limit'> & { first: number }): Promise<Connection<GovernmentUnit>> {
    const [rows, total] = await this.units.search({ ...query, limit: query.first + 1 });
    return toConnection(rows, { first: query.first, offset: query.offset }, total);
  }

  async create(input: CreateGovernmentUnitInput): Promise<GovernmentUnit> {
    const problems = territoryProblems(input, this.territory);
    if (problems.length) throw DomainError.badInput(problems);
    return this.transactions.run((tx) =>
      this.units.insert(tx, {
        name: input.name,
        acronym: input.acronym ?? null,
        description: input.description ?? null,
        level: input.level,
        stateCode: input.level === 'FEDERAL' ? null : input.stateCode!,
        municipalityCode: input.level === 'MUNICIPAL' ? input.municipalityCode! : null,
      }),
    );
  }

  /** Members are visible to the unit's own members and to platform admins. */
  async assertCanSeeMembers(viewer: Viewer | null, unitId: string): Promise<void> {
    if (!viewer) throw DomainError.unauthenticated();
    if (viewer.platformRole === 'ADMIN') return;
    if (!(await this.units.membership(unitId, viewer.id))) {
      throw DomainError.forbidden('Solo los miembros de la unidad pueden ver a sus integrantes.');
    }
  }

  membershipsOf(userId: string): Promise<UnitMembership[]> {
    return this.units.membershipsOfUser(userId);
  }

  /** Adds an existing account to the unit, or changes its role. The unit always keeps at least one ADMIN. */
  async addMember(unitId: string, email: string, role: UnitRole): Promise<UnitMembership> {
    const user = await this.users.findByEmail(email, null);
    if (!user) throw DomainError.field('email', 'No existe una cuenta con ese correo.');
    return this.transactions.run(async (tx) => {
      if (!(await this.units.lock(tx, unitId))) throw DomainError.notFound('La unidad de gobierno');
      const current = await this.units.membership(unitId, user.id, tx);
      if (current?.role === 'ADMIN' && role !== 'ADMIN' && (await this.units.countAdmins(tx, unitId)) <= 1) {
        throw DomainError.conflict('La unidad debe conservar al menos una persona administradora.');
      }
      return this.units.upsertMembership(tx, unitId, user.id, role);
    });
  }

  async removeMember(unitId: string, userId: string): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      if (!(await this.units.lock(tx, unitId))) throw DomainError.notFound('La unidad de gobierno');
      const current = await this.units.membership(unitId, userId, tx);
      if (!current) throw DomainError.notFound('Esa persona en la unidad');
      if (current.role === 'ADMIN' && (await this.units.countAdmins(tx, unitId)) <= 1) {
        throw DomainError.conflict('La unidad debe conservar al menos una persona administradora.');
      }
      return this.units.deleteMembership(tx, unitId, userId);
    });
  }

  /** Account deletion: the person leaves every unit (privacy has checked no unit loses its last ADMIN). */
  leaveAllUnits(tx: Tx, userId: string): Promise<void> {
    return this.units.deleteMembershipsOfUser(tx, userId);
  }
}
