import {
  assignJurors,
  assignLateJuror,
  pairKey,
  reassignAfterConflict,
  type Assignment,
  type AssignmentInput,
} from './jury-assignment.js';
import { seededRandom, shuffled } from '../../common/seeded-random.js';

const range = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

function loadsOf(assignments: Assignment[], jurorIds: string[]): Map<string, number> {
  const loads = new Map(jurorIds.map((jurorId) => [jurorId, 0]));
  for (const { jurorId } of assignments) loads.set(jurorId, (loads.get(jurorId) ?? 0) + 1);
  return loads;
}

function spread(loads: Map<string, number>): number {
  return Math.max(...loads.values()) - Math.min(...loads.values());
}

function jurorsByProposal(assignments: Assignment[]): Map<string, string[]> {
  const byProposal = new Map<string, string[]>();
  for (const { jurorId, proposalId } of assignments)
    byProposal.set(proposalId, [...(byProposal.get(proposalId) ?? []), jurorId]);
  return byProposal;
}

function applyChange(current: Assignment[], change: { add: Assignment[]; remove: Assignment[] }): Assignment[] {
  const removed = new Set(change.remove.map((a) => pairKey(a.jurorId, a.proposalId)));
  return [...current.filter((a) => !removed.has(pairKey(a.jurorId, a.proposalId))), ...change.add];
}

/** Every proposal has min(k, eligible jurors) distinct jurors, none of them conflicted. */
function expectFullAndConflictFree(assignments: Assignment[], input: AssignmentInput): void {
  const byProposal = jurorsByProposal(assignments);
  for (const proposalId of input.proposalIds) {
    const jurors = byProposal.get(proposalId) ?? [];
    const eligible = input.jurorIds.filter((jurorId) => !input.conflicts.has(pairKey(jurorId, proposalId))).length;
    expect(new Set(jurors).size).toBe(jurors.length);
    expect(jurors.length).toBe(Math.min(input.jurorsPerProposal ?? Infinity, eligible));
    for (const jurorId of jurors) expect(input.conflicts.has(pairKey(jurorId, proposalId))).toBe(false);
  }
}

