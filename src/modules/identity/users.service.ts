import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';
import type { User } from './user.entity.js';
import { AccountTokensRepository } from './account-tokens.repository.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { UsersRepository } from './users.repository.js';

/**
 * Accounts as other features read them, and their erasure for account deletion (privacy). `tx` is required
 * (null outside one): a read inside a transaction must see what it wrote, on its connection.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly accountTokens: AccountTokensRepository,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  findById(id: string, tx: Tx | null): Promise<User | null> {
    return this.users.findById(id, tx ?? undefined);
  }

  /** Compared in the normalised form the column holds (src/common/email.ts). */
  findByEmail(email: string, tx: Tx | null): Promise<User | null> {
    return this.users.findByEmail(email, tx ?? undefined);
  }

  /** Account deletion: forgets the person's account links (e-mail verification, reset) and sessions. */
  async forgetSessions(tx: Tx, userId: string): Promise<void> {
    await this.accountTokens.deleteAllOfUser(tx, userId);
    await this.refreshTokens.deleteAllOfUser(tx, userId);
  }

  /** Account deletion, last step: the row stays as a tombstone with no personal data (docs/privacy.md). */
  leaveTombstone(tx: Tx, userId: string, now: Date): Promise<void> {
    return this.users.tombstone(tx, userId, now);
  }
}
