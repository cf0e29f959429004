import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { Challenge } from '../challenges/challenge.entity.js';
import type { RoundKind } from '../challenges/challenge-rules.js';
import { Round } from '../challenges/round.entity.js';

export interface LockedChallenge {
  challenge: Challenge;
  /** By position. */
  rounds: Round[];
}

@Injectable()
export class RoundsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<Round | null> {
    return this.dataSource.getRepository(Round).findOneBy({ id });
  }

  async challengeIdOf(roundId: string): Promise<string | null> {
    const rows: { challenge_id: string }[] = await this.dataSource.query(
      'SELECT challenge_id FROM rounds WHERE id = $1',
      [roundId],
    );
    return rows[0]?.challenge_id ?? null;
  }

  /**
   * Locks the challenge row, then its rounds in position order: every clock transition and
   * reschedule of one challenge takes the same locks in the same order, so they run one at a time.
   */
  async lockChallenge(tx: Tx, challengeId: string): Promise<LockedChallenge | null> {
    const challenge = await tx
      .getRepository(Challenge)
      .createQueryBuilder('c')
      .where('c.id = :challengeId', { challengeId })
      .setLock('pessimistic_write')
      .getOne();
    if (!challenge) return null;
    const rounds = await tx
      .getRepository(Round)
      .createQueryBuilder('r')
      .where('r.challenge_id = :challengeId', { challengeId })
      .orderBy('r.position', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
    return { challenge, rounds };
  }

  /** Published challenges with a round whose opening or closing time has passed. */
  async challengesDue(now: Date): Promise<string[]> {
    const rows: { challenge_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT r.challenge_id FROM rounds r JOIN challenges c ON c.id = r.challenge_id
       WHERE c.status = 'PUBLISHED'
         AND ((r.status = 'SCHEDULED' AND r.opens_at <= $1) OR (r.status = 'OPEN' AND r.closes_at <= $1))`,
      [now],
    );
    return rows.map((row) => row.challenge_id);
  }

  /** OPEN rounds of published challenges whose reminder time (closesAt − lead, for rounds at least that long) has passed. */
  openRoundsPastReminder(
    now: Date,
    leadMs: (kind: 'SUBMISSION' | 'VOTING' | 'EVALUATION') => number,
  ): Promise<Round[]> {
    return this.dataSource
      .getRepository(Round)
      .createQueryBuilder('r')
      .innerJoin('challenges', 'c', 'c.id = r.challenge_id')
      .where(`c.status = 'PUBLISHED' AND r.status = 'OPEN' AND r.closes_at > :now`, { now })
      .andWhere(
        `r.closes_at - make_interval(secs => (CASE r.kind WHEN 'EVALUATION' THEN :evaluationLead::bigint ELSE :otherLead::bigint END) / 1000.0) <= :now`,
        {
          evaluationLead: leadMs('EVALUATION'),
          otherLead: leadMs('VOTING'),
        },
      )
      .getMany();
  }

  /** The rounds of these challenges, by challenge and position. */
  roundsOf(challengeIds: readonly string[]): Promise<Round[]> {
    if (!challengeIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(Round).find({
      where: { challengeId: In([...challengeIds]) },
      order: { challengeId: 'ASC', position: 'ASC' },
    });
  }

  async kindsOf(roundIds: readonly string[]): Promise<Map<string, RoundKind>> {
    const rounds = roundIds.length
      ? await this.dataSource
          .getRepository(Round)
          .find({ where: { id: In([...roundIds]) }, select: { id: true, kind: true } })
      : [];
    return new Map(rounds.map((round) => [round.id, round.kind]));
  }

  /** Whether an outbox event of this type whose payload contains `match` exists (reminders are recorded once). */
  async outboxEventExists(tx: Tx, type: string, match: Record<string, unknown>): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      'SELECT 1 FROM outbox_events WHERE type = $1 AND payload @> $2::jsonb LIMIT 1',
      [type, JSON.stringify(match)],
    );
    return rows.length > 0;
  }
}
