import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface StoredCriterionScore {
  criterionId: string;
  score: number;
}

/** A juror's scores for one assignment; resubmitting replaces it (one per assignment). */
@Entity('evaluations')
export class Evaluation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  assignmentId: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Column({ type: 'uuid' })
  jurorId: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  /** In the order of the challenge's criteria. */
  @Column({ type: 'jsonb' })
  scores: StoredCriterionScore[];

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** evaluationTotal of the scores, 0..100, fixed when stored. */
  @Column({ type: 'double precision' })
  total: number;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
