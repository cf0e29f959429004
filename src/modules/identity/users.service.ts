import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';
import type { User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

/**
 * Accounts as other features read them. `tx` is required (null outside one): a read inside a transaction
 * must see what it wrote, on its connection.
 */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findById(id: string, tx: Tx | null): Promise<User | null> {
    return this.users.findById(id, tx ?? undefined);
  }

  /** Compared in the normalised form the column holds (src/common/email.ts). */
  findByEmail(email: string, tx: Tx | null): Promise<User | null> {
    return this.users.findByEmail(email, tx ?? undefined);
  }
}
