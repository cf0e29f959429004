import type { BudgetProject } from './budget-types.js';

/** A set of identical ballots, as project indices. */
export interface BallotGroup {
  projects: Int32Array;
  weight: number;
}

/** Input validated and indexed once, shared by both rules. */
export interface PreparedInstance {
  projects: BudgetProject[];
  approvals: number[];
  /** Project indices in "approvals order": approvals desc, cost asc, submittedAt asc, id asc. */
  byApprovals: number[];
  /** tieRank[p] = position of p in byApprovals (lower wins ties). */
  tieRank: Int32Array;
  /** Non-empty distinct ballots with multiplicities, in locality order (see sortForLocality). */
  ballotGroups: BallotGroup[];
  /** approvers[p] = indices into ballotGroups. */
  approvers: Int32Array[];
  /** Voters who submitted a ballot, empty or not. */
  voterCount: number;
}

export function prepareInstance(projects: BudgetProject[], ballots: string[][], budget: bigint): PreparedInstance {
  if (budget < 0n) throw new Error(`budget must be ≥ 0, got ${budget}`);
  const indexById = new Map<string, number>();
  projects.forEach((project, index) => {
    if (indexById.has(project.id)) throw new Error(`duplicate project id "${project.id}"`);
    if (typeof project.cost !== 'bigint' || project.cost < 0n) {
      throw new Error(`project "${project.id}" must cost a whole number of centavos, zero or more`);
    }
    indexById.set(project.id, index);
  });

  // Ballots become sorted lists of project indices; identical ones are merged into a group.  The
  // key of a ballot is its indices as UTF-16 code units (joined by commas for huge project lists).
  const approvals = projects.map(() => 0);
  const seenInBallot = new Int32Array(projects.length).fill(-1);
  const groupByKey = new Map<string, BallotGroup>();
  const ballotGroups: BallotGroup[] = [];
  const compactKeys = projects.length < 0xffff;
  const indices: number[] = [];
  ballots.forEach((ballot, v) => {
    indices.length = 0;
    for (const id of ballot) {
      const index = indexById.get(id);
      if (index === undefined || seenInBallot[index] === v) continue;
      seenInBallot[index] = v;
      // Insertion sort: ballots are short.
      let at = indices.length;
      indices.push(index);
      while (at > 0 && indices[at - 1] > index) {
        indices[at] = indices[at - 1];
        at--;
      }
      indices[at] = index;
    }
    if (indices.length === 0) return;
    let key = '';
    for (let i = 0; i < indices.length; i++) {
      approvals[indices[i]]++;
      if (compactKeys) key += String.fromCharCode(indices[i]);
    }
    if (!compactKeys) key = indices.join(',');
    const group = groupByKey.get(key);
    if (group) group.weight++;
    else {
      const created = { projects: Int32Array.from(indices), weight: 1 };
      groupByKey.set(key, created);
      ballotGroups.push(created);
    }
  });

  const byApprovals = projects.map((_, i) => i).sort((a, b) => compareByApprovals(projects, approvals, a, b));
  const tieRank = new Int32Array(projects.length);
  byApprovals.forEach((p, rank) => (tieRank[p] = rank));
  sortForLocality(ballotGroups, tieRank);

  const approverCounts = new Int32Array(projects.length);
  for (const group of ballotGroups) for (const p of group.projects) approverCounts[p]++;
  const approvers = Array.from(approverCounts, (count) => new Int32Array(count));
  approverCounts.fill(0);
  ballotGroups.forEach((group, g) => {
    for (const p of group.projects) approvers[p][approverCounts[p]++] = g;
  });

  return {
    projects,
    approvals,
    byApprovals,
    tieRank,
    ballotGroups,
    approvers,
    voterCount: ballots.length,
  };
}

function compareByApprovals(projects: BudgetProject[], approvals: number[], a: number, b: number): number {
  if (approvals[a] !== approvals[b]) return approvals[b] - approvals[a];
  const pa = projects[a];
  const pb = projects[b];
  if (pa.cost !== pb.cost) return pa.cost < pb.cost ? -1 : 1;
  if (pa.submittedAt !== pb.submittedAt) return pa.submittedAt - pb.submittedAt;
  return pa.id < pb.id ? -1 : pa.id > pb.id ? 1 : 0;
}

/**
 * Orders the ballot groups by their (up to) three most approved projects, so that the approvers of
 * a project, above all of a popular one, are mostly neighbours in memory, and groups likely to
 * share a balance (the same funded projects) sit together: the Equal Shares engines read balances
 * in approver order.  The order of the groups has no effect on any result.
 */
function sortForLocality(ballotGroups: BallotGroup[], rank: Int32Array): void {
  const base = rank.length + 1;
  const n = ballotGroups.length;
  // key = the ranks of the group's three most approved projects (base: none) in base-`base` digits.
  const keys = new Float64Array(n);
  for (let g = 0; g < n; g++) {
    const projects = ballotGroups[g].projects;
    let first = base;
    let second = base;
    let third = base;
    for (let i = 0; i < projects.length; i++) {
      const r = rank[projects[i]];
      if (r < first) {
        third = second;
        second = first;
        first = r;
      } else if (r < second) {
        third = second;
        second = r;
      } else if (r < third) third = r;
    }
    keys[g] = (first * base + second) * base + third; // exact while base < 2¹⁷ (else coarser, still fine)
  }
  const sorted = new Array<BallotGroup>(n);
  if ((base + 1) ** 3 * n < 2 ** 53) {
    // key·n + g in one float: the native numeric sort of a typed array, no comparator.
    for (let g = 0; g < n; g++) keys[g] = keys[g] * n + g;
    keys.sort();
    for (let i = 0; i < n; i++) sorted[i] = ballotGroups[keys[i] % n];
  } else {
    const order = new Array<number>(n);
    for (let g = 0; g < n; g++) order[g] = g;
    order.sort((a, b) => keys[a] - keys[b] || a - b);
    for (let i = 0; i < n; i++) sorted[i] = ballotGroups[order[i]];
  }
  for (let g = 0; g < n; g++) ballotGroups[g] = sorted[g];
}
