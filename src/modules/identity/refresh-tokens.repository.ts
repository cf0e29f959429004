import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Tx } from '../../infrastructure/database/transactions.js';
import { RefreshToken } from './refresh-token.entity.js';

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    tx: Tx,
    token: Pick<RefreshToken, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt' | 'createdAt'>,
  ): Promise<void> {
    await tx.insert(RefreshToken, token);
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash });
  }

  /**
   * Marks a live token rotated and returns it, or null when it is unknown, expired, revoked or already
   * rotated. One conditional UPDATE: of two concurrent calls with the same token exactly one gets the row.
   */
  async markRotated(tx: Tx, tokenHash: string, now: Date): Promise<{ userId: string; familyId: string } | null> {
    const [rows] = await tx.query<[{ user_id: string; family_id: string }[], number]>(
      `UPDATE refresh_tokens SET rotated_at = $2
        WHERE token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > $2
        RETURNING user_id, family_id`,
      [tokenHash, now],
    );
    return rows[0] ? { userId: rows[0].user_id, familyId: rows[0].family_id } : null;
  }

  async revokeFamily(tx: Tx, familyId: string, now: Date): Promise<void> {
    await tx.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [
      familyId,
      now,
    ]);
  }

  async revokeAllOfUser(tx: Tx, userId: string, now: Date): Promise<void> {
    await tx.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [
      userId,
      now,
    ]);
  }

  async deleteAllOfUser(tx: Tx, userId: string): Promise<void> {
    await tx.query('DELETE FROM refresh_tokens WHERE user_id = $1', [userId]);
  }
}
