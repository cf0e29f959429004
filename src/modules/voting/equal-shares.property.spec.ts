import { equalSharesOutcome, greedyOutcome, type BudgetProject } from './budget-rules.js';
import { FastEqualShares } from './equal-shares-fast-run.js';
import { runEqualSharesAt } from './equal-shares-run.js';
import { equalSharesSelection } from './equal-shares.js';
import { gcdBig } from './bigint-math.js';
import { prepareInstance } from './prepared-instance.js';
import { SeededRandom } from '../../common/seeded-random.js';

interface Instance {
  projects: BudgetProject[];
  ballots: string[][];
  budget: bigint;
}

/** Small instances with many ties: few distinct costs and submission times. */
function randomInstance(random: SeededRandom): Instance {
  const ids = random.shuffle(['a', 'b', 'c', 'd', 'e', 'f', 'g']).slice(0, random.int(1, 7));
  const projects = ids.map((id) => ({
    id,
    cost: BigInt(random.int(1, 60)) * 100n + (random.next() < 0.3 ? BigInt(random.int(1, 99)) : 0n),
    submittedAt: random.int(0, 2),
  }));
  const ballots: string[][] = [];
  for (let v = random.int(1, 12); v > 0; v--) {
    const ballot = ids.filter(() => random.next() < 0.45);
    if (random.next() < 0.1) ballot.push('unknown');
    if (ballot.length > 0 && random.next() < 0.1) ballot.push(ballot[0]);
    ballots.push(ballot);
  }
  const total = projects.reduce((sum, p) => sum + p.cost, 0n);
  return { projects, ballots, budget: BigInt(Math.floor(random.next() * Number(total) * 1.1)) };
}

/** Many exact ties: equal costs, equal ballots, endowments that pay projects exactly. */
function tiedInstance(random: SeededRandom): Instance {
  const ids = ['a', 'b', 'c', 'd', 'e'].slice(0, random.int(2, 5));
  const projects = ids.map((id) => ({
    id,
    cost: BigInt(random.pick([2, 3, 4, 6, 12])) * 100n,
    submittedAt: random.int(0, 1),
  }));
  const patterns = Array.from({ length: random.int(1, 4) }, () => ids.filter(() => random.next() < 0.6));
  const ballots = Array.from({ length: random.int(1, 12) }, () => [...random.pick(patterns)]);
  const total = projects.reduce((sum, p) => sum + p.cost, 0n);
  return { projects, ballots, budget: BigInt(random.int(1, Number(total / 100n) + 2)) * 100n };
}

function forEachInstance(seed: number, count: number, check: (instance: Instance, random: SeededRandom) => void): void {
  const random = new SeededRandom(seed);
  for (let i = 0; i < count; i++) check(i % 2 === 0 ? randomInstance(random) : tiedInstance(random), random);
}

// --- A deliberately naive reference: one exact rational balance per voter, every add1 step. ---

