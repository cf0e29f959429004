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
  /** Non-empty distinct ballots with multiplicities. */
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
    if (typeof project.cost !== 'bigint' || project.cost <= 0n) {
      throw new Error(`project "${project.id}" must cost a positive integer number of centavos`);
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
      while (at > 0 && indices[at - 1] > index) at--;
      indices.splice(at, 0, index);
    }
    if (indices.length === 0) return;
    for (const p of indices) approvals[p]++;
    const key = compactKeys ? String.fromCharCode(...indices) : indices.join(',');
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
  const keys = new Float64Array(ballotGroups.length);
  const top = [0, 0, 0];
  ballotGroups.forEach((group, g) => {
    top[0] = top[1] = top[2] = base; // no project: after every rank
    for (const p of group.projects) {
      let r = rank[p];
      for (let i = 0; i < 3; i++) if (r < top[i]) [top[i], r] = [r, top[i]];
    }
    keys[g] = (top[0] * base + top[1]) * base + top[2]; // < 2⁵³ while base < 2¹⁷; otherwise coarser, still fine
  });
  const order = Array.from(keys, (_, g) => g).sort((a, b) => keys[a] - keys[b] || a - b);
  const sorted = order.map((g) => ballotGroups[g]);
  for (let g = 0; g < sorted.length; g++) ballotGroups[g] = sorted[g];
}
