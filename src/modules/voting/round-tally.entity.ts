import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A voting round's tally, frozen when the round closes (never recomputed). */
@Entity('round_tallies')
export class RoundTally {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @PrimaryColumn({ type: 'uuid' })
  proposalId: string;

  @Column({ type: 'int' })
  votes: number;

  @Column({ type: 'int' })
  rank: number;

  @Column({ type: 'double precision' })
  share: number;

  /** Moved on to the next round (always false on the final round). */
  @Column({ type: 'boolean' })
  advanced: boolean;
}
