/**
 * Voters who approved the same funded projects (in one Equal Shares run) have the same balance,
 * so balances are stored per class, not per voter.  A balance is the exact affine function
 * (value + slope·t) / denominator of the endowment offset t (see StabilityHorizon).
 *
 * Exactness: every ρ is a quotient R/m of integers in units of 1/denominator, so all amounts are
 * kept as BigInt numerators over one shared, growing denominator (multiplied by m / gcd whenever a
 * payment would not be integral).  Rescaling is lazy: a class remembers the generation of the
 * denominator its numerators refer to and is brought up to date when it is read.
 */
export const ZERO_CLASS = 0;

export class BalanceClasses {
  readonly value: bigint[] = [0n];
  readonly slope: bigint[] = [0n];
  private readonly generation: number[] = [0];
  /** factorSince[g] = current denominator / denominator of generation g. */
  private readonly factorSince: bigint[] = [1n];
  private currentGeneration = 0;
  denominator = 1n;

  get size(): number {
    return this.value.length;
  }

  /** A new class, with numerators over the current denominator; all-zero balances share ZERO_CLASS. */
  add(value: bigint, slope: bigint): number {
    if (value === 0n && slope === 0n) return ZERO_CLASS;
    this.value.push(value);
    this.slope.push(slope);
    this.generation.push(this.currentGeneration);
    return this.value.length - 1;
  }

  /** Brings a class's numerators to the current denominator; call before reading value/slope. */
  refresh(k: number): void {
    const g = this.generation[k];
    if (g === this.currentGeneration) return;
    const factor = this.factorSince[g];
    this.value[k] *= factor;
    this.slope[k] *= factor;
    this.generation[k] = this.currentGeneration;
  }

  multiplyDenominator(multiplier: bigint): void {
    if (multiplier === 1n) return;
    this.denominator *= multiplier;
    for (let g = 0; g < this.factorSince.length; g++) this.factorSince[g] *= multiplier;
    this.factorSince.push(1n);
    this.currentGeneration++;
  }
}
