/** Amounts are exact integer centavos. */
export interface BudgetProject {
  id: string;
  /** ≥ 0; a project that costs nothing is funded whenever anyone approves it. */
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
  /** EQUAL_SHARES only: the final per-voter endowment, exactly (budget / n + whole pesos). */
  endowment?: ExactCentavos;
}

/** numerator / denominator centavos, in lowest terms (denominator > 0). */
export interface ExactCentavos {
  numerator: bigint;
  denominator: bigint;
}
