import { ceilDiv, gcdBig } from './bigint-math.js';
import type { ExactCentavos } from './budget-types.js';
import { FastEqualShares, type RunSnapshot } from './equal-shares-fast-run.js';
import { runEqualSharesAt } from './equal-shares-run.js';
import type { PreparedInstance } from './prepared-instance.js';

/** The add1 step: one peso more per voter (RULES §7). */
const PESO = 100n;
/** Below this many (ballot group, project) approvals the exact engine is cheap enough to use always. */
const EXACT_ENGINE_MAX_WORK = 20_000;

export interface EqualSharesSelection {
  funded: number[];
  /** Endowment of the last add1 step within budget: budget / n + k pesos, exactly. */
  endowment: ExactCentavos;
  /** Fixed-endowment runs actually computed (float and exact). */
  runsComputed: number;
  exactRunsComputed: number;
}

interface StepResult {
  funded: number[];
  totalCost: bigint;
  /** How many add1 steps ahead the outcome is certainly unchanged (≥ 1); null = forever. */
  stableSteps: bigint | null;
}

/**
 * RULES §7 EQUAL_SHARES with "add1" completion: endowments budget/n exactly, +1 peso, +2 pesos, …
 * while the outcome costs ≤ budget; the last outcome within budget wins.
 *
 * budget/n is rarely a whole number of centavos, so the engines run on a scaled copy of the
 * instance: every cost times d = n / gcd(budget, n), which makes the endowment the integer
 * budget / gcd(budget, n) and one step d pesos.  Scaling every cost and every balance by the
 * same factor scales every ρ with them and leaves every effective vote count cost/ρ, hence
 * every decision, unchanged.  (So does scaling costs, budget and step together; scaling costs
 * and budget but not the step changes where add1 stops, see the property tests.)
 *
 * A project that costs nothing is funded when anyone approves it (as in the reference
 * implementation), before the others, and takes no money from anybody.
 *
 * Small instances use the exact BigInt engine, which also says how far the endowment can grow
 * with the same outcome, so those steps are skipped.  Large instances run every step with the
 * float engine (equal-shares-fast-run.ts), whose answers are proven exact; when it cannot decide a
 * close call that step is computed by the exact engine.  `engine` forces one path (tests).
 */
export function equalSharesSelection(
  instance: PreparedInstance,
  budget: bigint,
  options: { engine?: 'exact' | 'float'; step?: bigint } = {},
): EqualSharesSelection {
  const voters = BigInt(instance.voterCount);
  if (voters === 0n) return { funded: [], endowment: exact(0n, 1n), runsComputed: 0, exactRunsComputed: 0 };
  const { scaled, free, scale, first, step, budget: scaledBudget } = scaledInstance(instance, budget, options.step);

  const counters = { runs: 0, exact: 0 };
  const exactStep = (endowment: bigint): StepResult => {
    counters.runs++;
    counters.exact++;
    const run = runEqualSharesAt(scaled, endowment);
    const limit = run.horizon;
    const steps = limit === null ? null : ceilDiv(limit.num, limit.den * step);
    return {
      funded: run.funded,
      totalCost: run.totalCost,
      stableSteps: steps === null ? null : steps > 1n ? steps : 1n,
    };
  };

  const work = scaled.approvers.reduce((sum, list) => sum + list.length, 0);
  const engine = options.engine ?? (work > EXACT_ENGINE_MAX_WORK ? 'float' : 'exact');
  const add1 = { first, step, budget: scaledBudget };
  const result =
    engine === 'float'
      ? completeAdd1InBlocks(scaled, add1, new FastEqualShares(scaled), exactStep, counters)
      : completeAdd1(scaled, add1, exactStep);
  return {
    funded: [...free, ...result.funded],
    endowment: exact(result.endowment, scale),
    runsComputed: counters.runs,
    exactRunsComputed: counters.exact,
  };
}

interface Add1Steps {
  /** Endowment of the first step and the step, in units of 1/scale centavo. */
  first: bigint;
  step: bigint;
  /** The budget in the same units. */
  budget: bigint;
}

