import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type PlatformRole = 'CITIZEN' | 'MODERATOR' | 'ADMIN';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored as typed; unique case-insensitively (index on lower(email)). */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text', default: 'CITIZEN' })
  platformRole: PlatformRole;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** Keyed hash (HMAC) of the CURP; the CURP itself is never stored. */
  @Column({ type: 'text', nullable: true })
  curpHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  curpVerifiedAt: Date | null;

  @Column({ type: 'char', length: 2, nullable: true })
  stateCode: string | null;

  @Column({ type: 'char', length: 5, nullable: true })
  municipalityCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
