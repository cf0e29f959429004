import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RoundKind } from './challenge-rules.js';
import type { RoundStatus } from './round-lifecycle.js';

@Entity('rounds')
export class Round {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  /** 1-based order within the challenge. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  kind: RoundKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'text', default: 'SCHEDULED' })
  status: RoundStatus;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** How many proposals go on to the next round; null: all. */
  @Column({ type: 'int', nullable: true })
  advanceCount: number | null;
}
