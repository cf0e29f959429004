/** Amounts are exact integer centavos. */
export interface BudgetProject {
  id: string;
  cost: bigint;
  /** ms since epoch; only used to break ties (earlier wins). */
  submittedAt: number;
}

export interface BudgetOutcome {
  /** In funding order. */
  funded: string[];
  /** Every project id: funded first in funding order, then the rest by approvals. */
  ranking: string[];
  allocated: Map<string, bigint>;
  totalCost: bigint;
  approvals: Map<string, number>;
  /** EQUAL_SHARES only: the final per-voter endowment in centavos. */
  endowment?: bigint;
}
