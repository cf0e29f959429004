import { equalSharesOutcome, greedyOutcome, type BudgetProject } from './budget-rules.js';
import { runEqualSharesAt } from './equal-shares-run.js';
import { prepareInstance } from './prepared-instance.js';

const pesos = (amount: number): bigint => BigInt(amount) * 100n;
/** An exact endowment: numerator / denominator centavos. */
const centavos = (numerator: bigint, denominator = 1n) => ({ numerator, denominator });
const project = (id: string, costPesos: number, submittedAt = 0): BudgetProject => ({
  id,
  cost: pesos(costPesos),
  submittedAt,
});

describe('greedyOutcome', () => {
  it('funds by approvals, skipping what no longer fits, cheaper first on equal approvals', () => {
    const projects = [project('a', 600), project('b', 500), project('c', 300), project('d', 200)];
    const ballots = [
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'd'],
    ];
    const outcome = greedyOutcome(projects, ballots, pesos(1000));
    expect(outcome.funded).toEqual(['b', 'c', 'd']); // a (600) no longer fits after b
    expect(outcome.ranking).toEqual(['b', 'c', 'd', 'a']);
    expect(outcome.totalCost).toBe(pesos(1000));
    expect(outcome.allocated).toEqual(
      new Map([
        ['b', pesos(500)],
        ['c', pesos(300)],
        ['d', pesos(200)],
      ]),
    );
    expect(outcome.approvals).toEqual(
      new Map([
        ['a', 3],
        ['b', 3],
        ['c', 2],
        ['d', 1],
      ]),
    );
    expect(outcome.endowment).toBeUndefined();
  });

  it('breaks ties on equal approvals and cost by submission time, then by id', () => {
    const projects = [project('z', 100, 5), project('y', 100, 1), project('x', 100, 5)];
    const ballots = [['x', 'y', 'z']];
    expect(greedyOutcome(projects, ballots, pesos(200)).funded).toEqual(['y', 'x']);
  });

  it('ignores unknown ids and counts duplicates once', () => {
    const projects = [project('a', 100), project('b', 100)];
    const outcome = greedyOutcome(projects, [['a', 'a', 'a', 'ghost'], ['b'], ['b', 'b']], pesos(100));
    expect(outcome.approvals.get('a')).toBe(1);
    expect(outcome.approvals.get('b')).toBe(2);
    expect(outcome.funded).toEqual(['b']);
    expect(outcome.ranking).toEqual(['b', 'a']);
  });

  it('handles no projects, no ballots and zero budget', () => {
    expect(greedyOutcome([], [], 0n).funded).toEqual([]);
    expect(greedyOutcome([project('a', 1)], [['a']], 0n).totalCost).toBe(0n);
  });

  it('rejects invalid input', () => {
    expect(() => greedyOutcome([project('a', 1), project('a', 2)], [], 1n)).toThrow(/duplicate/);
    expect(() => greedyOutcome([{ id: 'a', cost: -1n, submittedAt: 0 }], [], 1n)).toThrow(/zero or more/);
    expect(() => greedyOutcome([], [], -1n)).toThrow(/budget/);
  });
});

