import { BalanceClasses, ZERO_CLASS } from './balance-classes.js';
import { gcdBig } from './bigint-math.js';
import type { PreparedInstance } from './prepared-instance.js';
import { StabilityHorizon } from './stability-horizon.js';

/** One Method of Equal Shares run with a fixed per-voter endowment (no completion). */
export interface FixedEndowmentRun {
  funded: number[];
  totalCost: bigint;
  /** The same funded sequence is certain for endowments e + t, 0 ≤ t < horizon (centavos); null = for all t ≥ 0. */
  horizon: { num: bigint; den: bigint } | null;
  /** Exact final balance of each ballot group: groupBalance[g] / denominator centavos. */
  groupBalance: bigint[];
  denominator: bigint;
}

/** ρ of a project as an affine function of the endowment offset t: (value + slope·t) / denominator. */
interface Rho {
  value: bigint;
  slope: bigint;
  denominator: bigint;
  /** cost/ρ as a float, only used to choose the order in which projects are examined. */
  approxVotes: number;
}

interface Evaluation {
  rho: Rho;
  classes: number[];
  exhausted: Uint8Array;
  /** ρ = remaining / payers in units of 1/denominator (with slopes), kept to update balances. */
  remaining: bigint;
  remainingSlope: bigint;
  payers: bigint;
}

const INFEASIBLE = 'infeasible' as const;

export function runEqualSharesAt(instance: PreparedInstance, endowment: bigint): FixedEndowmentRun {
  return new EqualSharesRun(instance, endowment).execute();
}

class EqualSharesRun {
  private readonly horizon = new StabilityHorizon();
  private readonly classes = new BalanceClasses();
  private readonly classOfGroup: Int32Array;
  private classCount = new Float64Array(1024);
  private readonly rho: Rho[];
  private readonly evaluatedInRound: (Evaluation | typeof INFEASIBLE | undefined)[] = [];
  private readonly costs: bigint[];

  constructor(
    private readonly instance: PreparedInstance,
    endowment: bigint,
  ) {
    const root = this.classes.add(endowment, 1n);
    this.classOfGroup = new Int32Array(instance.ballotGroups.length).fill(root);
    this.costs = instance.projects.map((p) => p.cost);
    // ρ ≥ cost / approvals always (nobody pays more than ρ), so effective votes ≤ approvals.
    this.rho = instance.projects.map((p, i) => ({
      value: p.cost,
      slope: 0n,
      denominator: BigInt(Math.max(1, instance.approvals[i])),
      approxVotes: instance.approvals[i],
    }));
  }

  execute(): FixedEndowmentRun {
    const { approvals } = this.instance;
    let alive = this.instance.projects.map((_, i) => i).filter((p) => approvals[p] > 0);
    const funded: number[] = [];
    let totalCost = 0n;
    while (alive.length > 0) {
      this.evaluatedInRound.length = 0;
      const winner = this.pickWinner(alive);
      alive = alive.filter((p) => p !== winner && this.evaluatedInRound[p] !== INFEASIBLE);
      if (winner < 0) break;
      this.pay(winner, this.evaluatedInRound[winner] as Evaluation);
      funded.push(winner);
      totalCost += this.costs[winner];
    }
    return {
      funded,
      totalCost,
      horizon: this.horizon.limit(),
      groupBalance: this.finalGroupBalances(),
      denominator: this.classes.denominator,
    };
  }

  /**
   * The project with the highest effective vote count this round, or -1.  Projects are examined in
   * decreasing order of a stale upper bound on their effective votes (balances only shrink, so
   * a project's effective votes never grow within a run); a project is only re-evaluated when the
   * current best cannot be shown, exactly, to beat that bound.
   */
  private pickWinner(alive: number[]): number {
    const { tieRank, approvals } = this.instance;
    const order = [...alive].sort(
      (a, b) => this.rho[b].approxVotes - this.rho[a].approxVotes || tieRank[a] - tieRank[b],
    );
    let best = -1;
    let bestBeatsApprovalsUpTo = -1;
    for (const q of order) {
      if (best >= 0) {
        if (approvals[q] <= bestBeatsApprovalsUpTo) continue;
        if (this.votesExceed(best, approvals[q])) {
          this.horizon.commit();
          bestBeatsApprovalsUpTo = approvals[q];
          continue;
        }
        if (this.beats(best, q)) {
          this.horizon.commit();
          continue;
        }
      }
      const evaluation = this.evaluate(q);
      this.evaluatedInRound[q] = evaluation;
      if (evaluation === INFEASIBLE) continue;
      this.rho[q] = evaluation.rho;
      if (best < 0 || this.beats(q, best)) {
        best = q;
        bestBeatsApprovalsUpTo = -1;
      }
      this.horizon.commit();
    }
    return best;
  }

