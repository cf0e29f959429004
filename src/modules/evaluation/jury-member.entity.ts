import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An account sitting on a challenge's jury (RULES §6). `publicLabelKey`, random and drawn on joining, orders
 * jurors for their public labels ("Jurado 1"…), so a label says nothing about the order jurors were added.
 */
@Entity('jury_members')
export class JuryMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'boolean', default: false })
  isChair: boolean;

  @Column({ type: 'bigint', insert: false, update: false })
  joinedSeq: string;

  @Column({ type: 'uuid', insert: false, update: false })
  publicLabelKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
