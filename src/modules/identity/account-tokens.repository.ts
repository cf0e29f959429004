import { Injectable } from '@nestjs/common';
import { Tx } from '../../infrastructure/database/transactions.js';
import { AccountToken, AccountTokenPurpose } from './account-token.entity.js';

export type NewAccountToken = Pick<AccountToken, 'id' | 'userId' | 'purpose' | 'tokenHash' | 'expiresAt' | 'createdAt'>;

@Injectable()
export class AccountTokensRepository {
  async insert(tx: Tx, token: NewAccountToken): Promise<void> {
    await tx.insert(AccountToken, token);
  }

  /**
   * For the account with this e-mail (already normalised), if any: retires its live reset tokens, inserts
   * `token` and records the outbox event that mails it. One statement, so an unknown address costs the same
   * round trip as a known one.
   */
  async issueResetByEmail(tx: Tx, email: string, token: Omit<NewAccountToken, 'userId'>): Promise<void> {
    // A commit that wrote rows waits for the WAL flush and one that wrote nothing does not: that wait was the
    // timing oracle. Without it both answer alike; a crash in that instant loses one reset request, which the
    // person simply asks for again.
    await tx.query('SET LOCAL synchronous_commit TO OFF');
    await tx.query(
      `WITH account AS (SELECT id FROM users WHERE email = $1),
            retired AS (UPDATE account_tokens SET used_at = $4
                         WHERE user_id IN (SELECT id FROM account) AND purpose = $3 AND used_at IS NULL),
            issued AS (INSERT INTO account_tokens (id, user_id, purpose, token_hash, created_at, expires_at)
                       SELECT $2, id, $3, $5, $4, $6 FROM account RETURNING id, user_id)
       INSERT INTO outbox_events (type, payload)
       SELECT 'account.mail_requested', jsonb_build_object('userId', user_id, 'tokenId', id, 'purpose', $3::text)
         FROM issued`,
      [email, token.id, token.purpose, token.createdAt, token.tokenHash, token.expiresAt],
    );
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

  async deleteAllOfUser(tx: Tx, userId: string): Promise<void> {
    await tx.query('DELETE FROM account_tokens WHERE user_id = $1', [userId]);
  }
}