describe('assignJurors', () => {
  it('with no jurors-per-proposal, gives every juror every proposal except conflicts', () => {
    const input: AssignmentInput = {
      proposalIds: ['p2', 'p1'],
      jurorIds: ['j2', 'j1', 'j3'],
      jurorsPerProposal: null,
      conflicts: new Set([pairKey('j2', 'p1')]),
    };
    expect(assignJurors(input)).toEqual([
      { jurorId: 'j1', proposalId: 'p1' },
      { jurorId: 'j3', proposalId: 'p1' },
      { jurorId: 'j1', proposalId: 'p2' },
      { jurorId: 'j2', proposalId: 'p2' },
      { jurorId: 'j3', proposalId: 'p2' },
    ]);
  });

  describe('7 jurors, 23 proposals, 3 jurors each, two conflicts', () => {
    const input: AssignmentInput = {
      proposalIds: range('p', 23),
      jurorIds: range('j', 7),
      jurorsPerProposal: 3,
      conflicts: new Set([pairKey('j01', 'p01'), pairKey('j04', 'p17')]),
    };
    const assignments = assignJurors(input);

    it('gives each proposal exactly 3 distinct, non-conflicted jurors', () => {
      expect(assignments).toHaveLength(69);
      expectFullAndConflictFree(assignments, input);
      expect(jurorsByProposal(assignments).size).toBe(23);
    });

    it('balances loads to 9 or 10 (69 assignments over 7 jurors)', () => {
      const loads = loadsOf(assignments, input.jurorIds);
      expect(spread(loads)).toBeLessThanOrEqual(1);
      expect([...loads.values()].sort((a, b) => a - b)).toEqual([9, 10, 10, 10, 10, 10, 10]);
    });

    it('gives the same result for shuffled input', () => {
      const random = seededRandom(11);
      for (let i = 0; i < 20; i++) {
        const shuffledInput = {
          ...input,
          proposalIds: shuffled(input.proposalIds, random),
          jurorIds: shuffled(input.jurorIds, random),
          conflicts: new Set(shuffled([...input.conflicts], random)),
        };
        expect(assignJurors(shuffledInput)).toEqual(assignments);
      }
    });
  });

  it('assigns as many jurors as possible when too few are free', () => {
    const input: AssignmentInput = {
      proposalIds: ['p1', 'p2', 'p3'],
      jurorIds: ['a', 'b', 'c'],
      jurorsPerProposal: 5,
      conflicts: new Set([pairKey('b', 'p2'), pairKey('a', 'p3'), pairKey('c', 'p3')]),
    };
    const byProposal = jurorsByProposal(assignJurors(input));
    expect(byProposal.get('p1')).toEqual(['a', 'b', 'c']);
    expect(byProposal.get('p2')).toEqual(['a', 'c']);
    expect(byProposal.get('p3')).toEqual(['b']);
  });

  it('gives nothing to a juror conflicted with everything and balances the others', () => {
    const proposalIds = range('p', 6);
    const input: AssignmentInput = {
      proposalIds,
      jurorIds: ['a', 'b', 'c', 'x'],
      jurorsPerProposal: 2,
      conflicts: new Set(proposalIds.map((p) => pairKey('x', p))),
    };
    const loads = loadsOf(assignJurors(input), input.jurorIds);
    expect(Object.fromEntries(loads)).toEqual({ a: 4, b: 4, c: 4, x: 0 });
  });

  it('moves work along a chain when no direct move can even the loads', () => {
    // Who may evaluate what: p1 {b,c}, p2 {a}, p3 {a}, p4 {a,b}, p5 {c}, p6 {a,b}.
    // Greedy (least loaded, ties by id): p1→b, p2→a, p3→a, p4→b, p5→c, p6→a — loads a3 b2 c1,
    // and c may take none of a's proposals. The chain a →p6→ b →p1→ c evens it out.
    const allowed: Record<string, string[]> = {
      p1: ['b', 'c'],
      p2: ['a'],
      p3: ['a'],
      p4: ['a', 'b'],
      p5: ['c'],
      p6: ['a', 'b'],
    };
    const jurorIds = ['a', 'b', 'c'];
    const conflicts = new Set(
      Object.entries(allowed).flatMap(([p, free]) =>
        jurorIds.filter((j) => !free.includes(j)).map((j) => pairKey(j, p)),
      ),
    );
    const input: AssignmentInput = { proposalIds: Object.keys(allowed), jurorIds, jurorsPerProposal: 1, conflicts };
    expect(assignJurors(input)).toEqual([
      { jurorId: 'c', proposalId: 'p1' },
      { jurorId: 'a', proposalId: 'p2' },
      { jurorId: 'a', proposalId: 'p3' },
      { jurorId: 'b', proposalId: 'p4' },
      { jurorId: 'c', proposalId: 'p5' },
      { jurorId: 'b', proposalId: 'p6' },
    ]);
  });

  it('property: loads are as even as the conflicts allow (checked by brute force)', () => {
    const random = seededRandom(2024);
    for (let trial = 0; trial < 150; trial++) {
      const jurorIds = range('j', 2 + Math.floor(random() * 3));
      const proposalIds = range('p', 1 + Math.floor(random() * 4));
      const k = 1 + Math.floor(random() * 3);
      const conflicts = new Set<string>();
      for (const j of jurorIds) for (const p of proposalIds) if (random() < 0.35) conflicts.add(pairKey(j, p));
      const input: AssignmentInput = { proposalIds, jurorIds, jurorsPerProposal: k, conflicts };

      const assignments = assignJurors(input);
      expectFullAndConflictFree(assignments, input);
      const best = bestPossible(input);
      const loads = loadsOf(assignments, jurorIds);
      expect(spread(loads)).toBe(best.spread);
      expect(Math.max(...loads.values())).toBe(best.maxLoad);
    }
  });

  it('property: with sparse conflicts loads never differ by more than 1', () => {
    // At least 10 proposals and more jurors than jurors-per-proposal: otherwise a few conflicts
    // can force an uneven spread (a juror shut out of most proposals, or everyone taking everything).
    const random = seededRandom(77);
    for (let trial = 0; trial < 100; trial++) {
      const jurorIds = range('j', 4 + Math.floor(random() * 7));
      const proposalIds = range('p', 10 + Math.floor(random() * 31));
      const k = 1 + Math.floor(random() * 3);
      const conflicts = new Set<string>();
      for (let c = 0; c < 3; c++) {
        conflicts.add(
          pairKey(
            jurorIds[Math.floor(random() * jurorIds.length)],
            proposalIds[Math.floor(random() * proposalIds.length)],
          ),
        );
      }
      const input: AssignmentInput = { proposalIds, jurorIds, jurorsPerProposal: k, conflicts };
      const assignments = assignJurors(input);
      expectFullAndConflictFree(assignments, input);
      expect(spread(loadsOf(assignments, jurorIds))).toBeLessThanOrEqual(1);
    }
  });
});

