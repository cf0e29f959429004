import type { PreparedInstance } from './prepared-instance.js';

/**
 * Fast Equal Shares run in float64.  Every decision (who runs out of money, feasibility, which
 * project wins) is taken only when the compared values differ by more than a relative margin
 * (1e-9) that is orders of magnitude above the rounding error actually accumulated for realistic
 * sizes (amounts < 2^53 centavos); closer calls make the run give up (`certain: false`) and the
 * caller uses the exact BigInt engine.  Effective votes that are exact integers (nobody but
 * already-empty voters falls short, so ρ = cost / payers) are compared as integers, so ordinary
 * ties do not force the slow path.  This is an engineering margin, not a proof: the caller
 * re-checks the final outcome with the exact engine.
 */
export interface FastRun {
  certain: boolean;
  funded: number[];
  totalCost: bigint;
}

const MARGIN = 1e-9;

interface Evaluation {
  rho: number;
  votes: number;
  /** Effective votes are exactly this integer, or -1. */
  exactVotes: number;
}

const UNCERTAIN = 'uncertain' as const;
const INFEASIBLE = 'infeasible' as const;

export class FastEqualShares {
  private readonly costs: number[];
  private readonly weights: Float64Array;
  private readonly usable: boolean;

  constructor(private readonly instance: PreparedInstance) {
    this.costs = instance.projects.map((p) => Number(p.cost));
    this.weights = Float64Array.from(instance.ballotGroups, (g) => g.weight);
    this.usable = instance.projects.every((p) => p.cost <= BigInt(Number.MAX_SAFE_INTEGER));
  }

  run(endowment: bigint): FastRun {
    if (!this.usable || endowment > BigInt(Number.MAX_SAFE_INTEGER)) return { certain: false, funded: [], totalCost: 0n };
    return new FastRunState(this.instance, this.costs, this.weights, Number(endowment)).execute();
  }
}

class FastRunState {
  private readonly balance: Float64Array;
  private readonly upperVotes: number[];

  constructor(
    private readonly instance: PreparedInstance,
    private readonly costs: number[],
    private readonly weights: Float64Array,
    private readonly endowment: number,
  ) {
    this.balance = new Float64Array(weights.length).fill(endowment);
    this.upperVotes = instance.approvals.slice();
  }

  execute(): FastRun {
    const { approvals, projects } = this.instance;
    let alive = projects.map((_, i) => i).filter((p) => approvals[p] > 0);
    const funded: number[] = [];
    let totalCost = 0n;
    while (alive.length > 0) {
      const infeasible = new Set<number>();
      const round = this.pickWinner(alive, infeasible);
      if (round === UNCERTAIN) return { certain: false, funded, totalCost };
      alive = alive.filter((p) => p !== round.winner && !infeasible.has(p));
      if (round.winner < 0) break;
      this.pay(round.winner, round.evaluation);
      funded.push(round.winner);
      totalCost += projects[round.winner].cost;
    }
    return { certain: true, funded, totalCost };
  }

  private pickWinner(
    alive: number[],
    infeasible: Set<number>,
  ): { winner: number; evaluation: Evaluation } | typeof UNCERTAIN {
    const { tieRank } = this.instance;
    const order = [...alive].sort((a, b) => this.upperVotes[b] - this.upperVotes[a] || tieRank[a] - tieRank[b]);
    let best = -1;
    let bestEvaluation: Evaluation | undefined;
    for (const q of order) {
      if (bestEvaluation && this.upperVotes[q] < bestEvaluation.votes * (1 - 2 * MARGIN)) {
        continue; // effective votes only shrink during a run, so q cannot catch up
      }
      const evaluation = this.evaluate(q);
      if (evaluation === UNCERTAIN) return UNCERTAIN;
      if (evaluation === INFEASIBLE) {
        infeasible.add(q);
        continue;
      }
      this.upperVotes[q] = evaluation.votes;
      if (!bestEvaluation) {
        best = q;
        bestEvaluation = evaluation;
        continue;
      }
      const order = compareVotes(evaluation, bestEvaluation);
      if (order === UNCERTAIN) return UNCERTAIN;
      if (order > 0 || (order === 0 && tieRank[q] < tieRank[best])) {
        best = q;
        bestEvaluation = evaluation;
      }
    }
    return bestEvaluation ? { winner: best, evaluation: bestEvaluation } : { winner: -1, evaluation: undefined as never };
  }

  private evaluate(c: number): Evaluation | typeof INFEASIBLE | typeof UNCERTAIN {
    const approvers = this.instance.approvers[c];
    const { balance, weights } = this;
    const cost = this.costs[c];
    const voters = this.instance.approvals[c];

    let total = 0;
    let lowest = Infinity;
    for (const g of approvers) {
      const b = balance[g];
      total += weights[g] * b;
      if (b < lowest) lowest = b;
    }
    if (Math.abs(total - cost) <= MARGIN * (total + cost)) return UNCERTAIN;
    if (total < cost) return INFEASIBLE;
    // Common case: everybody can pay an equal share, so ρ = cost / approvers and the effective votes
    // are exactly the number of approvers.
    const equalShare = cost / voters;
    if (lowest - equalShare > MARGIN * (this.endowment + equalShare)) {
      return { rho: equalShare, votes: voters, exactVotes: voters };
    }

    // Smallest ρ with Σ min(balance, ρ) = cost, by fixpoint over who falls short.
    let rho = cost / voters;
    let shortCount = -1;
    let shortSum = 0;
    let shortWeight = 0;
    for (;;) {
      let count = 0;
      shortSum = 0;
      shortWeight = 0;
      for (const g of approvers) {
        const b = balance[g];
        if (b < rho) {
          count++;
          shortSum += weights[g] * b;
          shortWeight += weights[g];
        }
      }
      if (count === shortCount) break;
      shortCount = count;
      rho = (cost - shortSum) / (voters - shortWeight);
    }
    const payers = voters - shortWeight;

    // Every classification must be beyond doubt; already-empty voters (exactly 0) always fall short.
    let nonEmptyShort = false;
    const margin = MARGIN * (this.endowment + rho);
    for (const g of approvers) {
      const b = balance[g];
      if (Math.abs(b - rho) <= margin) return UNCERTAIN;
      if (b < rho && b !== 0) nonEmptyShort = true;
    }
    const votes = cost / rho;
    return {
      rho,
      votes,
      // With only empty voters short, ρ = cost / payers exactly, so the effective votes are `payers`.
      exactVotes: nonEmptyShort ? -1 : payers,
    };
  }

  private pay(p: number, evaluation: Evaluation): void {
    const { balance } = this;
    const rho = evaluation.rho;
    for (const g of this.instance.approvers[p]) {
      const b = balance[g];
      balance[g] = b < rho ? 0 : b - rho;
    }
  }
}

function compareVotes(a: Evaluation, b: Evaluation): -1 | 0 | 1 | typeof UNCERTAIN {
  if (a.exactVotes >= 0 && b.exactVotes >= 0) return Math.sign(a.exactVotes - b.exactVotes) as -1 | 0 | 1;
  const diff = a.votes - b.votes;
  if (Math.abs(diff) <= MARGIN * (a.votes + b.votes)) return UNCERTAIN;
  return diff > 0 ? 1 : -1;
}
