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

  const approvals = projects.map(() => 0);
  const groupByKey = new Map<string, BallotGroup>();
  for (const ballot of ballots) {
    const indices = [...new Set(ballot.map((id) => indexById.get(id)).filter((i): i is number => i !== undefined))];
    if (indices.length === 0) continue;
    indices.sort((a, b) => a - b);
    for (const p of indices) approvals[p]++;
    const key = indices.join(',');
    const group = groupByKey.get(key);
    if (group) group.weight++;
    else groupByKey.set(key, { projects: Int32Array.from(indices), weight: 1 });
  }
  const ballotGroups = [...groupByKey.values()];

  const approverLists: number[][] = projects.map(() => []);
  ballotGroups.forEach((group, g) => group.projects.forEach((p) => approverLists[p].push(g)));

  const byApprovals = projects.map((_, i) => i).sort((a, b) => compareByApprovals(projects, approvals, a, b));
  const tieRank = new Int32Array(projects.length);
  byApprovals.forEach((p, rank) => (tieRank[p] = rank));

  return {
    projects,
    approvals,
    byApprovals,
    tieRank,
    ballotGroups,
    approvers: approverLists.map((list) => Int32Array.from(list)),
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
