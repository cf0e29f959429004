import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type PlatformRole = 'CITIZEN' | 'MODERATOR' | 'ADMIN';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored in the normalised form of src/common/email.ts, and unique in it. */
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

  /** Shown as «Anónimo» to the public and in open data (never to moderators, admins or the unit's staff). */
  @Column({ type: 'boolean', default: false })
  anonymousInPublic: boolean;

  /** Bumped by a password reset or "sign out everywhere": access tokens carrying an older version are refused. */
  @Column({ type: 'integer', default: 0 })
  sessionVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
