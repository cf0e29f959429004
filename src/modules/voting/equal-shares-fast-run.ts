import type { PreparedInstance } from './prepared-instance.js';

/**
 * One Method of Equal Shares run with a fixed endowment, in float64, that either returns the exact
 * outcome (`certain: true`) or gives up (`certain: false`) so that the caller runs the exact BigInt
 * engine instead.  It never returns a wrong outcome: every decision is backed by a proven error bound.
 *
 * Speed: ballots are aggregated into groups, and groups into balance classes: groups that paid for
 * the same projects share one balance, so a class is one term in every sum below (its weight, the
 * integer number of its voters, is exact), and an evaluation makes one pass over the approvers of a
 * project (adding up weights per class) and then works on the few classes.  The winner of each round
 * is found lazily.  Within a run balances only fall, so a project's ρ only grows and its effective
 * votes cost/ρ only shrink; the last computed value is an upper bound (`key`).  Each round pops the
 * project with the highest bound, recomputes it, and stops as soon as the best recomputed project
 * certainly beats every bound left.  Infeasible projects stay infeasible and are dropped.
 *
 * Exactness (u = 2⁻⁵³, the unit roundoff; costs, weights and the endowment are integers < 2⁵³ and
 * so exact; every computed error bound below is doubled to absorb the rounding of computing it):
 *  - A balance is either exactly 0 (the voter paid everything it had), or the endowment e (exact
 *    until the first payment), or within E of the true value, where E is a per-run bound that grows
 *    after each funding by errρ + 4u·(e + E) (the error of ρ plus the rounding of b − ρ).
 *  - ρ for a project: given the float classification S (short: b̃ < ρ̃) it is
 *    ρ_S = (C − Σ_S w·b) / (M − W_S).  The computed ρ̃ differs from ρ_S by at most
 *    errρ = (W'·E + 2k·u·S̃ + u·R̃)/P + u·ρ̃ (W', k: weight and number of non-zero short balance classes;
 *    recursive summation of k products errs by ≤ γ_k·Σ ≤ 2k·u·S̃).  ρ_S is the true ρ (the smallest
 *    value with Σ min(b, ρ) = C) exactly when every short balance is ≤ ρ_S and every other one ≥ ρ_S;
 *    we accept the classification only if every non-zero balance is farther than E + errρ from ρ̃,
 *    which proves it (zero balances are exact and always short).
 *  - Feasibility Σ w·b ≥ C is decided only when |Σ̃ − C| exceeds M·E + 2(k+1)·u·Σ̃ (and exactly when
 *    no payment happened yet and Σ̃ < 2⁵³: then all terms and partial sums are exact integers).
 *  - Effective votes: if no non-zero balance is short, ρ = C/P exactly and the votes are the
 *    integer P, compared exactly (ties then go to the approvals order, as the rules say).  Otherwise
 *    a beats b when C_a·ρ̃_b − C_b·ρ̃_a exceeds its error bound C_a·errρ_b + C_b·errρ_a + 2u·(…).
 *  - Lazy bounds are rigorous: key = C/(ρ̃ − errρ)·(1 + 4u) ≥ the true votes, and the best project's
 *    votes are bounded below by C/(ρ̃ + errρ)·(1 − 4u); a stale project is skipped only when that
 *    lower bound is strictly above its key.
 * Any close call (a possible exact tie, a balance equal to ρ, …) makes the run give up.
 */
export type FastRun =
  { certain: true; funded: number[]; totalCost: bigint; snapshot: RunSnapshot } | { certain: false };

/**
 * What a certain run at endowment e' proves about every run at an endowment e ≤ e' that funded the
 * same projects in rounds 0 … r−1: in round r, the effective votes of each project c are at most
 * keys[r][c] (−∞: c cannot be afforded).  Why: with the funding sequence fixed, every balance is a
 * non-decreasing function of the endowment (induction: ρ of the winner, the smallest value with
 * Σ min(b, ρ) = cost, can only fall when the balances rise, and the new balance max(b − ρ, 0) rises),
 * so ρ of every project can only fall, its effective votes and its approvers' money only rise.
 */
export interface RunSnapshot {
  funded: number[];
  /** keys[r] for rounds 0 … funded.length (the last one: nothing was fundable). */
  keys: Float64Array[];
}

const U = 2 ** -53;
const TWO_53 = 2 ** 53;
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

const INFEASIBLE = 0;
const FEASIBLE = 1;
const UNCERTAIN = 2;

