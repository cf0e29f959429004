import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only (a trigger refuses UPDATE and DELETE): what happened, who did it, when. */
@Entity('audit_events')
@Index(['challengeId', 'seq'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  challengeId: string | null;

  @Column({ type: 'text' })
  action: string;

  /** Null for actions taken by the system (scheduled jobs). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Total order of the log, also among events of one transaction. */
  @Column({ type: 'bigint', insert: false, update: false, select: true })
  seq: string;
}
