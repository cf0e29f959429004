import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A voter's approval ballot in a BUDGET round; replaced whole on every submission. */
@Entity('budget_ballots')
export class BudgetBallot {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @PrimaryColumn({ type: 'uuid' })
  voterId: string;

  /** The voter budget when the ballot was cast; a CHECK keeps totalCost within it. */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  voterBudget: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  totalCost: string;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;
}
