import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '../../infrastructure/database/transactions.js';
import type { FollowTargetType } from './notification-types.js';

export interface FollowRow {
  targetType: FollowTargetType;
  targetId: string;
  createdAt: Date;
}

@Injectable()
export class FollowsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the follow unless it exists; returns the stored row either way. */
  async add(tx: Tx, userId: string, targetType: FollowTargetType, targetId: string): Promise<FollowRow> {
    const rows: { target_type: FollowTargetType; target_id: string; created_at: Date }[] = await tx.query(
      `WITH inserted AS (
         INSERT INTO follows (user_id, target_type, target_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING target_type, target_id, created_at)
       SELECT * FROM inserted
       UNION ALL
       SELECT target_type, target_id, created_at FROM follows WHERE user_id = $1 AND target_type = $2 AND target_id = $3`,
      [userId, targetType, targetId],
    );
    return { targetType: rows[0].target_type, targetId: rows[0].target_id, createdAt: rows[0].created_at };
  }

  /** Several users follow one challenge (submitting, voting); existing follows stay as they were. */
  async addChallengeFollowers(tx: Tx, userIds: string[], challengeId: string): Promise<void> {
    if (!userIds.length) return;
    await tx.query(
      `INSERT INTO follows (user_id, target_type, target_id)
       SELECT DISTINCT u, 'CHALLENGE', $2 FROM unnest($1::uuid[]) AS u ON CONFLICT DO NOTHING`,
      [userIds, challengeId],
    );
  }

  async remove(tx: Tx, userId: string, targetType: FollowTargetType, targetId: string): Promise<boolean> {
    const [, count] = await tx.query<[unknown, number]>(
      `DELETE FROM follows WHERE user_id = $1 AND target_type = $2 AND target_id = $3`,
      [userId, targetType, targetId],
    );
    return count > 0;
  }

  async ofUser(userId: string): Promise<FollowRow[]> {
    const rows: { target_type: FollowTargetType; target_id: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT target_type, target_id, created_at FROM follows WHERE user_id = $1 ORDER BY created_at DESC, target_type, target_id`,
      [userId],
    );
    return rows.map((r) => ({ targetType: r.target_type, targetId: r.target_id, createdAt: r.created_at }));
  }

  /** Which of these challenges the user follows (one query for a whole list of challenges). */
  async followedChallenges(userId: string, challengeIds: readonly string[]): Promise<Set<string>> {
    const rows: { target_id: string }[] = await this.dataSource.query(
      `SELECT target_id FROM follows WHERE user_id = $1 AND target_type = 'CHALLENGE' AND target_id = ANY($2::text[])`,
      [userId, challengeIds],
    );
    return new Set(rows.map((r) => r.target_id));
  }

  /** Whether the target exists and may be followed (published challenges only: drafts are not public). */
  async targetExists(targetType: FollowTargetType, targetId: string): Promise<boolean> {
    const sql: Record<Exclude<FollowTargetType, 'CATEGORY'>, string> = {
      CHALLENGE: `SELECT 1 FROM challenges WHERE id = $1::uuid AND status <> 'DRAFT'`,
      UNIT: `SELECT 1 FROM government_units WHERE id = $1::uuid`,
      STATE: `SELECT 1 FROM states WHERE code = $1`,
      MUNICIPALITY: `SELECT 1 FROM municipalities WHERE code = $1`,
    };
    if (targetType === 'CATEGORY') return false;
    return (await this.dataSource.query<unknown[]>(sql[targetType], [targetId])).length > 0;
  }

  async deleteAllOfUser(tx: Tx, userId: string): Promise<void> {
    await tx.query(`DELETE FROM follows WHERE user_id = $1`, [userId]);
  }
}
