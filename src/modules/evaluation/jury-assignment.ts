/**
 * Jury assignment (RULES §6): who evaluates which proposal still in the running.
 * Everything is computed on sorted ids so that the same input always gives the same output.
 */

export interface AssignmentInput {
  proposalIds: string[];
  jurorIds: string[];
  /** null: every juror evaluates every proposal they have no conflict with. */
  jurorsPerProposal: number | null;
  /** Keys from `pairKey(jurorId, proposalId)`. */
  conflicts: ReadonlySet<string>;
}

export interface Assignment {
  jurorId: string;
  proposalId: string;
}

export function pairKey(jurorId: string, proposalId: string): string {
  return `${jurorId}:${proposalId}`;
}

export function assignJurors(input: AssignmentInput): Assignment[] {
  const proposals = sortedUnique(input.proposalIds);
  const jurors = sortedUnique(input.jurorIds);
  const isConflicted = (jurorId: string, proposalId: string) => input.conflicts.has(pairKey(jurorId, proposalId));

  if (input.jurorsPerProposal === null) {
    return proposals.flatMap((proposalId) =>
      jurors.filter((jurorId) => !isConflicted(jurorId, proposalId)).map((jurorId) => ({ jurorId, proposalId })),
    );
  }

  const board = new AssignmentBoard(jurors);
  for (const proposalId of proposals) {
    const chosen = jurors
      .filter((jurorId) => !isConflicted(jurorId, proposalId))
      .sort((a, b) => board.load(a) - board.load(b) || compareIds(a, b))
      .slice(0, input.jurorsPerProposal);
    for (const jurorId of chosen) board.assign(jurorId, proposalId);
  }
  // Greedy picks can leave loads 2 apart when conflicts force a busy juror; fix that with moves.
  rebalance(
    board,
    jurors,
    (jurorId, proposalId) => !isConflicted(jurorId, proposalId) && !board.has(jurorId, proposalId),
  );
  return board.assignments();
}

/**
 * Gives a juror added mid-round a share of the work. With `jurorsPerProposal` set, the newcomer
 * first fills proposals still short of jurors, then takes unevaluated assignments from the most
 * loaded jurors until no one carries two more than the newcomer.
 */
export function assignLateJuror(
  current: Assignment[],
  evaluated: ReadonlySet<string>,
  newJurorId: string,
  input: AssignmentInput,
): { add: Assignment[]; remove: Assignment[] } {
  const proposals = sortedUnique(input.proposalIds);
  const board = boardOf(current, proposals);
  const newcomerMayTake = (proposalId: string) =>
    !input.conflicts.has(pairKey(newJurorId, proposalId)) && !board.has(newJurorId, proposalId);

  if (input.jurorsPerProposal === null) {
    return {
      add: proposals.filter(newcomerMayTake).map((proposalId) => ({ jurorId: newJurorId, proposalId })),
      remove: [],
    };
  }

  const add: Assignment[] = [];
  const remove: Assignment[] = [];
  for (const proposalId of proposals) {
    if (board.jurorCount(proposalId) < input.jurorsPerProposal && newcomerMayTake(proposalId)) {
      board.assign(newJurorId, proposalId);
      add.push({ jurorId: newJurorId, proposalId });
    }
  }

  for (;;) {
    const donors = board
      .jurors()
      .filter((jurorId) => jurorId !== newJurorId && board.load(jurorId) >= board.load(newJurorId) + 2)
      .sort((a, b) => board.load(b) - board.load(a) || compareIds(a, b));
    const move = firstDefined(donors, (jurorId) => {
      const proposalId = board
        .proposalsOf(jurorId)
        .find((candidate) => !evaluated.has(pairKey(jurorId, candidate)) && newcomerMayTake(candidate));
      return proposalId === undefined ? undefined : { jurorId, proposalId };
    });
    if (!move) break;
    board.unassign(move.jurorId, move.proposalId);
    board.assign(newJurorId, move.proposalId);
    remove.push(move);
    add.push({ jurorId: newJurorId, proposalId: move.proposalId });
  }
  return { add, remove };
}

/**
 * After `conflicted` is withdrawn, the juror who should take over its proposal: the least loaded
 * juror that is free for it (ties by id), or null when none is needed or none is free.
 */
export function reassignAfterConflict(
  current: Assignment[],
  conflicted: Assignment,
  input: AssignmentInput,
): Assignment | null {
  const { proposalId } = conflicted;
  if (input.jurorsPerProposal === null || !input.proposalIds.includes(proposalId)) return null;

  const remaining = current.filter((a) => a.jurorId !== conflicted.jurorId || a.proposalId !== proposalId);
  const board = boardOf(remaining, sortedUnique(input.proposalIds));
  if (board.jurorCount(proposalId) >= input.jurorsPerProposal) return null;

  const [jurorId] = sortedUnique(input.jurorIds)
    .filter(
      (candidate) =>
        candidate !== conflicted.jurorId &&
        !input.conflicts.has(pairKey(candidate, proposalId)) &&
        !board.has(candidate, proposalId),
    )
    .sort((a, b) => board.load(a) - board.load(b) || compareIds(a, b));
  return jurorId === undefined ? null : { jurorId, proposalId };
}

