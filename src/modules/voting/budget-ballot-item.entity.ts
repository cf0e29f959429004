import { Entity, PrimaryColumn } from 'typeorm';

/** One approved proposal of a budget ballot. */
@Entity('budget_ballot_items')
export class BudgetBallotItem {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @PrimaryColumn({ type: 'uuid' })
  voterId: string;

  @PrimaryColumn({ type: 'uuid' })
  proposalId: string;
}
