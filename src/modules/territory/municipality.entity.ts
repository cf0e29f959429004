import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('municipalities')
export class Municipality {
  @PrimaryColumn({ type: 'char', length: 5 })
  code: string;

  @Index()
  @Column({ type: 'char', length: 2 })
  stateCode: string;

  @Column({ type: 'text' })
  name: string;
}