/**
 * The instance with every cost times scale = n / gcd(budget, n), so that budget / n is a whole
 * number of units; projects that cost nothing are taken out of the running (funded up front).
 */
function scaledInstance(instance: PreparedInstance, budget: bigint, stepCentavos = PESO) {
  const voters = BigInt(instance.voterCount);
  const scale = voters / gcdBig(budget, voters);
  const free = instance.byApprovals.filter((p) => instance.projects[p].cost === 0n && instance.approvals[p] > 0);
  const scaled: PreparedInstance = {
    ...instance,
    projects: instance.projects.map((p) => ({ ...p, cost: p.cost * scale })),
    approvals: instance.approvals.map((count, p) => (instance.projects[p].cost === 0n ? 0 : count)),
  };
  return { scaled, free, scale, first: (budget * scale) / voters, step: stepCentavos * scale, budget: budget * scale };
}

function exact(numerator: bigint, denominator: bigint): ExactCentavos {
  const divisor = gcdBig(numerator, denominator) || 1n;
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

function completeAdd1(
  instance: PreparedInstance,
  { first, step: STEP, budget }: Add1Steps,
  step: (endowment: bigint) => StepResult,
): { funded: number[]; endowment: bigint } {
  // Once a voter's endowment covers every project together nobody ever runs short, so ρ = cost /
  // approvals throughout and the outcome no longer depends on the endowment.
  const costOfAll = instance.projects.reduce((sum, p) => sum + p.cost, 0n);
  let runEndowment = first;
  let current = step(runEndowment);
  let endowment = runEndowment;
  for (;;) {
    if (current.stableSteps === null || runEndowment >= costOfAll) break;
    const next = runEndowment + current.stableSteps * STEP;
    if (next - STEP >= costOfAll) break;
    const candidate = step(next);
    if (candidate.totalCost > budget) {
      endowment = next - STEP;
      break;
    }
    current = candidate;
    runEndowment = endowment = next;
  }
  return { funded: current.funded, endowment };
}

/**
 * The same add1 completion, every step computed, in blocks of BLOCK steps from the top down: the
 * run one peso higher bounds the effective votes of every project from above while the funding
 * sequences agree (see RunSnapshot), so most of each lower run's evaluations are spared.  Steps
 * are then read upwards exactly as completeAdd1 does; at most BLOCK − 1 runs past the end are
 * wasted.  A step the float engine cannot decide is computed by the exact engine.
 */
const BLOCK = 32n;

function completeAdd1InBlocks(
  instance: PreparedInstance,
  { first, step, budget }: Add1Steps,
  fast: FastEqualShares,
  exactStep: (endowment: bigint) => StepResult,
  counters: { runs: number },
): { funded: number[]; endowment: bigint } {
  const costOfAll = instance.projects.reduce((sum, p) => sum + p.cost, 0n);
  // Steps e = first + k steps for k = 0 … last: completeAdd1 stops after the first step ≥ costOfAll.
  const last = first >= costOfAll ? 0n : (costOfAll - first + step - 1n) / step;
  let current: { funded: number[]; totalCost: bigint } | null = null;
  let endowment = first;
  for (let low = 0n; low <= last; low += BLOCK) {
    const high = low + BLOCK - 1n < last ? low + BLOCK - 1n : last;
    const block: { funded: number[]; totalCost: bigint }[] = [];
    let above: RunSnapshot | undefined;
    for (let k = high; k >= low; k--) {
      const e = first + k * step;
      const quick = fast.run(e, above);
      if (quick.certain) {
        counters.runs++;
        block[Number(k - low)] = quick;
        above = quick.snapshot;
      } else {
        block[Number(k - low)] = exactStep(e);
        above = undefined;
      }
    }
    for (let k = low; k <= high; k++) {
      const outcome = block[Number(k - low)];
      if (current !== null && outcome.totalCost > budget) return { funded: current.funded, endowment };
      current = outcome;
      endowment = first + k * step;
    }
  }
  return { funded: current!.funded, endowment };
}
