import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type UnitRole = 'ADMIN' | 'EDITOR';

@Entity('unit_memberships')
export class UnitMembership {
  @PrimaryColumn('uuid')
  unitId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @Column({ type: 'text' })
  role: UnitRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