/**
 * Moves assignments along chains (A hands a proposal to B, B hands another to C, …) whenever the
 * chain ends at a juror carrying at least two fewer than where it starts. Each move lowers the sum
 * of squared loads, so this ends; when no such chain exists the loads are as even as the
 * conflicts allow.
 */
function rebalance(
  board: AssignmentBoard,
  jurors: string[],
  canTake: (jurorId: string, proposalId: string) => boolean,
): void {
  for (;;) {
    const loads = jurors.map((jurorId) => board.load(jurorId));
    if (Math.max(...loads) - Math.min(...loads) <= 1) return;

    const sources = [...jurors].sort((a, b) => board.load(b) - board.load(a) || compareIds(a, b));
    const chain = firstDefined(sources, (source) => findChain(board, jurors, source, canTake));
    if (!chain) return;
    for (const { from, to, proposalId } of chain) {
      board.unassign(from, proposalId);
      board.assign(to, proposalId);
    }
  }
}

interface Move {
  from: string;
  to: string;
  proposalId: string;
}

/** Breadth-first search for the shortest chain of moves from `source` to a juror with load ≤ load(source) − 2. */
function findChain(
  board: AssignmentBoard,
  jurors: string[],
  source: string,
  canTake: (jurorId: string, proposalId: string) => boolean,
): Move[] | undefined {
  const reachedBy = new Map<string, Move | null>([[source, null]]);
  const queue = [source];
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head];
    for (const proposalId of board.proposalsOf(from)) {
      for (const to of jurors) {
        if (reachedBy.has(to) || !canTake(to, proposalId)) continue;
        reachedBy.set(to, { from, to, proposalId });
        if (board.load(to) <= board.load(source) - 2) return chainTo(to, reachedBy);
        queue.push(to);
      }
    }
  }
  return undefined;
}

function chainTo(target: string, reachedBy: Map<string, Move | null>): Move[] {
  const chain: Move[] = [];
  for (let move = reachedBy.get(target); move; move = reachedBy.get(move.from)) chain.unshift(move);
  return chain;
}

function boardOf(assignments: Assignment[], proposals: string[]): AssignmentBoard {
  const running = new Set(proposals);
  const relevant = assignments.filter((a) => running.has(a.proposalId));
  const board = new AssignmentBoard(sortedUnique(relevant.map((a) => a.jurorId)));
  for (const { jurorId, proposalId } of relevant) board.assign(jurorId, proposalId);
  return board;
}

class AssignmentBoard {
  private readonly byJuror = new Map<string, Set<string>>();
  private readonly byProposal = new Map<string, Set<string>>();

  constructor(jurors: string[]) {
    for (const jurorId of jurors) this.byJuror.set(jurorId, new Set());
  }

  assign(jurorId: string, proposalId: string): void {
    getOrCreate(this.byJuror, jurorId).add(proposalId);
    getOrCreate(this.byProposal, proposalId).add(jurorId);
  }

  unassign(jurorId: string, proposalId: string): void {
    this.byJuror.get(jurorId)?.delete(proposalId);
    this.byProposal.get(proposalId)?.delete(jurorId);
  }

  has(jurorId: string, proposalId: string): boolean {
    return this.byJuror.get(jurorId)?.has(proposalId) ?? false;
  }

  load(jurorId: string): number {
    return this.byJuror.get(jurorId)?.size ?? 0;
  }

  jurorCount(proposalId: string): number {
    return this.byProposal.get(proposalId)?.size ?? 0;
  }

  jurors(): string[] {
    return [...this.byJuror.keys()].sort(compareIds);
  }

  proposalsOf(jurorId: string): string[] {
    return [...(this.byJuror.get(jurorId) ?? [])].sort(compareIds);
  }

  /** Sorted by proposal, then juror. */
  assignments(): Assignment[] {
    return [...this.byProposal.keys()]
      .sort(compareIds)
      .flatMap((proposalId) =>
        [...this.byProposal.get(proposalId)!].sort(compareIds).map((jurorId) => ({ jurorId, proposalId })),
      );
  }
}

function getOrCreate(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function firstDefined<T, R>(items: T[], pick: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const picked = pick(item);
    if (picked !== undefined) return picked;
  }
  return undefined;
}

function sortedUnique(ids: string[]): string[] {
  return [...new Set(ids)].sort(compareIds);
}

/** Code-unit order, independent of the runtime's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
