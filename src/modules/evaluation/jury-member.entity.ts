import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An account sitting on a challenge's jury (RULES §6). `joinedSeq` orders jurors for their public labels ("Jurado 1"…). */
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
