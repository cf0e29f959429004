import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ProposalStatus = 'DRAFT' | 'SUBMITTED' | 'WITHDRAWN' | 'HIDDEN' | 'INELIGIBLE';

@Entity('proposals')
export class Proposal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  /** Markdown, stored exactly as written; never rendered by the API. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  estimatedCost: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  links: string[];

  @Column({ type: 'text', default: 'DRAFT' })
  status: ProposalStatus;

  /** Position of the last round this proposal is in (1 = submission). */
  @Column({ type: 'int', default: 1 })
  stage: number;

  @Column({ type: 'int', nullable: true })
  eliminatedInRound: number | null;

  @Column({ type: 'text', nullable: true })
  moderationReason: string | null;

  /** While HIDDEN: the status unhiding returns to. */
  @Column({ type: 'text', nullable: true })
  hiddenFromStatus: 'SUBMITTED' | 'WITHDRAWN' | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
