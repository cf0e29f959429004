/**
 * The add1 completion reruns Equal Shares for endowments e, e + 1 peso, …  Within one run every
 * quantity (balances, ρ, cross-multiplied effective vote counts) is an exact affine function
 * value + slope·t of the endowment offset t, as long as every comparison made during the run
 * keeps its sign.  This tracker records, for the comparisons a run relies on, how far t can grow
 * before any of them could flip (or become a tie); below that horizon the run would make exactly
 * the same choices, so those endowments can be skipped without changing the result.
 */
export class StabilityHorizon {
  /** Infinite while `num` is null; otherwise num/den (den > 0), in centavos of endowment. */
  private num: bigint | null = null;
  private den = 1n;
  private pendingNum: bigint | null = null;
  private pendingDen = 1n;

  /**
   * Sign of (av + as·t) − (bv + bs·t) at t = 0.  The limit it implies is kept pending until
   * `commit()`, so comparisons whose answer we end up not relying on cost nothing.
   */
  compare(av: bigint, as: bigint, bv: bigint, bs: bigint): -1 | 0 | 1 {
    const diff = av - bv;
    const slope = as - bs;
    this.pendingNum = null;
    if (diff === 0n) {
      if (slope !== 0n) this.setPending(0n, 1n);
      return 0;
    }
    if (diff > 0n) {
      if (slope < 0n) this.setPending(diff, -slope);
      return 1;
    }
    if (slope > 0n) this.setPending(-diff, slope);
    return -1;
  }

  commit(): void {
    if (this.pendingNum === null) return;
    if (this.num === null || this.pendingNum * this.den < this.num * this.pendingDen) {
      this.num = this.pendingNum;
      this.den = this.pendingDen;
    }
    this.pendingNum = null;
  }

  /** compare() and rely on the answer whatever it is. */
  compareAndCommit(av: bigint, as: bigint, bv: bigint, bs: bigint): -1 | 0 | 1 {
    const sign = this.compare(av, as, bv, bs);
    this.commit();
    return sign;
  }

  /** null when no recorded comparison can ever flip. */
  limit(): { num: bigint; den: bigint } | null {
    return this.num === null ? null : { num: this.num, den: this.den };
  }

  private setPending(num: bigint, den: bigint): void {
    this.pendingNum = num;
    this.pendingDen = den;
  }
}