describe('equalSharesOutcome', () => {
  it('add1 completion funds more than the plain run with e = budget / n', () => {
    // 3 voters, budget 330 → e = 110. P (240, everyone) costs 80 each and leaves 30 per voter,
    // too little for R (90, voters 2 and 3).  At e = 125 R becomes affordable (330 in total);
    // at e = 140 voter 1 can also pay Q alone (390 > 330), so completion stops at e = 139.
    const projects = [project('p', 240), project('q', 60), project('r', 90)];
    const ballots = [
      ['p', 'q'],
      ['p', 'r'],
      ['p', 'r'],
    ];
    const plain = runEqualSharesAt(prepareInstance(projects, ballots, pesos(330)), pesos(110));
    expect(plain.funded).toEqual([0]);

    const outcome = equalSharesOutcome(projects, ballots, pesos(330));
    expect(outcome.funded).toEqual(['p', 'r']);
    expect(outcome.totalCost).toBe(pesos(330));
    expect(outcome.endowment).toEqual(centavos(pesos(139)));
    expect(outcome.ranking).toEqual(['p', 'r', 'q']);
  });

  it('picks the highest effective vote count cost/ρ, not the most approvals', () => {
    // 4 voters, e = 100.  a (cost 120, voters 1-3) costs 40 each: 3 effective votes; b (cost 380,
    // all four) costs 95 each: 4 effective votes, so b wins although it is more expensive.  After
    // b, voters have 5 left: a (120) and c (10, voter 1 only) are unaffordable.
    const projects = [project('a', 120), project('b', 380), project('c', 10)];
    const ballots = [['a', 'b', 'c'], ['a', 'b'], ['a', 'b'], ['b']];
    const instance = prepareInstance(projects, ballots, pesos(400));
    expect(runEqualSharesAt(instance, pesos(100)).funded).toEqual([1]);
  });

  it('charges voters who cannot pay ρ everything they have (fractional ρ)', () => {
    // e = 10 (budget 30, 3 voters).  After x (cost 12, voters 1-3, 4 each) balances are 6, 6, 6.
    // y (cost 14, voters 1-3) → ρ = 14/3 each.  Then z (cost 5, voter 1 with 4/3 left) is unaffordable.
    const projects = [project('x', 12), project('y', 14), project('z', 5)];
    const ballots = [
      ['x', 'y', 'z'],
      ['x', 'y'],
      ['x', 'y'],
    ];
    const run = runEqualSharesAt(prepareInstance(projects, ballots, pesos(30)), pesos(10));
    expect(run.funded).toEqual([0, 1]);
    // Every voter paid 4 + 14/3 pesos: 1000 − 866.67 = 133.33 centavos left, exactly 400/3.
    for (const balance of run.groupBalance) expect(balance * 3n).toBe(400n * run.denominator);
  });

  it('breaks ties in effective votes by approvals, cost, submission and id', () => {
    const tied = [project('x', 100, 2), project('y', 100, 1)];
    expect(
      equalSharesOutcome(
        tied,
        [
          ['x', 'y'],
          ['x', 'y'],
        ],
        pesos(100),
      ).funded,
    ).toEqual(['y']);
    const sameTime = [project('y', 100), project('x', 100)];
    expect(
      equalSharesOutcome(
        sameTime,
        [
          ['x', 'y'],
          ['x', 'y'],
        ],
        pesos(100),
      ).funded,
    ).toEqual(['x']);
  });

  it('leaves the budget unspent when completion would overshoot it', () => {
    // Two voters with their own 100-peso project and a 100-peso budget: each becomes affordable
    // only at e = 100, when both are, costing 200.  So nothing is funded (e stops at 99).
    const projects = [project('x', 100, 2), project('y', 100, 1)];
    const outcome = equalSharesOutcome(projects, [['x'], ['y']], pesos(100));
    expect(outcome.funded).toEqual([]);
    expect(outcome.totalCost).toBe(0n);
    expect(outcome.endowment).toEqual(centavos(pesos(99)));
    expect(outcome.ranking).toEqual(['y', 'x']);
  });

  it('stops when a project does not fit and a later step would exceed the budget', () => {
    // Budget 340 → e = 113⅓ exactly.  a (200, two voters) is funded; b (150, voter 3) becomes
    // affordable at e = 150⅓ (the steps keep the third), which costs 350 > 340, so the result is
    // e = 149⅓ with only a.
    const projects = [project('a', 200), project('b', 150)];
    const outcome = equalSharesOutcome(projects, [['a'], ['a'], ['b']], pesos(340));
    expect(outcome.funded).toEqual(['a']);
    expect(outcome.endowment).toEqual(centavos(44_800n, 3n));
  });

  it('starts from budget / n exactly, even below one peso per voter (RULES §7)', () => {
    // 10 voters, budget 5.00 → e = 0.50 exactly.  a (2.50, voters 1-5) and b (2.50, voters 6-10)
    // cost 0.50 per approver: both funded, 5.00 in total; voter 1 has nothing left for c (0.50).
    // Next step e = 1.50: a and b again, then voter 1 pays c alone: 5.50 > 5.00, so e stays 0.50.
    // (Starting from ⌊budget/n⌋ whole pesos, e = 0 funds nothing and e = 1 already costs 5.50:
    // nothing would be funded at all.)
    const projects = [
      { id: 'a', cost: 250n, submittedAt: 0 },
      { id: 'b', cost: 250n, submittedAt: 0 },
      { id: 'c', cost: 50n, submittedAt: 0 },
    ];
    const ballots = [['a', 'c'], ['a'], ['a'], ['a'], ['a'], ['b'], ['b'], ['b'], ['b'], ['b']];
    const outcome = equalSharesOutcome(projects, ballots, 500n);
    expect(outcome.funded).toEqual(['a', 'b']);
    expect(outcome.totalCost).toBe(500n);
    expect(outcome.endowment).toEqual(centavos(50n));
  });

  it('funds something with 500 000 pesos for 1 000 001 voters (less than one peso each)', () => {
    // e = 50 000 000 / 1 000 001 centavos ≈ 0.49999 pesos.  Everyone approves a (400 000) and b
    // (200 000): both have n effective votes, b wins on cost; then a does not fit in the 300 000 left.
    // At e + 1 peso both are funded (600 000 > 500 000), so b alone.  From ⌊budget/n⌋ = 0 pesos:
    // nothing at 0, 600 000 at 1 peso → nothing at all.
    const ballot = ['a', 'b'];
    const ballots = Array.from({ length: 1_000_001 }, () => ballot);
    const outcome = equalSharesOutcome([project('a', 400_000), project('b', 200_000)], ballots, pesos(500_000));
    expect(outcome.funded).toEqual(['b']);
    expect(outcome.endowment).toEqual(centavos(50_000_000n, 1_000_001n));
  });

  it('keeps fractions of a centavo in the endowment (budget / n not a whole number of centavos)', () => {
    // 3 voters, budget 1.00 → e = 33⅓ centavos.  x (1.00, all three) costs exactly 33⅓ each: funded
    // with nothing to spare (rounding e down to 33 centavos would leave it unaffordable at the start).
    // add1 then goes one peso up to 1.33⅓, where each voter could pay everything, and stops there.
    const outcome = equalSharesOutcome([{ id: 'x', cost: 100n, submittedAt: 0 }], [['x'], ['x'], ['x']], 100n);
    expect(outcome.funded).toEqual(['x']);
    expect(outcome.endowment).toEqual(centavos(400n, 3n));
  });

  it('funds a project that costs nothing whenever anyone approves it, and takes nobody’s money for it', () => {
    const projects = [
      { id: 'free', cost: 0n, submittedAt: 0 },
      { id: 'unwanted', cost: 0n, submittedAt: 0 },
      project('a', 200),
    ];
    const shares = equalSharesOutcome(projects, [['a', 'free'], ['a']], pesos(200));
    expect(shares.funded).toEqual(['free', 'a']);
    expect(shares.totalCost).toBe(pesos(200));
    const greedy = greedyOutcome(projects, [['a', 'free'], ['a']], pesos(200));
    expect(new Set(greedy.funded)).toEqual(new Set(['free', 'a', 'unwanted']));
  });

  it('terminates when the outcome can no longer change (everything fits)', () => {
    const projects = [project('a', 200), project('b', 150)];
    const outcome = equalSharesOutcome(projects, [['a'], ['a'], ['b']], pesos(350));
    expect(outcome.funded).toEqual(['a', 'b']);
    expect(outcome.totalCost).toBe(pesos(350));
  });

  it('counts empty ballots as voters and ignores projects nobody approved', () => {
    // 4 voters (2 empty), budget 400 → e = 100; a (cost 200) needs both approvers' full 100.
    const projects = [project('a', 200), project('lonely', 1)];
    const outcome = equalSharesOutcome(projects, [['a'], ['a'], [], ['ghost']], pesos(400));
    expect(outcome.funded).toEqual(['a']);
    expect(outcome.approvals.get('lonely')).toBe(0);
    expect(outcome.ranking).toEqual(['a', 'lonely']);
  });

  it('returns an empty outcome without ballots', () => {
    const outcome = equalSharesOutcome([project('a', 1)], [], pesos(100));
    expect(outcome.funded).toEqual([]);
    expect(outcome.endowment).toEqual(centavos(0n));
  });

  it('handles budgets that are not whole pesos and tiny endowments', () => {
    // Budget 4.50 for 3 voters → e = 1 peso.  b (1.50, voters 2-3) is funded at 0.75 each; a (3.00,
    // voters 1-2) needs e = 2: then voter 2 pays 1.25 and voter 1 pays 1.75; 4.50 in total.
    const projects = [project('a', 3), { id: 'b', cost: 150n, submittedAt: 0 }];
    const outcome = equalSharesOutcome(projects, [['a'], ['a', 'b'], ['b']], 450n);
    expect(outcome.funded).toEqual(['b', 'a']);
    expect(outcome.totalCost).toBe(450n);
  });
});

