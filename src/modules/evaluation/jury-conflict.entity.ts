import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A juror's declared conflict of interest with one proposal; it holds for every round of the challenge. */
@Entity('jury_conflicts')
export class JuryConflict {
  @PrimaryColumn({ type: 'uuid' })
  jurorId: string;

  @PrimaryColumn({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