export class FastEqualShares {
  private readonly costs: Float64Array;
  private readonly approvals: Float64Array;
  private readonly approverWeights: Float64Array[];
  private readonly usable: boolean;
  /** Balance class of each ballot group; class 0 is the zero balance. */
  private readonly classOf: Int32Array;
  /** Balance of each class this run, and scratch space per class (weights, successors). */
  private classBalance = new Float64Array(1024);
  private classWeight = new Float64Array(1024);
  private successor = new Int32Array(1024);
  private classCount = 0;
  /** Upper bound on the current effective votes of each project; −∞ once it cannot be afforded. */
  private readonly key: Float64Array;
  private readonly rho: Float64Array;
  private readonly rhoError: Float64Array;
  /** Effective votes when they are exactly the integer number of payers, else -1. */
  private readonly exactVotes: Float64Array;
  private readonly freshInRound: Int32Array;
  private readonly alive: Int32Array;
  /** Non-zero balances, weights and classes of the approvers of the project being evaluated … */
  private scratch: Scratch;
  /** … and of the best project so far this round (pay() reads them instead of all approvers). */
  private bestScratch: Scratch;
  /** Error bound on every balance that is neither 0 nor the untouched endowment. */
  private balanceError = 0;
  private endowment = 0;

  constructor(private readonly instance: PreparedInstance) {
    const { projects, approvers, ballotGroups } = instance;
    this.costs = Float64Array.from(projects, (p) => Number(p.cost));
    this.approvals = Float64Array.from(instance.approvals);
    // Plain loops: Float64Array.from with a mapping function goes through the iterator protocol.
    const groupWeight = new Float64Array(ballotGroups.length);
    for (let g = 0; g < ballotGroups.length; g++) groupWeight[g] = ballotGroups[g].weight;
    this.approverWeights = approvers.map((list) => {
      const weights = new Float64Array(list.length);
      for (let i = 0; i < list.length; i++) weights[i] = groupWeight[list[i]];
      return weights;
    });
    this.usable = projects.every((p) => p.cost <= MAX_EXACT) && instance.voterCount < TWO_53;
    this.classOf = new Int32Array(ballotGroups.length);
    const n = projects.length;
    this.key = new Float64Array(n);
    this.rho = new Float64Array(n);
    this.rhoError = new Float64Array(n);
    this.exactVotes = new Float64Array(n);
    this.freshInRound = new Int32Array(n);
    this.alive = new Int32Array(n);
    const widest = approvers.reduce((max, list) => Math.max(max, list.length), 0) + 1;
    this.scratch = newScratch(widest);
    this.bestScratch = newScratch(widest);
  }

  /**
   * `above`: the snapshot of a certain run at a higher (or equal) endowment; its bounds are used
   * while this run funds the same projects, which spares most evaluations.
   */
  run(endowment: bigint, above?: RunSnapshot): FastRun {
    if (!this.usable || endowment > MAX_EXACT) return { certain: false };
    const { approvals, key, alive, freshInRound } = this;
    const { tieRank, projects } = this.instance;
    this.endowment = Number(endowment);
    // Class 0: balance 0; class 1: the untouched endowment (when it is not 0).
    this.classBalance[0] = 0;
    this.successor[0] = 0;
    this.classBalance[1] = this.endowment;
    this.classCount = 2;
    this.classOf.fill(this.endowment === 0 ? 0 : 1);
    this.balanceError = 0;
    let aliveCount = 0;
    for (let p = 0; p < projects.length; p++) {
      if (approvals[p] === 0) {
        key[p] = -Infinity;
        continue;
      }
      alive[aliveCount++] = p;
      key[p] = approvals[p]; // ρ ≥ cost / approvals: nobody pays more than ρ
    }
    freshInRound.fill(0);

    const funded: number[] = [];
    const keys: Float64Array[] = [];
    let totalCost = 0n;
    let guide = above;
    for (let round = 1; ; round++) {
      const r = round - 1;
      if (guide && r < guide.keys.length) {
        const bounds = guide.keys[r];
        for (let i = 0; i < aliveCount; i++) {
          const p = alive[i];
          const bound = bounds[p];
          if (bound === -Infinity) {
            key[p] = -Infinity;
            alive[i--] = alive[--aliveCount];
          } else if (bound < key[p]) key[p] = bound;
        }
      }
      let best = -1;
      let bestLower = -Infinity;
      for (;;) {
        let pick = -1;
        let pickAt = -1;
        let pickKey = -Infinity;
        for (let i = 0; i < aliveCount; i++) {
          const p = alive[i];
          if (freshInRound[p] === round) continue;
          const k = key[p];
          if (k > pickKey || (k === pickKey && tieRank[p] < tieRank[pick])) {
            pick = p;
            pickAt = i;
            pickKey = k;
          }
        }
        if (pick < 0) break;
        // Every other candidate has a key ≤ pickKey (and a worse tie rank when equal).
        if (bestLower > pickKey || (bestLower === pickKey && tieRank[best] < tieRank[pick])) break;
        const status = this.evaluate(pick);
        if (status === UNCERTAIN) return { certain: false };
        if (status === INFEASIBLE) {
          key[pick] = -Infinity;
          alive[pickAt] = alive[--aliveCount];
          continue;
        }
        freshInRound[pick] = round;
        if (guide && r < guide.keys.length && guide.keys[r][pick] < key[pick]) key[pick] = guide.keys[r][pick];
        if (best >= 0) {
          const order = this.compareVotes(pick, best);
          if (order === UNCERTAIN) return { certain: false };
          if (order < 0 || (order === 0 && tieRank[pick] > tieRank[best])) continue;
        }
        best = pick;
        bestLower = this.lowerVotes(best);
        [this.scratch, this.bestScratch] = [this.bestScratch, this.scratch];
      }
      keys.push(key.slice());
      if (best < 0) break;
      if (guide && guide.funded[r] !== best) guide = undefined;
      this.pay(best);
      for (let i = 0; i < aliveCount; i++) {
        if (alive[i] === best) {
          alive[i] = alive[--aliveCount];
          break;
        }
      }
      funded.push(best);
      totalCost += projects[best].cost;
    }
    return { certain: true, funded, totalCost, snapshot: { funded, keys } };
  }

