import { Injectable } from '@nestjs/common';
import { Tx } from '../../infrastructure/database/transactions.js';
import { AccountToken, AccountTokenPurpose } from './account-token.entity.js';

@Injectable()
export class AccountTokensRepository {
  async insert(
    tx: Tx,
    token: Pick<AccountToken, 'userId' | 'purpose' | 'tokenHash' | 'expiresAt' | 'createdAt'>,
  ): Promise<void> {
    await tx.insert(AccountToken, token);
  }

  /** Uses up a live token and returns its account, or null when unknown, expired or already used (single use under concurrency). */
  async consume(tx: Tx, purpose: AccountTokenPurpose, tokenHash: string, now: Date): Promise<string | null> {
    const [rows] = await tx.query<[{ user_id: string }[], number]>(
      `UPDATE account_tokens SET used_at = $3
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
        RETURNING user_id`,
      [tokenHash, purpose, now],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Retires every unused token of that purpose, e.g. older links once a new one is sent. */
  async retireAll(tx: Tx, userId: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
    await tx.query('UPDATE account_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL', [
      userId,
      purpose,
      now,
    ]);
  }
}