class Fraction {
  constructor(
    readonly num: bigint,
    readonly den: bigint = 1n,
  ) {}
  static of(num: bigint, den: bigint): Fraction {
    const g = gcdBig(num, den) || 1n;
    return new Fraction(num / g, den / g);
  }
  plus(o: Fraction): Fraction {
    return Fraction.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  minus(o: Fraction): Fraction {
    return Fraction.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  cmp(o: Fraction): number {
    const d = this.num * o.den - o.num * this.den;
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  }
  min(o: Fraction): Fraction {
    return this.cmp(o) <= 0 ? this : o;
  }
}

function referenceRun({ projects, ballots }: Instance, endowment: Fraction) {
  const known = new Set(projects.map((p) => p.id));
  const voters = ballots.map((b) => new Set(b.filter((id) => known.has(id))));
  const approvers = (id: string) => voters.map((_, i) => i).filter((i) => voters[i].has(id));
  const approvals = (id: string) => approvers(id).length;
  const tieOrder = (a: BudgetProject, b: BudgetProject) =>
    approvals(b.id) - approvals(a.id) ||
    (a.cost < b.cost ? -1 : a.cost > b.cost ? 1 : 0) ||
    a.submittedAt - b.submittedAt ||
    (a.id < b.id ? -1 : 1);
  const balance = voters.map(() => endowment);
  const paid = voters.map(() => new Fraction(0n));
  const funded: string[] = [];
  for (;;) {
    let best: { project: BudgetProject; rho: Fraction } | undefined;
    for (const project of projects) {
      const payers = approvers(project.id);
      if (funded.includes(project.id) || payers.length === 0) continue;
      const total = payers.reduce((sum, i) => sum.plus(balance[i]), new Fraction(0n));
      if (total.cmp(new Fraction(project.cost)) < 0) continue;
      // Try each voter's balance as the point where the others start paying ρ.
      const sorted = payers.map((i) => balance[i]).sort((x, y) => x.cmp(y));
      let rho: Fraction | undefined;
      let spent = new Fraction(0n);
      for (let k = 0; k < sorted.length && !rho; k++) {
        const candidate = Fraction.of(
          (project.cost * spent.den - spent.num) * 1n,
          spent.den * BigInt(sorted.length - k),
        );
        if (sorted[k].cmp(candidate) >= 0) rho = candidate;
        spent = spent.plus(sorted[k]);
      }
      const votesCmp =
        best &&
        new Fraction(project.cost * rho!.den, rho!.num).cmp(
          new Fraction(best.project.cost * best.rho.den, best.rho.num),
        );
      if (!best || votesCmp! > 0 || (votesCmp === 0 && tieOrder(project, best.project) < 0))
        best = { project, rho: rho! };
    }
    if (!best) break;
    for (const i of approvers(best.project.id)) {
      const payment = balance[i].min(best.rho);
      balance[i] = balance[i].minus(payment);
      paid[i] = paid[i].plus(payment);
    }
    funded.push(best.project.id);
  }
  const totalCost = projects.filter((p) => funded.includes(p.id)).reduce((sum, p) => sum + p.cost, 0n);
  return { funded, totalCost, paid };
}

/** add1 as RULES §7 says: e = budget / n exactly, then + one peso (or `step`) at a time. */
function referenceEqualShares(instance: Instance, step = 100n) {
  const n = BigInt(instance.ballots.length);
  const costOfAll = new Fraction(instance.projects.reduce((sum, p) => sum + p.cost, 0n));
  let endowment = Fraction.of(instance.budget, n);
  let current = referenceRun(instance, endowment);
  while (endowment.cmp(costOfAll) < 0) {
    const nextEndowment = endowment.plus(new Fraction(step));
    const next = referenceRun(instance, nextEndowment);
    if (next.totalCost > instance.budget) return { funded: current.funded, endowment, stoppedByBudget: true };
    current = next;
    endowment = nextEndowment;
  }
  return { funded: current.funded, endowment, stoppedByBudget: false };
}

const asExact = (f: Fraction) => ({ numerator: f.num, denominator: f.den });

describe('budget rules on random instances (seeded)', () => {
  it('EQUAL_SHARES matches the naive exact reference, including add1 completion', () => {
    forEachInstance(7, 200, (instance) => {
      const outcome = equalSharesOutcome(instance.projects, instance.ballots, instance.budget);
      const reference = referenceEqualShares(instance);
      expect(outcome.funded).toEqual(reference.funded);
      if (reference.stoppedByBudget) expect(outcome.endowment).toEqual(asExact(reference.endowment));
    });
  });

  it('EQUAL_SHARES matches the reference with endowments below one peso and fractions of a centavo', () => {
    forEachInstance(37, 200, (instance, random) => {
      // Many voters for a small budget: budget / n is a few centavos, rarely a whole number of them.
      const small = { ...instance, budget: BigInt(random.int(1, 700)) };
      const outcome = equalSharesOutcome(small.projects, small.ballots, small.budget);
      const reference = referenceEqualShares(small);
      expect(outcome.funded).toEqual(reference.funded);
      if (reference.stoppedByBudget) expect(outcome.endowment).toEqual(asExact(reference.endowment));
    });
  });

  it('scaling every cost, the budget and the add1 step by 100 never changes the funded set', () => {
    // The step must be scaled too: with costs and budget ×100 but still one peso per step, add1
    // advances in steps 100 times finer relative to the costs and may stop at another endowment.
    forEachInstance(41, 200, ({ projects, ballots, budget }) => {
      const scaled = projects.map((p) => ({ ...p, cost: p.cost * 100n }));
      const original = equalSharesOutcome(projects, ballots, budget);
      const bigger = equalSharesOutcome(scaled, ballots, budget * 100n, { stepCentavos: 100n * 100n });
      expect(bigger.funded).toEqual(original.funded);
      expect(greedyOutcome(scaled, ballots, budget * 100n).funded).toEqual(
        greedyOutcome(projects, ballots, budget).funded,
      );
    });
  });

  it('scaling costs and budget but not the step can change the funded set (why the step is scaled above)', () => {
    let changed = 0;
    forEachInstance(43, 300, ({ projects, ballots, budget }) => {
      const scaled = projects.map((p) => ({ ...p, cost: p.cost * 100n }));
      const original = equalSharesOutcome(projects, ballots, budget).funded;
      if (equalSharesOutcome(scaled, ballots, budget * 100n).funded.join() !== original.join()) changed++;
    });
    expect(changed).toBeGreaterThan(0);
  });

  it('never exceeds the budget', () => {
    forEachInstance(11, 200, ({ projects, ballots, budget }) => {
      const greedy = greedyOutcome(projects, ballots, budget);
      const shares = equalSharesOutcome(projects, ballots, budget);
      expect(greedy.totalCost).toBeLessThanOrEqual(budget);
      expect(shares.totalCost).toBeLessThanOrEqual(budget);
      for (const outcome of [greedy, shares]) {
        expect(outcome.totalCost).toBe([...outcome.allocated.values()].reduce((a, b) => a + b, 0n));
        expect(new Set(outcome.ranking)).toEqual(new Set(projects.map((p) => p.id)));
        expect(outcome.ranking.slice(0, outcome.funded.length)).toEqual(outcome.funded);
      }
      // Greedy only leaves out projects that did not fit.
      for (const p of projects) {
        if (!greedy.allocated.has(p.id)) expect(p.cost).toBeGreaterThan(budget - greedy.totalCost);
      }
    });
  });

  it('no voter pays more than the endowment, and payments cover the funded costs exactly', () => {
    forEachInstance(13, 200, (instance, random) => {
      const prepared = prepareInstance(instance.projects, instance.ballots, instance.budget);
      const endowment = BigInt(random.int(0, 3000));
      const run = runEqualSharesAt(prepared, endowment);
      const e = endowment * run.denominator;
      let paid = 0n;
      prepared.ballotGroups.forEach((group, g) => {
        expect(run.groupBalance[g]).toBeGreaterThanOrEqual(0n);
        expect(run.groupBalance[g]).toBeLessThanOrEqual(e);
        paid += (e - run.groupBalance[g]) * BigInt(group.weight);
      });
      expect(paid).toBe(run.totalCost * run.denominator);

      const reference = referenceRun(instance, new Fraction(endowment));
      expect(run.funded.map((p) => prepared.projects[p].id)).toEqual(reference.funded);
      for (const payment of reference.paid) expect(payment.cmp(new Fraction(endowment))).toBeLessThanOrEqual(0);
    });
  });

  it('gives the same result whatever the order of the ballots', () => {
    forEachInstance(17, 200, ({ projects, ballots, budget }, random) => {
      const shuffled = random.shuffle(ballots.map((b) => random.shuffle([...b])));
      expect(equalSharesOutcome(projects, shuffled, budget).funded).toEqual(
        equalSharesOutcome(projects, ballots, budget).funded,
      );
      expect(greedyOutcome(projects, shuffled, budget).funded).toEqual(greedyOutcome(projects, ballots, budget).funded);
    });
  });

  it('the float engine (forced) matches the reference too, falling back to the exact engine on close calls', () => {
    let floatRuns = 0;
    let exactRuns = 0;
    forEachInstance(29, 300, (instance) => {
      const prepared = prepareInstance(instance.projects, instance.ballots, instance.budget);
      const selection = equalSharesSelection(prepared, instance.budget, { engine: 'float' });
      const reference = referenceEqualShares(instance);
      expect(selection.funded.map((p) => prepared.projects[p].id)).toEqual(reference.funded);
      if (reference.stoppedByBudget) expect(selection.endowment).toEqual(asExact(reference.endowment));
      floatRuns += selection.runsComputed - selection.exactRunsComputed;
      exactRuns += selection.exactRunsComputed;
    });
    expect(floatRuns).toBeGreaterThan(1000);
    expect(exactRuns).toBeGreaterThan(10);
  });

  it('the float engine, when it answers, agrees with the exact engine', () => {
    let answered = 0;
    forEachInstance(19, 300, (instance, random) => {
      const prepared = prepareInstance(instance.projects, instance.ballots, instance.budget);
      const endowment = BigInt(random.int(0, 3000));
      const fast = new FastEqualShares(prepared).run(endowment);
      if (!fast.certain) return;
      answered++;
      const exact = runEqualSharesAt(prepared, endowment);
      expect(fast.funded).toEqual(exact.funded);
      expect(fast.totalCost).toBe(exact.totalCost);
    });
    expect(answered).toBeGreaterThan(150);
  });

  it('a float run guided by the bounds of a run at any higher endowment agrees with the exact engine', () => {
    let guided = 0;
    forEachInstance(31, 400, (instance, random) => {
      const prepared = prepareInstance(instance.projects, instance.ballots, instance.budget);
      const engine = new FastEqualShares(prepared);
      const endowment = BigInt(random.int(0, 30)) * 100n + (random.next() < 0.3 ? BigInt(random.int(0, 99)) : 0n);
      const above = engine.run(endowment + BigInt(random.pick([0, 1, 50, 100, 300, 1000])));
      if (!above.certain) return;
      const run = engine.run(endowment, above.snapshot);
      if (!run.certain) return;
      guided++;
      expect(run.funded).toEqual(runEqualSharesAt(prepared, endowment).funded);
    });
    expect(guided).toBeGreaterThan(200);
  });

  it('the float-accelerated completion agrees with the exact one on larger instances', () => {
    const random = new SeededRandom(23);
    for (let round = 0; round < 2; round++) {
      const projects = Array.from({ length: 40 }, (_, i) => ({
        id: `p${i}`,
        cost: BigInt(random.int(50, 400)) * 10_000n,
        submittedAt: random.int(0, 3),
      }));
      const ballots = Array.from({ length: 6000 }, () =>
        random.shuffle(projects.map((p) => p.id)).slice(0, random.int(3, 7)),
      );
      const budget = projects.slice(0, 12).reduce((sum, p) => sum + p.cost, 0n);
      const prepared = prepareInstance(projects, ballots, budget);
      const accelerated = equalSharesSelection(prepared, budget);
      const exact = equalSharesSelection(prepared, budget, { engine: 'exact' });
      expect(accelerated.exactRunsComputed).toBeLessThan(accelerated.runsComputed);
      expect(accelerated.funded).toEqual(exact.funded);
      expect(accelerated.endowment).toEqual(exact.endowment);
    }
  });
});
