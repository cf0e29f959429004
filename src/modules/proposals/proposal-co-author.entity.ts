import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('proposal_co_authors')
export class ProposalCoAuthor {
  @PrimaryColumn('uuid')
  proposalId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
