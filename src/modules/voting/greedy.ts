import type { PreparedInstance } from './prepared-instance.js';

/**
 * RULES §7 GREEDY: walk projects in approvals order, funding each one that still fits.
 * Taken literally, a project nobody approved is funded too if money is left for it.
 */
export function greedySelection(instance: PreparedInstance, budget: bigint): number[] {
  const funded: number[] = [];
  let remaining = budget;
  for (const p of instance.byApprovals) {
    const cost = instance.projects[p].cost;
    if (cost <= remaining) {
      funded.push(p);
      remaining -= cost;
    }
  }
  return funded;
}