  /** Computes ρ of c from the current balances into rho/rhoError/exactVotes/key. */
  private evaluate(c: number): number {
    const groups = this.instance.approvers[c];
    const weights = this.approverWeights[c];
    const { classOf, classWeight, classBalance } = this;
    const { balance: scratchBalance, weight: scratchWeight, cls: scratchClass } = this.scratch;
    const cost = this.costs[c];
    const voters = this.approvals[c];
    const E = this.balanceError;
    const n = groups.length;

    // Smallest ρ with Σ min(b, ρ) = cost: classify at a lower bound of ρ, take ρ from the short
    // set, reclassify, … (Newton's method on the concave Σ min(b, ρ), from below).  The start is
    // cost / voters (nobody short: the set behind it is empty) or, once the project was bounded,
    // cost / key.  The set only grows (checked), so an unchanged weight means an unchanged set,
    // and the last pass's sums are exactly the ones ρ was computed from.  Soundness does not
    // depend on any of this: the result is verified below.
    const bound = this.key[c];
    let rho = bound < voters ? cost / bound : cost / voters;
    let setWeight = bound < voters ? -1 : 0;
    let shortSum = 0;
    let shortWeight: number;
    let nonZeroShortWeight = 0;
    let nonZeroShortCount = 0;
    let minAbove = Infinity;
    let maxBelow = 0;

    // The only pass over the approvers: the weight of each balance class among them (exact
    // integers), the classes listed in scratchClass in order of appearance.
    let touched = 0;
    for (let i = 0; i < n; i++) {
      const k = classOf[groups[i]];
      if (classWeight[k] === 0) scratchClass[touched++] = k;
      classWeight[k] += weights[i];
    }
    // Then per class: gather the non-zero balances (zero ones are exact and always short), their
    // total, and the classification at the start.  scratchClass is compacted in place (m ≤ i).
    let m = 0;
    let total = 0;
    let zeroWeight = 0;
    for (let i = 0; i < touched; i++) {
      const k = scratchClass[i];
      const w = classWeight[k];
      classWeight[k] = 0;
      const b = classBalance[k];
      if (b === 0) {
        zeroWeight += w;
        continue;
      }
      total += w * b;
      scratchBalance[m] = b;
      scratchWeight[m] = w;
      scratchClass[m] = k;
      m++;
      if (b < rho) {
        shortSum += w * b;
        nonZeroShortWeight += w;
        nonZeroShortCount++;
        if (b > maxBelow) maxBelow = b;
      } else if (b - rho < minAbove) minAbove = b - rho;
    }
    this.scratch.size = m;
    const totalError = E === 0 && total < TWO_53 ? 0 : 2 * (voters * E + 2 * (m + 1) * U * total);
    if (total - cost < -totalError) return INFEASIBLE;
    if (!(total - cost > totalError) && totalError !== 0) return UNCERTAIN;

    for (;;) {
      shortWeight = zeroWeight + nonZeroShortWeight;
      if (shortWeight === setWeight) break;
      if (shortWeight >= voters) return UNCERTAIN;
      setWeight = shortWeight;
      const previous = rho;
      rho = (cost - shortSum) / (voters - shortWeight);
      if (rho < previous) return UNCERTAIN;
      shortSum = 0;
      nonZeroShortWeight = 0;
      nonZeroShortCount = 0;
      minAbove = Infinity;
      maxBelow = 0;
      for (let i = 0; i < m; i++) {
        const b = scratchBalance[i];
        if (b < rho) {
          const w = scratchWeight[i];
          shortSum += w * b;
          nonZeroShortWeight += w;
          nonZeroShortCount++;
          if (b > maxBelow) maxBelow = b;
        } else if (b - rho < minAbove) minAbove = b - rho;
      }
    }

    const payers = voters - shortWeight;
    const remaining = cost - shortSum;
    const sumError = nonZeroShortWeight * E + 2 * nonZeroShortCount * U * shortSum;
    const rhoError = 2 * ((sumError + 1.01 * U * remaining) / payers + 1.01 * U * rho);
    const margin = 2 * (E + rhoError);
    if (!(minAbove > margin)) return UNCERTAIN;
    if (nonZeroShortCount > 0 && !(rho - maxBelow > margin)) return UNCERTAIN;

    this.rho[c] = rho;
    this.rhoError[c] = rhoError;
    if (nonZeroShortCount === 0) {
      this.exactVotes[c] = payers;
      this.key[c] = payers;
    } else {
      this.exactVotes[c] = -1;
      const low = rho - rhoError;
      this.key[c] = low > 0 ? (cost / low) * (1 + 4 * U) : Infinity;
    }
    return FEASIBLE;
  }

