/**
 * How the results page lays out a published ranking (RULES §7): which columns the challenge's method makes
 * meaningful, the rows in rank order, the bars of the chart (the same numbers as the table beside it) and the
 * budget used. Pure: the page renders what this returns.
 */

/** What decided the ranking: the final round's kind and, for a VOTING final round, the voting method. */
export type ResultKind = 'VOTES' | 'BUDGET' | 'JURY';

export type ResultColumn = 'votes' | 'voteScore' | 'juryScore' | 'finalScore' | 'evaluations' | 'cost' | 'allocated';

export interface ResultEntryFacts {
  rank: number;
  isWinner: boolean;
  votes: number | null;
  voteScore: number | null;
  juryScore: number | null;
  finalScore: number;
  evaluationCount: number;
  /** Centavos. */
  allocated: bigint | null;
  proposal: { id: string; title: string; cost: bigint | null };
}

export interface ChartBar {
  proposalId: string;
  label: string;
  value: number;
  /** 0..1 of the longest bar. */
  fraction: number;
  highlighted: boolean;
}

export function resultKind(votingMethod: string, finalRoundKind: string): ResultKind {
  if (finalRoundKind === 'EVALUATION') return 'JURY';
  return votingMethod === 'BUDGET' ? 'BUDGET' : 'VOTES';
}

/** Columns after rank and title. A jury ranking shows the public vote only when it weighed in. */
export function resultColumns(kind: ResultKind, publicVoteWeight: number): ResultColumn[] {
  switch (kind) {
    case 'VOTES':
      return ['votes', 'finalScore'];
    case 'BUDGET':
      return ['votes', 'cost', 'allocated'];
    case 'JURY':
      return publicVoteWeight > 0
        ? ['juryScore', 'votes', 'voteScore', 'finalScore', 'evaluations']
        : ['juryScore', 'finalScore', 'evaluations'];
  }
}

/** Rank order, whatever order the entries arrived in. */
export function rankingRows<T extends ResultEntryFacts>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.rank - b.rank);
}

/** The figure the chart draws: approvals or votes for votes and budgets, the final score for jury rankings. */
export function chartValue(kind: ResultKind, entry: ResultEntryFacts): number {
  return kind === 'JURY' ? entry.finalScore : (entry.votes ?? 0);
}

export function chartBars(kind: ResultKind, entries: readonly ResultEntryFacts[]): ChartBar[] {
  const rows = rankingRows(entries);
  const longest = Math.max(0, ...rows.map((e) => chartValue(kind, e)));
  return rows.map((e) => {
    const value = chartValue(kind, e);
    return {
      proposalId: e.proposal.id,
      label: e.proposal.title,
      value,
      fraction: longest > 0 ? value / longest : 0,
      highlighted: e.isWinner,
    };
  });
}

export interface BudgetUse {
  used: bigint;
  total: bigint;
  leftover: bigint;
  /** Whole percent of the budget used, rounded down so 99.99 % never reads 100 %. */
  percent: number;
}

export function budgetUse(used: bigint, total: bigint): BudgetUse {
  return {
    used,
    total,
    leftover: total - used,
    percent: total > 0n ? Number((used * 100n) / total) : 0,
  };
}
