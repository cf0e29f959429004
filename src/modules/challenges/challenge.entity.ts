import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ChallengeStatus } from './round-lifecycle.js';
import type { GovernmentLevel } from '../government-units/government-unit.entity.js';
import type { SettingsPlan } from './challenge-rules.js';

export type ChallengeCategory =
  | 'DIGITAL_AGENDA'
  | 'BUDGET_TRANSPARENCY'
  | 'PUBLIC_PROCUREMENT'
  | 'INFRASTRUCTURE'
  | 'SOCIAL_POLICY'
  | 'ECONOMIC_DEVELOPMENT'
  | 'ENVIRONMENT_CLIMATE'
  | 'ENERGY_EXTRACTIVES'
  | 'JUSTICE_SECURITY'
  | 'HEALTH'
  | 'EDUCATION'
  | 'MOBILITY'
  | 'WATER'
  | 'OTHER';

/** Settings as stored (jsonb): money as decimal strings, never floats. */
export type StoredSettings = Omit<SettingsPlan, 'voterBudget'> & { voterBudget: string | null };

@Entity('challenges')
export class Challenge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  category: ChallengeCategory;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** Copied from the unit (RULES §2), so lists filter without a join. */
  @Column({ type: 'text' })
  level: GovernmentLevel;

  @Column({ type: 'char', length: 2, nullable: true })
  stateCode: string | null;

  @Column({ type: 'char', length: 5, nullable: true })
  municipalityCode: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  budget: string | null;

  @Column({ type: 'text', default: 'DRAFT' })
  status: ChallengeStatus;

  @Column({ type: 'jsonb' })
  settings: StoredSettings;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelledReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
