import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A voter's approval ballot in a BUDGET round; replaced whole on every submission. */
@Entity('budget_ballots')
export class BudgetBallot {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @PrimaryColumn({ type: 'uuid' })
  voterId: string;

  /** The voter budget when the ballot was cast (null: no cost cap); a CHECK keeps totalCost within it. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  voterBudget: string | null;

  /** The ballot length limits when it was cast (null: none); a constraint trigger enforces them at commit. */
  @Column({ type: 'int', nullable: true })
  minLength: number | null;

  @Column({ type: 'int', nullable: true })
  maxLength: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  totalCost: string;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;
}
