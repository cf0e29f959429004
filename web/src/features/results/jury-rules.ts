/**
 * The jury's side of a published ranking (RULES §7), for the results page: how each final score splits into the
 * jury's and the public's weighted parts, the average of each criterion and each anonymous juror's total. Pure:
 * the page draws what this returns, and the tables beside the charts print the same numbers.
 */

export interface JuryEntryFacts {
  rank: number;
  proposal: { id: string; title: string };
  juryScore: number | null;
  voteScore: number | null;
  finalScore: number;
  criterionAverages: { average: number; criterion: { id: string; name: string; maxScore: number; position: number } }[];
  jurorScores: { jurorLabel: string; total: number; normalized: number | null }[];
}

export interface ScoreComponents {
  proposalId: string;
  title: string;
  /** (1 − w) · jury score, 0..100. */
  jury: number;
  /** w · vote score, 0..100. */
  public: number;
  finalScore: number;
}

/** final = (1 − w) · jury + w · vote; a missing score counts as 0, as the ranking does. */
export function scoreComponents(entries: readonly JuryEntryFacts[], publicVoteWeight: number): ScoreComponents[] {
  return byRank(entries).map((e) => ({
    proposalId: e.proposal.id,
    title: e.proposal.title,
    jury: (1 - publicVoteWeight) * (e.juryScore ?? 0),
    public: publicVoteWeight * (e.voteScore ?? 0),
    finalScore: e.finalScore,
  }));
}

export interface Column {
  key: string;
  label: string;
  /** The largest value the column can take, for the bars. */
  max: number;
}

export interface Grid {
  columns: Column[];
  rows: { proposalId: string; title: string; values: (number | null)[] }[];
}

/** Proposals × criteria, in rank and criterion order; a criterion nobody scored for a proposal is null. */
export function criterionGrid(entries: readonly JuryEntryFacts[]): Grid {
  const criteria = new Map<string, { name: string; maxScore: number; position: number }>();
  for (const e of entries) for (const a of e.criterionAverages) criteria.set(a.criterion.id, a.criterion);
  const columns = [...criteria.entries()]
    .sort(([, a], [, b]) => a.position - b.position)
    .map(([key, c]) => ({ key, label: c.name, max: c.maxScore }));
  return {
    columns,
    rows: byRank(entries).map((e) => ({
      proposalId: e.proposal.id,
      title: e.proposal.title,
      values: columns.map((c) => e.criterionAverages.find((a) => a.criterion.id === c.key)?.average ?? null),
    })),
  };
}

/**
 * Proposals × anonymous jurors ("Jurado 1", "Jurado 2", … in numeric order), with the normalised total when the
 * challenge normalises (what the ranking used), otherwise the raw total; null where that juror did not score.
 */
export function jurorGrid(entries: readonly JuryEntryFacts[]): Grid & { normalized: boolean } {
  const labels = [...new Set(entries.flatMap((e) => e.jurorScores.map((s) => s.jurorLabel)))].sort((a, b) =>
    a.localeCompare(b, 'es-MX', { numeric: true }),
  );
  const normalized = entries.some((e) => e.jurorScores.some((s) => s.normalized !== null));
  return {
    normalized,
    columns: labels.map((label) => ({ key: label, label, max: 100 })),
    rows: byRank(entries).map((e) => ({
      proposalId: e.proposal.id,
      title: e.proposal.title,
      values: labels.map((label) => {
        const score = e.jurorScores.find((s) => s.jurorLabel === label);
        return score ? (normalized ? score.normalized : score.total) : null;
      }),
    })),
  };
}

function byRank<T extends { rank: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.rank - b.rank);
}
