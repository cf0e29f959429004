import type { BudgetOutcome, BudgetProject } from './budget-types.js';
import { equalSharesSelection } from './equal-shares.js';
import { greedySelection } from './greedy.js';
import { buildOutcome } from './outcome-builder.js';
import { prepareInstance } from './prepared-instance.js';

export type { BudgetOutcome, BudgetProject } from './budget-types.js';

/** RULES §7 GREEDY. Ballots are approval sets; unknown ids are ignored, duplicates count once. */
export function greedyOutcome(projects: BudgetProject[], ballots: string[][], budget: bigint): BudgetOutcome {
  const instance = prepareInstance(projects, ballots, budget);
  return buildOutcome(instance, greedySelection(instance, budget));
}

/**
 * RULES §7 EQUAL_SHARES (Method of Equal Shares, cost utilities, add1 completion). `stepCentavos`
 * (default one peso) is the add1 step; only tests change it.
 */
export function equalSharesOutcome(
  projects: BudgetProject[],
  ballots: string[][],
  budget: bigint,
  options: { stepCentavos?: bigint } = {},
): BudgetOutcome {
  const instance = prepareInstance(projects, ballots, budget);
  const selection = equalSharesSelection(instance, budget, { step: options.stepCentavos });
  return buildOutcome(instance, selection.funded, selection.endowment);
}
