import { CreateDateColumn, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One proposal a juror must evaluate in one EVALUATION round. */
@Entity('jury_assignments')
export class JuryAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @Column({ type: 'uuid' })
  jurorId: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