  /** Effective votes of a (cost_a / ρ_a) > votes, exactly; the comparison is left pending. */
  private votesExceed(a: number, votes: number): boolean {
    const r = this.rho[a];
    const m = BigInt(votes);
    return this.horizon.compare(this.costs[a] * r.denominator, 0n, m * r.value, m * r.slope) > 0;
  }

  /** Does a beat b: higher effective votes cost/ρ (cross-multiplied), then the approvals order. */
  private beats(a: number, b: number): boolean {
    const ra = this.rho[a];
    const rb = this.rho[b];
    const left = this.costs[a] * ra.denominator;
    const right = this.costs[b] * rb.denominator;
    const sign = this.horizon.compare(left * rb.value, left * rb.slope, right * ra.value, right * ra.slope);
    return sign > 0 || (sign === 0 && this.instance.tieRank[a] < this.instance.tieRank[b]);
  }

  /** Exact ρ of project c from current balances, or INFEASIBLE if its approvers cannot pay for it. */
  private evaluate(c: number): Evaluation | typeof INFEASIBLE {
    const { approvers, ballotGroups } = this.instance;
    const classes = this.classes;
    const touched: number[] = [];
    const counts = this.classCount;
    for (const g of approvers[c]) {
      const k = this.classOfGroup[g];
      if (counts[k] === 0) touched.push(k);
      counts[k] += ballotGroups[g].weight;
    }
    const weights = touched.map((k) => {
      const w = BigInt(counts[k]);
      counts[k] = 0;
      classes.refresh(k);
      return w;
    });

    const costScaled = this.costs[c] * classes.denominator;
    let totalValue = 0n;
    let totalSlope = 0n;
    touched.forEach((k, i) => {
      totalValue += classes.value[k] * weights[i];
      totalSlope += classes.slope[k] * weights[i];
    });
    if (this.horizon.compareAndCommit(totalValue, totalSlope, costScaled, 0n) < 0) return INFEASIBLE;

    // Smallest ρ with Σ min(balance, ρ) = cost: voters whose balance is below ρ pay everything they
    // have; raising ρ as they drop out can only push more voters below it, so iterate to a fixpoint.
    let remaining = costScaled;
    let remainingSlope = 0n;
    let payers = BigInt(this.instance.approvals[c]);
    const exhausted = new Uint8Array(touched.length);
    for (let changed = true; changed;) {
      changed = false;
      touched.forEach((k, i) => {
        if (exhausted[i] || classes.value[k] * payers >= remaining) return;
        exhausted[i] = 1;
        remaining -= classes.value[k] * weights[i];
        remainingSlope -= classes.slope[k] * weights[i];
        payers -= weights[i];
        changed = true;
      });
    }
    // The formula for ρ stays valid exactly as long as each class stays on its side of ρ.
    touched.forEach((k) =>
      this.horizon.compareAndCommit(classes.value[k] * payers, classes.slope[k] * payers, remaining, remainingSlope),
    );

    const denominator = classes.denominator * payers;
    const approxVotes = Number((this.costs[c] * denominator * 1_000_000n) / remaining) / 1_000_000;
    return {
      rho: { value: remaining, slope: remainingSlope, denominator, approxVotes },
      classes: touched,
      exhausted,
      remaining,
      remainingSlope,
      payers,
    };
  }

  /** Each approver of p pays min(balance, ρ); exhausted classes drop to zero. */
  private pay(p: number, evaluation: Evaluation): void {
    const classes = this.classes;
    const { remaining, remainingSlope, payers } = evaluation;
    const divisor = gcdBig(gcdBig(remaining, remainingSlope), payers);
    classes.multiplyDenominator(payers / divisor);
    const rhoValue = remaining / divisor;
    const rhoSlope = remainingSlope / divisor;

    const successor = new Map<number, number>();
    evaluation.classes.forEach((k, i) => {
      if (evaluation.exhausted[i]) {
        successor.set(k, ZERO_CLASS);
        return;
      }
      classes.refresh(k);
      successor.set(k, classes.add(classes.value[k] - rhoValue, classes.slope[k] - rhoSlope));
    });
    for (const g of this.instance.approvers[p]) {
      this.classOfGroup[g] = successor.get(this.classOfGroup[g]) as number;
    }
    if (this.classCount.length < classes.size) {
      const grown = new Float64Array(Math.max(classes.size, this.classCount.length * 2));
      this.classCount = grown;
    }
  }

  private finalGroupBalances(): bigint[] {
    return Array.from(this.classOfGroup, (k) => {
      this.classes.refresh(k);
      return this.classes.value[k];
    });
  }
}
