import { ceilDiv } from './bigint-math.js';
import { FastEqualShares, type RunSnapshot } from './equal-shares-fast-run.js';
import { runEqualSharesAt } from './equal-shares-run.js';
import type { PreparedInstance } from './prepared-instance.js';

const PESO = 100n;
/** Below this many (ballot group, project) approvals the exact engine is cheap enough to use always. */
const EXACT_ENGINE_MAX_WORK = 20_000;

export interface EqualSharesSelection {
  funded: number[];
  /** Endowment (centavos) of the last add1 step within budget. */
  endowment: bigint;
  /** Fixed-endowment runs actually computed (float and exact). */
  runsComputed: number;
  exactRunsComputed: number;
}

interface StepResult {
  funded: number[];
  totalCost: bigint;
  /** How many pesos ahead the outcome is certainly unchanged (≥ 1); null = forever. */
  stablePesos: bigint | null;
}

/**
 * RULES §7 EQUAL_SHARES with "add1" completion: endowments ⌊budget/n⌋ pesos, +1 peso, +2 pesos, …
 * while the outcome costs ≤ budget; the last outcome within budget wins.
 *
 * Small instances use the exact BigInt engine, which also says how far the endowment can grow
 * with the same outcome, so those steps are skipped.  Large instances run every step with the
 * float engine (equal-shares-fast-run.ts), whose answers are proven exact; when it cannot decide a
 * close call that step is computed by the exact engine.  `engine` forces one path (tests).
 */
export function equalSharesSelection(
  instance: PreparedInstance,
  budget: bigint,
  options: { engine?: 'exact' | 'float' } = {},
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
    return {
      funded: run.funded,
      totalCost: run.totalCost,
      stablePesos: pesos === null ? null : pesos > 1n ? pesos : 1n,
    };
  };

  const work = instance.approvers.reduce((sum, list) => sum + list.length, 0);
  const engine = options.engine ?? (work > EXACT_ENGINE_MAX_WORK ? 'float' : 'exact');
  const result =
    engine === 'float'
      ? completeAdd1InBlocks(instance, budget, new FastEqualShares(instance), exactStep, counters)
      : completeAdd1(instance, budget, exactStep);
  return {
    funded: result.funded,
    endowment: result.endowment,
    runsComputed: counters.runs,
    exactRunsComputed: counters.exact,
  };
}

/** Endowments of the add1 steps: ⌊budget/n⌋ pesos, +1 peso, … (see completeAdd1 for the end). */
function firstEndowment(instance: PreparedInstance, budget: bigint): bigint {
  return (budget / BigInt(instance.voterCount) / PESO) * PESO;
}

function completeAdd1(
  instance: PreparedInstance,
  budget: bigint,
  step: (endowment: bigint) => StepResult,
): { funded: number[]; endowment: bigint } {
  // Once a voter's endowment covers every project together nobody ever runs short, so ρ = cost /
  // approvals throughout and the outcome no longer depends on the endowment.
  const costOfAll = instance.projects.reduce((sum, p) => sum + p.cost, 0n);
  let runEndowment = firstEndowment(instance, budget);
  let current = step(runEndowment);
  let endowment = runEndowment;
  for (;;) {
    if (current.stablePesos === null || runEndowment >= costOfAll) break;
    const next = runEndowment + current.stablePesos * PESO;
    if (next - PESO >= costOfAll) break;
    const candidate = step(next);
    if (candidate.totalCost > budget) {
      endowment = next - PESO;
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
  budget: bigint,
  fast: FastEqualShares,
  exactStep: (endowment: bigint) => StepResult,
  counters: { runs: number },
): { funded: number[]; endowment: bigint } {
  const costOfAll = instance.projects.reduce((sum, p) => sum + p.cost, 0n);
  const first = firstEndowment(instance, budget);
  // Steps e = first + k pesos for k = 0 … last: completeAdd1 stops after the first step ≥ costOfAll.
  const last = first >= costOfAll ? 0n : (costOfAll - first + PESO - 1n) / PESO;
  let current: { funded: number[]; totalCost: bigint } | null = null;
  let endowment = first;
  for (let low = 0n; low <= last; low += BLOCK) {
    const high = low + BLOCK - 1n < last ? low + BLOCK - 1n : last;
    const block: { funded: number[]; totalCost: bigint }[] = [];
    let above: RunSnapshot | undefined;
    for (let k = high; k >= low; k--) {
      const e = first + k * PESO;
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
      endowment = first + k * PESO;
    }
  }
  return { funded: current!.funded, endowment };
}
