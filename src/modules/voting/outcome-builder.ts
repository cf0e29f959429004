import type { BudgetOutcome, ExactCentavos } from './budget-types.js';
import type { PreparedInstance } from './prepared-instance.js';

export function buildOutcome(
  instance: PreparedInstance,
  fundedIndices: number[],
  endowment?: ExactCentavos,
): BudgetOutcome {
  const { projects } = instance;
  const isFunded = new Set(fundedIndices);
  const allocated = new Map<string, bigint>();
  let totalCost = 0n;
  for (const p of fundedIndices) {
    allocated.set(projects[p].id, projects[p].cost);
    totalCost += projects[p].cost;
  }
  const unfundedByApprovals = instance.byApprovals.filter((p) => !isFunded.has(p));
  const outcome: BudgetOutcome = {
    funded: fundedIndices.map((p) => projects[p].id),
    ranking: [...fundedIndices, ...unfundedByApprovals].map((p) => projects[p].id),
    allocated,
    totalCost,
    approvals: new Map(projects.map((project, p) => [project.id, instance.approvals[p]])),
  };
  if (endowment !== undefined) outcome.endowment = endowment;
  return outcome;
}