  private lowerVotes(p: number): number {
    const exact = this.exactVotes[p];
    if (exact >= 0) return exact;
    return (this.costs[p] / (this.rho[p] + this.rhoError[p])) * (1 - 4 * U);
  }

  /** Sign of votes(a) − votes(b) (both freshly evaluated), or UNCERTAIN. */
  private compareVotes(a: number, b: number): number {
    const ea = this.exactVotes[a];
    const eb = this.exactVotes[b];
    if (ea >= 0 && eb >= 0) return Math.sign(ea - eb);
    const ca = this.costs[a];
    const cb = this.costs[b];
    const left = ca * this.rho[b];
    const right = cb * this.rho[a];
    const error = 2 * (ca * this.rhoError[b] + cb * this.rhoError[a] + 2 * U * (left + right));
    const diff = left - right;
    if (diff > error) return 1;
    if (-diff > error) return -1;
    return UNCERTAIN;
  }

  /**
   * Each approver pays min(balance, ρ); the classification was proven when p was evaluated, this
   * round, from the balances kept in bestScratch (zero balances stay zero).
   */
  private pay(p: number): void {
    const rho = this.rho[p];
    const { balance: before, cls, size } = this.bestScratch;
    if (this.classCount + size > this.classBalance.length) this.growClasses(this.classCount + size);
    const { classBalance, successor, classOf } = this;
    // Each non-zero class among the approvers moves to a new class (or to class 0); class 0 stays.
    let count = this.classCount;
    for (let i = 0; i < size; i++) {
      const after = before[i] < rho ? 0 : before[i] - rho;
      if (after === 0) successor[cls[i]] = 0;
      else {
        classBalance[count] = after;
        successor[cls[i]] = count++;
      }
    }
    this.classCount = count;
    const groups = this.instance.approvers[p];
    for (let i = 0; i < groups.length; i++) classOf[groups[i]] = successor[classOf[groups[i]]];
    const E = this.balanceError;
    this.balanceError = (E + this.rhoError[p] + 4 * U * (this.endowment + E)) * (1 + 8 * U);
  }

  /** Class storage is kept across runs (a run starts over at class 2) and only ever grows. */
  private growClasses(needed: number): void {
    const capacity = Math.max(needed, this.classBalance.length * 2);
    const balance = new Float64Array(capacity);
    balance.set(this.classBalance.subarray(0, this.classCount));
    this.classBalance = balance;
    this.classWeight = new Float64Array(capacity); // all zero between evaluations
    this.successor = new Int32Array(capacity); // only read right after being written (and [0] = 0)
  }
}

interface Scratch {
  balance: Float64Array;
  weight: Float64Array;
  cls: Int32Array;
  size: number;
}

function newScratch(capacity: number): Scratch {
  return {
    balance: new Float64Array(capacity),
    weight: new Float64Array(capacity),
    cls: new Int32Array(capacity),
    size: 0,
  };
}
