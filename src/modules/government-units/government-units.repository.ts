import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Tx } from '../../infrastructure/database/transactions.js';
import { GovernmentLevel, GovernmentUnit } from './government-unit.entity.js';
import { UnitMembership, UnitRole } from './unit-membership.entity.js';

export interface UnitQuery {
  level?: GovernmentLevel | null;
  stateCode?: string | null;
  municipalityCode?: string | null;
  search?: string | null;
  offset: number;
  limit: number;
}

@Injectable()
export class GovernmentUnitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<GovernmentUnit | null> {
    return this.dataSource.getRepository(GovernmentUnit).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<GovernmentUnit[]> {
    return this.dataSource.getRepository(GovernmentUnit).findBy({ id: In([...ids]) });
  }

  /** A page of units by name, and how many match in all. */
  async search(query: UnitQuery): Promise<[GovernmentUnit[], number]> {
    const qb = this.dataSource.getRepository(GovernmentUnit).createQueryBuilder('u');
    if (query.level) qb.andWhere('u.level = :level', { level: query.level });
    if (query.stateCode) qb.andWhere('u.state_code = :state', { state: query.stateCode });
    if (query.municipalityCode)
      qb.andWhere('u.municipality_code = :municipality', { municipality: query.municipalityCode });
    if (query.search) {
      qb.andWhere(
        `immutable_unaccent(lower(u.name || ' ' || coalesce(u.acronym, ''))) LIKE '%' || immutable_unaccent(lower(:search)) || '%'`,
        { search: query.search.replace(/[\\%_]/g, (c) => `\\${c}`) },
      );
    }
    return qb.orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').skip(query.offset).take(query.limit).getManyAndCount();
  }

  insert(tx: Tx, unit: Omit<GovernmentUnit, 'id' | 'createdAt'>): Promise<GovernmentUnit> {
    return tx.save(tx.create(GovernmentUnit, unit));
  }

  /** Locks the unit row so that membership changes of one unit happen one at a time. */
  async lock(tx: Tx, unitId: string): Promise<boolean> {
    const rows = await tx.query<unknown[]>('SELECT 1 FROM government_units WHERE id = $1 FOR UPDATE', [unitId]);
    return rows.length > 0;
  }

  membership(unitId: string, userId: string, tx?: Tx): Promise<UnitMembership | null> {
    return (tx ?? this.dataSource.manager).findOneBy(UnitMembership, { unitId, userId });
  }

  membershipsOfUnits(unitIds: readonly string[]): Promise<UnitMembership[]> {
    return this.dataSource
      .getRepository(UnitMembership)
      .find({ where: { unitId: In([...unitIds]) }, order: { createdAt: 'ASC' } });
  }

  membershipsOfUser(userId: string): Promise<UnitMembership[]> {
    return this.dataSource.getRepository(UnitMembership).find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  countAdmins(tx: Tx, unitId: string): Promise<number> {
    return tx.countBy(UnitMembership, { unitId, role: 'ADMIN' });
  }

  async upsertMembership(tx: Tx, unitId: string, userId: string, role: UnitRole): Promise<UnitMembership> {
    await tx.query(
      `INSERT INTO unit_memberships (unit_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (unit_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [unitId, userId, role],
    );
    return (await this.membership(unitId, userId, tx))!;
  }

  async deleteMembership(tx: Tx, unitId: string, userId: string): Promise<boolean> {
    const result = await tx.delete(UnitMembership, { unitId, userId });
    return (result.affected ?? 0) > 0;
  }

  async deleteMembershipsOfUser(tx: Tx, userId: string): Promise<void> {
    await tx.query(`DELETE FROM unit_memberships WHERE user_id = $1`, [userId]);
  }

  /** The role `userId` holds in the unit owning a resource; undefined when the resource does not exist. */
  async roleInOwningUnit(userId: string, ownerSql: string, resourceId: string): Promise<UnitRole | null | undefined> {
    const rows: { unit_id: string | null; role: UnitRole | null }[] = await this.dataSource.query(
      `SELECT owner.unit_id, m.role
         FROM (${ownerSql}) owner
         LEFT JOIN unit_memberships m ON m.unit_id = owner.unit_id AND m.user_id = $2`,
      [resourceId, userId],
    );
    if (!rows.length) return undefined;
    return rows[0].role;
  }
}
