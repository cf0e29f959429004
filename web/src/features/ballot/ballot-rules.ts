/**
 * Participatory-budget ballot arithmetic (RULES §5), kept pure so the page only renders it. The server decides
 * (BUDGET_EXCEEDED, BALLOT_TOO_SHORT, BALLOT_TOO_LONG); these rules let the page say the same before sending.
 */

export interface BallotProject {
  id: string;
  /** Estimated cost in centavos. */
  cost: bigint;
}

export interface BallotLimits {
  /** Null: no cost cap on a ballot (uncapped approval). */
  voterBudget: bigint | null;
  /** Null: no minimum. An empty ballot is always allowed. */
  minProjects: number | null;
  /** Null: no maximum. */
  maxProjects: number | null;
}

export interface BallotSummary {
  count: number;
  total: bigint;
  /** Null when the ballot has no cost cap. */
  remaining: bigint | null;
}

/** Why a project cannot be added now. */
export type AddRefusal =
  { kind: 'DOES_NOT_FIT'; cost: bigint; remaining: bigint } | { kind: 'BALLOT_FULL'; maxProjects: number };

/** Why the ballot cannot be sent as it is. */
export type SubmitRefusal =
  | { kind: 'OVER_BUDGET'; total: bigint; voterBudget: bigint }
  | { kind: 'TOO_SHORT'; count: number; minProjects: number }
  | { kind: 'TOO_LONG'; count: number; maxProjects: number };

/** The ballot's saved state as the page shows it. */
export type BallotState = 'NOT_SENT' | 'SAVED' | 'UNSENT_CHANGES';

function costOf(projects: ReadonlyMap<string, BallotProject>, ids: readonly string[]): bigint {
  return ids.reduce((sum, id) => sum + (projects.get(id)?.cost ?? 0n), 0n);
}

export function projectIndex(projects: readonly BallotProject[]): ReadonlyMap<string, BallotProject> {
  return new Map(projects.map((p) => [p.id, p]));
}

export function summarizeBallot(
  projects: ReadonlyMap<string, BallotProject>,
  selection: readonly string[],
  limits: BallotLimits,
): BallotSummary {
  const total = costOf(projects, selection);
  return {
    count: selection.length,
    total,
    remaining: limits.voterBudget === null ? null : limits.voterBudget - total,
  };
}

/** Null when the project may join the selection (or is already in it); else the reason it may not. */
export function addRefusal(
  projects: ReadonlyMap<string, BallotProject>,
  selection: readonly string[],
  projectId: string,
  limits: BallotLimits,
): AddRefusal | null {
  if (selection.includes(projectId)) return null;
  if (limits.maxProjects !== null && selection.length >= limits.maxProjects)
    return { kind: 'BALLOT_FULL', maxProjects: limits.maxProjects };
  if (limits.voterBudget === null) return null;
  const cost = projects.get(projectId)?.cost ?? 0n;
  const remaining = limits.voterBudget - costOf(projects, selection);
  return cost > remaining ? { kind: 'DOES_NOT_FIT', cost, remaining } : null;
}

/** Null when the server would accept this ballot by its limits; the empty ballot is always accepted. */
export function submitRefusal(
  projects: ReadonlyMap<string, BallotProject>,
  selection: readonly string[],
  limits: BallotLimits,
): SubmitRefusal | null {
  const count = selection.length;
  if (count === 0) return null;
  const total = costOf(projects, selection);
  if (limits.voterBudget !== null && total > limits.voterBudget)
    return { kind: 'OVER_BUDGET', total, voterBudget: limits.voterBudget };
  if (limits.minProjects !== null && count < limits.minProjects)
    return { kind: 'TOO_SHORT', count, minProjects: limits.minProjects };
  if (limits.maxProjects !== null && count > limits.maxProjects)
    return { kind: 'TOO_LONG', count, maxProjects: limits.maxProjects };
  return null;
}

/** Selection order does not matter: a ballot is a set of approvals. */
export function ballotState(saved: readonly string[] | null, selection: readonly string[]): BallotState {
  if (saved === null) return selection.length === 0 ? 'NOT_SENT' : 'UNSENT_CHANGES';
  const savedSet = new Set(saved);
  const same = savedSet.size === new Set(selection).size && selection.every((id) => savedSet.has(id));
  return same ? 'SAVED' : 'UNSENT_CHANGES';
}

/** Adds or removes one project, keeping the order in which the person chose them. */
export function toggleProject(selection: readonly string[], projectId: string): string[] {
  return selection.includes(projectId) ? selection.filter((id) => id !== projectId) : [...selection, projectId];
}
