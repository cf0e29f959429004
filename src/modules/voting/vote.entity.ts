import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One voter's vote for one proposal in one SINGLE/MULTIPLE voting round. Secret: only its voter sees it. */
@Entity('votes')
export class Vote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'uuid' })
  voterId: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
