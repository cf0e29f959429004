import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('states')
export class State {
  @PrimaryColumn({ type: 'char', length: 2 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'char', length: 2, unique: true })
  curpCode: string;

  @Column({ type: 'text' })
  abbreviation: string;
}
