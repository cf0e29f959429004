import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { normalizeEmail } from '../../common/email.js';
import { Tx } from '../../infrastructure/database/transactions.js';
import { User } from './user.entity.js';

export type NewUser = Pick<User, 'email' | 'passwordHash' | 'displayName' | 'stateCode' | 'municipalityCode'> &
  Partial<Pick<User, 'platformRole' | 'emailVerifiedAt'>>;

export type UserPatch = Partial<
  Pick<
    User,
    | 'passwordHash'
    | 'displayName'
    | 'platformRole'
    | 'emailVerifiedAt'
    | 'curpHash'
    | 'curpVerifiedAt'
    | 'stateCode'
    | 'municipalityCode'
    | 'anonymousInPublic'
  >
>;

/** The name every public path shows for a deleted account (docs/privacy.md, ARCO). */
export const DELETED_ACCOUNT_NAME = 'Cuenta eliminada';

// Any constant works: it only has to be the same in every process of a deployment.
const ADMIN_BOOTSTRAP_LOCK = 731_000_101;

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, tx?: Tx): Promise<User | null> {
    return (tx ?? this.dataSource.manager).getRepository(User).findOneBy({ id });
  }

  /** Compared in the normalised form the column holds (src/common/email.ts). */
  findByEmail(email: string, tx?: Tx): Promise<User | null> {
    return (tx ?? this.dataSource.manager).getRepository(User).findOneBy({ email: normalizeEmail(email) });
  }

  /** The account, its row locked until `tx` ends. */
  findByIdForUpdate(tx: Tx, id: string): Promise<User | null> {
    return tx.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByIds(ids: readonly string[]): Promise<User[]> {
    return this.dataSource.getRepository(User).findBy({ id: In([...ids]) });
  }

  /** `tx` is required (null outside one): a read inside a transaction must see what it wrote, on its connection. */
  findByCurpHash(curpHash: string, tx: Tx | null): Promise<User | null> {
    return (tx ?? this.dataSource.manager).getRepository(User).findOneBy({ curpHash });
  }

  insert(tx: Tx, user: NewUser): Promise<User> {
    return tx.save(tx.create(User, { ...user, email: normalizeEmail(user.email) }));
  }

  async update(tx: Tx, id: string, patch: UserPatch): Promise<void> {
    await tx.update(User, { id }, patch);
  }

  /** Ids of the platform ADMINs, their rows locked until `tx` ends (in id order, so lockers never deadlock). */
  async lockPlatformAdmins(tx: Tx): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM users WHERE platform_role = 'ADMIN' ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  async bumpSessionVersion(tx: Tx, id: string): Promise<void> {
    await tx.increment(User, { id }, 'sessionVersion', 1);
  }

  /**
   * Blanks the account's personal fields and marks it deleted: the row stays as a tombstone for what others
   * point to. Its sessions end (session version bumped).
   */
  async tombstone(tx: Tx, id: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE users SET email = 'cuenta-eliminada-' || id || '@eliminada.invalid', password_hash = '',
         display_name = $2, platform_role = 'CITIZEN', email_verified_at = NULL, curp_hash = NULL,
         curp_verified_at = NULL, state_code = NULL, municipality_code = NULL, anonymous_in_public = false,
         session_version = session_version + 1, deleted_at = $3, updated_at = $3
       WHERE id = $1`,
      [id, DELETED_ACCOUNT_NAME, now],
    );
  }

  /** Serialises the admin bootstrap of processes starting at once; released when `tx` ends. */
  async lockAdminBootstrap(tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_BOOTSTRAP_LOCK]);
  }
}