/** Smallest load spread and smallest maximum load over every valid assignment. */
function bestPossible(input: AssignmentInput): { spread: number; maxLoad: number } {
  const choices = input.proposalIds.map((proposalId) => {
    const eligible = input.jurorIds.filter((j) => !input.conflicts.has(pairKey(j, proposalId)));
    return subsets(eligible, Math.min(input.jurorsPerProposal!, eligible.length));
  });
  let best = { spread: Infinity, maxLoad: Infinity };
  const loads = new Map(input.jurorIds.map((j) => [j, 0]));
  const visit = (index: number) => {
    if (index === choices.length) {
      best = {
        spread: Math.min(best.spread, spread(loads)),
        maxLoad: Math.min(best.maxLoad, Math.max(...loads.values())),
      };
      return;
    }
    for (const subset of choices[index]) {
      for (const j of subset) loads.set(j, loads.get(j)! + 1);
      visit(index + 1);
      for (const j of subset) loads.set(j, loads.get(j)! - 1);
    }
  };
  visit(0);
  return best;
}

function subsets<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...subsets(rest, size - 1).map((s) => [first, ...s]), ...subsets(rest, size)];
}

describe('assignLateJuror', () => {
  const base: AssignmentInput = {
    proposalIds: ['p1', 'p2', 'p3', 'p4'],
    jurorIds: ['a', 'b'],
    jurorsPerProposal: 1,
    conflicts: new Set(),
  };
  // a: p1, p3 — b: p2, p4
  const current = assignJurors(base);
  const withC = { ...base, jurorIds: ['a', 'b', 'c'] };

  it('starts from the expected greedy assignment', () => {
    expect(current).toEqual([
      { jurorId: 'a', proposalId: 'p1' },
      { jurorId: 'b', proposalId: 'p2' },
      { jurorId: 'a', proposalId: 'p3' },
      { jurorId: 'b', proposalId: 'p4' },
    ]);
  });

  it('takes one unevaluated assignment from the most loaded juror (ties by id)', () => {
    expect(assignLateJuror(current, new Set(), 'c', withC)).toEqual({
      add: [{ jurorId: 'c', proposalId: 'p1' }],
      remove: [{ jurorId: 'a', proposalId: 'p1' }],
    });
  });

  it('never moves an assignment that already has an evaluation', () => {
    expect(assignLateJuror(current, new Set([pairKey('a', 'p1')]), 'c', withC)).toEqual({
      add: [{ jurorId: 'c', proposalId: 'p3' }],
      remove: [{ jurorId: 'a', proposalId: 'p3' }],
    });
    expect(assignLateJuror(current, new Set([pairKey('a', 'p1'), pairKey('a', 'p3')]), 'c', withC)).toEqual({
      add: [{ jurorId: 'c', proposalId: 'p2' }],
      remove: [{ jurorId: 'b', proposalId: 'p2' }],
    });
    const everythingEvaluated = new Set(current.map((a) => pairKey(a.jurorId, a.proposalId)));
    expect(assignLateJuror(current, everythingEvaluated, 'c', withC)).toEqual({ add: [], remove: [] });
  });

  it('does not take a proposal the newcomer is conflicted with', () => {
    const input = { ...withC, conflicts: new Set([pairKey('c', 'p1'), pairKey('c', 'p3')]) };
    expect(assignLateJuror(current, new Set(), 'c', input)).toEqual({
      add: [{ jurorId: 'c', proposalId: 'p2' }],
      remove: [{ jurorId: 'b', proposalId: 'p2' }],
    });
  });

  it('first fills proposals short of jurors, without taking from anyone', () => {
    const input: AssignmentInput = {
      proposalIds: ['p1', 'p2'],
      jurorIds: ['a', 'b'],
      jurorsPerProposal: 3,
      conflicts: new Set(),
    };
    const change = assignLateJuror(assignJurors(input), new Set(), 'c', { ...input, jurorIds: ['a', 'b', 'c'] });
    expect(change).toEqual({
      add: [
        { jurorId: 'c', proposalId: 'p1' },
        { jurorId: 'c', proposalId: 'p2' },
      ],
      remove: [],
    });
  });

  it('with no jurors-per-proposal, gives the newcomer every non-conflicted proposal', () => {
    const input: AssignmentInput = { ...withC, jurorsPerProposal: null, conflicts: new Set([pairKey('c', 'p2')]) };
    const change = assignLateJuror(assignJurors({ ...input, jurorIds: ['a', 'b'] }), new Set(), 'c', input);
    expect(change.remove).toEqual([]);
    expect(change.add.map((a) => a.proposalId)).toEqual(['p1', 'p3', 'p4']);
    expect(change.add.every((a) => a.jurorId === 'c')).toBe(true);
  });

  it('ignores proposals no longer in the running', () => {
    const input = { ...withC, proposalIds: ['p2', 'p3', 'p4'] };
    // running: a has p3 (1), b has p2, p4 (2) → c takes b's first
    expect(assignLateJuror(current, new Set(), 'c', input)).toEqual({
      add: [{ jurorId: 'c', proposalId: 'p2' }],
      remove: [{ jurorId: 'b', proposalId: 'p2' }],
    });
  });

  it('property: 6 jurors + 1 late, with some evaluations done, stays full, conflict-free and balanced', () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 100; trial++) {
      const jurorIds = range('j', 6);
      const proposalIds = range('p', 5 + Math.floor(random() * 30));
      const conflicts = new Set<string>();
      for (let c = 0; c < 3; c++) {
        conflicts.add(
          pairKey(`j0${1 + Math.floor(random() * 7)}`, proposalIds[Math.floor(random() * proposalIds.length)]),
        );
      }
      const input: AssignmentInput = { proposalIds, jurorIds, jurorsPerProposal: 3, conflicts };
      const current = assignJurors(input);
      const evaluated = new Set(current.filter(() => random() < 0.3).map((a) => pairKey(a.jurorId, a.proposalId)));

      const withNewcomer = { ...input, jurorIds: [...jurorIds, 'j07'] };
      const change = assignLateJuror(current, evaluated, 'j07', withNewcomer);
      const after = applyChange(current, change);

      for (const removed of change.remove)
        expect(evaluated.has(pairKey(removed.jurorId, removed.proposalId))).toBe(false);
      expect(change.add.every((a) => a.jurorId === 'j07')).toBe(true);
      expectFullAndConflictFree(after, withNewcomer);
      // Balanced unless every assignment the busier jurors could give is evaluated or conflicted.
      const loads = loadsOf(after, withNewcomer.jurorIds);
      const newcomerLoad = loads.get('j07')!;
      for (const jurorId of jurorIds) {
        if (loads.get(jurorId)! < newcomerLoad + 2) continue;
        const movable = after.filter(
          (a) =>
            a.jurorId === jurorId &&
            !evaluated.has(pairKey(a.jurorId, a.proposalId)) &&
            !conflicts.has(pairKey('j07', a.proposalId)) &&
            !after.some((b) => b.jurorId === 'j07' && b.proposalId === a.proposalId),
        );
        expect(movable).toEqual([]);
      }
    }
  });
});

