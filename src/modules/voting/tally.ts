/** Voting-round tally (RULES §5). */

export interface TallyInput {
  proposalId: string;
  votes: number;
  submittedAt: number;
}

export interface TallyRow {
  proposalId: string;
  votes: number;
  /** 1-based position; equal votes never share a rank. */
  rank: number;
  /** votes / round total, 0 when nobody voted. */
  share: number;
}

/** Most votes first, then earlier submission, then id. */
export function rankTally(rows: TallyInput[]): TallyRow[] {
  const total = rows.reduce((sum, row) => sum + row.votes, 0);
  return [...rows]
    .sort((a, b) => b.votes - a.votes || a.submittedAt - b.submittedAt || compareIds(a.proposalId, b.proposalId))
    .map((row, index) => ({
      proposalId: row.proposalId,
      votes: row.votes,
      rank: index + 1,
      share: total === 0 ? 0 : row.votes / total,
    }));
}

/** Code-unit order, independent of the runtime's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
