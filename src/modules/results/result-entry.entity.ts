import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface StoredCriterionAverage {
  criterionId: string;
  average: number;
}

export interface StoredJurorScore {
  jurorLabel: string;
  total: number;
  normalized: number | null;
}

/** One proposal's line in the published results. The jury columns are filled by the evaluation feature. */
@Entity('result_entries')
export class ResultEntry {
  @PrimaryColumn({ type: 'uuid' })
  challengeId: string;

  @PrimaryColumn({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'int' })
  rank: number;

  @Column({ type: 'int', nullable: true })
  votes: number | null;

  @Column({ type: 'double precision', nullable: true })
  voteScore: number | null;

  @Column({ type: 'double precision', nullable: true })
  juryScore: number | null;

  @Column({ type: 'double precision' })
  finalScore: number;

  @Column({ type: 'boolean' })
  isWinner: boolean;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  allocated: string | null;

  @Column({ type: 'int', default: 0 })
  evaluationCount: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  criterionAverages: StoredCriterionAverage[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  jurorScores: StoredJurorScore[];
}
