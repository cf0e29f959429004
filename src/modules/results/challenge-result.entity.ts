import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A challenge's published outcome, stored once when its final round closes. */
@Entity('challenge_results')
export class ChallengeResult {
  @PrimaryColumn({ type: 'uuid' })
  challengeId: string;

  /** The rule that produced the ranking, in Spanish. */
  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'int' })
  totalVoters: number;

  @Column({ type: 'int' })
  totalVotes: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  budgetUsed: string | null;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;
}
