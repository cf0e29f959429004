import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type GovernmentLevel = 'FEDERAL' | 'STATE' | 'MUNICIPAL';

/** A government office that posts challenges: a secretariat, a state government, a city council. */
@Entity('government_units')
export class GovernmentUnit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  acronym: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  level: GovernmentLevel;

  @Column({ type: 'char', length: 2, nullable: true })
  stateCode: string | null;

  @Column({ type: 'char', length: 5, nullable: true })
  municipalityCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
