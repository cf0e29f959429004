import { ceilDiv } from './bigint-math.js';
import { FastEqualShares } from './equal-shares-fast-run.js';
import { runEqualSharesAt } from './equal-shares-run.js';
import type { PreparedInstance } from './prepared-instance.js';

const PESO = 100n;
/** Below this many (ballot group, project) approvals the exact engine is cheap enough to use always. */
const EXACT_ENGINE_MAX_WORK = 20_000;

export interface EqualSharesSelection {
  funded: number[];
  /** Endowment (centavos) of the last add1 step within budget. */
  endowment: bigint;
  /** Fixed-endowment runs actually computed (exact and fast). */
  runsComputed: number;
  exactRunsComputed: number;
}

interface StepResult {
  funded: number[];
  totalCost: bigint;
  /** How many pesos ahead the outcome is certainly unchanged (≥ 1); null = forever. */
  stablePesos: bigint | null;
  exact: boolean;
}

interface Add1Result {
  funded: number[];
  endowment: bigint;
  runEndowment: bigint;
  /** Endowment whose outcome went over budget and ended the loop, if that is what ended it. */
  overBudgetAt: bigint | null;
  /** Whether the final outcome and the over-budget run were computed exactly. */
  exact: boolean;
}

/**
 * RULES §7 EQUAL_SHARES with "add1" completion: endowments ⌊budget/n⌋ pesos, +1 peso, +2 pesos, …
 * while the outcome costs ≤ budget; the last outcome within budget wins.
 *
 * The exact BigInt engine also says how far the endowment can grow with the same outcome, so
 * those steps are skipped.  On large instances a float engine (see equal-shares-fast-run.ts) runs
 * the steps instead, deferring to the exact engine on close calls; the two runs that decide the
 * result (the final outcome and the one that went over budget) are then recomputed exactly, and if
 * either disagrees the whole completion is redone with the exact engine.
 */
export function equalSharesSelection(
  instance: PreparedInstance,
  budget: bigint,
  options: { exactOnly?: boolean } = {},
): EqualSharesSelection {
  const voters = BigInt(instance.voterCount);
  if (voters === 0n) return { funded: [], endowment: 0n, runsComputed: 0, exactRunsComputed: 0 };

  const counters = { runs: 0, exact: 0 };
  const exactStep = (endowment: bigint): StepResult => {
    counters.runs++;
    counters.exact++;
    const run = runEqualSharesAt(instance, endowment);
    const limit = run.horizon;
    const pesos = limit === null ? null : ceilDiv(limit.num, limit.den * PESO);
    return { funded: run.funded, totalCost: run.totalCost, stablePesos: pesos === null ? null : pesos > 1n ? pesos : 1n, exact: true };
  };

  const work = instance.approvers.reduce((sum, list) => sum + list.length, 0);
  let result: Add1Result | null = null;
  if (work > EXACT_ENGINE_MAX_WORK && !options.exactOnly) {
    const fast = new FastEqualShares(instance);
    const fastStep = (endowment: bigint): StepResult => {
      const quick = fast.run(endowment);
      if (!quick.certain) return exactStep(endowment);
      counters.runs++;
      return { funded: quick.funded, totalCost: quick.totalCost, stablePesos: 1n, exact: false };
    };
    result = completeAdd1(instance, budget, fastStep);
    if (!result.exact && !confirmExactly(budget, result, exactStep)) result = null;
  }
  result ??= completeAdd1(instance, budget, exactStep);
  return { funded: result.funded, endowment: result.endowment, runsComputed: counters.runs, exactRunsComputed: counters.exact };
}

function completeAdd1(instance: PreparedInstance, budget: bigint, step: (endowment: bigint) => StepResult): Add1Result {
  // Once a voter's endowment covers every project together nobody ever runs short, so ρ = cost /
  // approvals throughout and the outcome no longer depends on the endowment.
  const costOfAll = instance.projects.reduce((sum, p) => sum + p.cost, 0n);
  let runEndowment = (budget / BigInt(instance.voterCount) / PESO) * PESO;
  let current = step(runEndowment);
  let endowment = runEndowment;
  let overBudgetAt: bigint | null = null;
  let exact = current.exact;
  for (;;) {
    if (current.stablePesos === null || runEndowment >= costOfAll) break;
    const next = runEndowment + current.stablePesos * PESO;
    if (next - PESO >= costOfAll) break;
    const candidate = step(next);
    if (candidate.totalCost > budget) {
      endowment = next - PESO;
      overBudgetAt = next;
      exact &&= candidate.exact;
      break;
    }
    current = candidate;
    exact = candidate.exact;
    runEndowment = endowment = next;
  }
  return { funded: current.funded, endowment, runEndowment, overBudgetAt, exact };
}

function confirmExactly(
  budget: bigint,
  result: Add1Result,
  exactStep: (endowment: bigint) => StepResult,
): boolean {
  const final = exactStep(result.runEndowment);
  if (final.funded.join(',') !== result.funded.join(',')) return false;
  return result.overBudgetAt === null || exactStep(result.overBudgetAt).totalCost > budget;
}
