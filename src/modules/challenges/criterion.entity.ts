import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('evaluation_criteria')
export class Criterion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'double precision' })
  weight: number;

  @Column({ type: 'int' })
  maxScore: number;
}