describe('reassignAfterConflict', () => {
  const input: AssignmentInput = {
    proposalIds: ['p1', 'p2', 'p3'],
    jurorIds: ['a', 'b', 'c', 'd'],
    jurorsPerProposal: 2,
    conflicts: new Set([pairKey('a', 'p1')]),
  };
  const current: Assignment[] = [
    { jurorId: 'a', proposalId: 'p1' },
    { jurorId: 'b', proposalId: 'p1' },
    { jurorId: 'c', proposalId: 'p2' },
    { jurorId: 'd', proposalId: 'p2' },
    { jurorId: 'c', proposalId: 'p3' },
    { jurorId: 'b', proposalId: 'p3' },
  ];
  const conflicted = { jurorId: 'a', proposalId: 'p1' };

  it('gives the proposal to the least loaded free juror', () => {
    // loads without a:p1 — b 2, c 2, d 1 (b already has p1)
    expect(reassignAfterConflict(current, conflicted, input)).toEqual({ jurorId: 'd', proposalId: 'p1' });
  });

  it('breaks load ties by juror id', () => {
    const lighter = current.filter((a) => !(a.jurorId === 'c' && a.proposalId === 'p3'));
    // c 1, d 1 → c
    expect(reassignAfterConflict(lighter, conflicted, input)).toEqual({ jurorId: 'c', proposalId: 'p1' });
  });

  it('skips jurors conflicted with the proposal, even if they are the least loaded', () => {
    const withMoreConflicts = { ...input, conflicts: new Set([...input.conflicts, pairKey('d', 'p1')]) };
    expect(reassignAfterConflict(current, conflicted, withMoreConflicts)).toEqual({ jurorId: 'c', proposalId: 'p1' });
  });

  it('works whether or not the withdrawn assignment is still in the list', () => {
    const withoutIt = current.filter((a) => a.jurorId !== 'a');
    expect(reassignAfterConflict(withoutIt, conflicted, input)).toEqual({ jurorId: 'd', proposalId: 'p1' });
  });

  it('returns null when no juror is free', () => {
    const allConflicted = { ...input, conflicts: new Set(['a', 'c', 'd'].map((j) => pairKey(j, 'p1'))) };
    expect(reassignAfterConflict(current, conflicted, allConflicted)).toBeNull();
  });

  it('returns null when every juror evaluates everything', () => {
    expect(reassignAfterConflict(current, conflicted, { ...input, jurorsPerProposal: null })).toBeNull();
  });

  it('returns null when the proposal still has enough jurors', () => {
    const crowded = [...current, { jurorId: 'c', proposalId: 'p1' }];
    expect(reassignAfterConflict(crowded, conflicted, input)).toBeNull();
  });
});