describe('prepareInstance', () => {
  /** Groups match the distinct ballots, approvers[p] lists exactly the groups with p (ascending), and
   *  groups come in "locality order": by the approvals ranks of their three most approved projects. */
  function expectConsistentIndex(projects: BudgetProject[], ballots: string[][]): void {
    const instance = prepareInstance(projects, ballots, pesos(1));
    const indexById = new Map(projects.map((p, i) => [p.id, i]));
    const expected = new Map<string, number>();
    for (const ballot of ballots) {
      const indices = [...new Set(ballot.map((id) => indexById.get(id)).filter((i) => i !== undefined))].sort(
        (a, b) => a - b,
      );
      if (indices.length > 0) expected.set(indices.join(','), (expected.get(indices.join(',')) ?? 0) + 1);
    }
    const actual = new Map(instance.ballotGroups.map((g) => [[...g.projects].join(','), g.weight]));
    expect(actual).toEqual(expected);
    expect(instance.ballotGroups).toHaveLength(expected.size);
    const withP = new Map<number, number[]>();
    instance.ballotGroups.forEach((g, index) =>
      g.projects.forEach((p) => withP.set(p, [...(withP.get(p) ?? []), index])),
    );
    const listed = instance.approvers.flatMap((list, p) => (list.length > 0 ? [[p, [...list]] as const] : []));
    expect(new Map(listed)).toEqual(withP);
    const top3 = (g: { projects: Int32Array }) => {
      const ranks = [...g.projects].map((p) => instance.tieRank[p]).sort((a, b) => a - b);
      return [0, 1, 2].map((i) => ranks[i] ?? projects.length);
    };
    for (let g = 1; g < instance.ballotGroups.length; g++) {
      const [a, b] = [top3(instance.ballotGroups[g - 1]), top3(instance.ballotGroups[g])];
      const order = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
      expect(order).toBeLessThanOrEqual(0);
    }
  }

  it('merges identical ballots and orders the groups by their most approved projects', () => {
    const projects = ['a', 'b', 'c', 'd', 'e'].map((id, i) => project(id, 100 + i));
    const ballots = [
      ['e', 'a'],
      ['a', 'e'],
      ['b'],
      ['c', 'd', 'e', 'a'],
      ['d', 'x'],
      ['e'],
      ['b', 'b', 'c'],
      [],
      ['a', 'b', 'c', 'd', 'e'],
    ];
    expectConsistentIndex(projects, ballots);
  });

  it('does the same with more projects than fit in compact keys and in the packed sort', () => {
    const projects = Array.from({ length: 140_000 }, (_, i) => project(`p${i}`, 1 + (i % 7)));
    const ids = (...indices: number[]) => indices.map((i) => `p${i}`);
    const ballots = [
      ids(139_999, 3, 70_000),
      ids(70_000, 3, 139_999),
      ids(5),
      ids(65_535, 65_536, 5),
      ids(1, 2, 3, 4),
      ids(139_999),
      ids(70_000, 1),
    ];
    expectConsistentIndex(projects, ballots);
  });
});
