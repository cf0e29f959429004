import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A voter's allowance in a round. `used` is maintained by a database trigger on votes and kept within
 * `allowed` by a CHECK, so the limit holds whatever the application does (see migration 500).
 */
@Entity('vote_quotas')
export class VoteQuota {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @PrimaryColumn({ type: 'uuid' })
  voterId: string;

  @Column({ type: 'int' })
  allowed: number;

  @Column({ type: 'int' })
  used: number;
}
