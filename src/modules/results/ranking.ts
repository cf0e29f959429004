/**
 * Final ranking of a round (RULES §7). The same ordering decides who advances
 * after a non-final round, fed with that round's own scores.
 */

export interface RankInput {
  proposalId: string;
  submittedAt: number;
  votes: number | null;
  juryScore: number | null;
  evaluationCount: number;
}

/**
 * - VOTES: a voting round, final score = vote score, quorum ignored.
 * - JURY: an evaluation round judged by the jury alone (a non-final evaluation round).
 * - COMBINED: the final evaluation round, `(1 − w)·jury + w·votes` with w = publicVoteWeight.
 */
export type RankScoring = 'VOTES' | 'JURY' | 'COMBINED';

export interface RankOptions {
  scoring: RankScoring;
  publicVoteWeight: number;
  minEvaluations: number;
}

export interface RankedProposal {
  proposalId: string;
  rank: number;
  voteScore: number | null;
  juryScore: number | null;
  finalScore: number;
  reachedQuorum: boolean;
  votes: number | null;
  evaluationCount: number;
}

/**
 * Scores are compared after rounding to this many units per point, so that
 * mathematically equal scores reached through different float paths
 * (0.5·80 + 0.5·60 vs 0.5·60 + 0.5·80) fall through to the next tie-break.
 * Rounding, unlike an epsilon comparison, keeps the comparator transitive.
 */
const SCORE_RESOLUTION = 1e9;

export function rankProposals(inputs: RankInput[], options: RankOptions): RankedProposal[] {
  if (options.scoring === 'COMBINED' && !(options.publicVoteWeight >= 0 && options.publicVoteWeight <= 1)) {
    throw new RangeError(`publicVoteWeight must be within [0, 1], got ${options.publicVoteWeight}`);
  }
  const maxVotes = inputs.reduce((max, input) => Math.max(max, input.votes ?? 0), 0);

  const scored = inputs.map((input) => {
    const voteScore = input.votes === null ? null : maxVotes === 0 ? 0 : (100 * input.votes) / maxVotes;
    return {
      ...input,
      voteScore,
      finalScore: finalScore(voteScore, input.juryScore, options),
      reachedQuorum: options.scoring === 'VOTES' || input.evaluationCount >= options.minEvaluations,
    };
  });

  scored.sort(compareRanked);
  return scored.map((proposal, index) => ({
    proposalId: proposal.proposalId,
    rank: index + 1,
    voteScore: proposal.voteScore,
    juryScore: proposal.juryScore,
    finalScore: proposal.finalScore,
    reachedQuorum: proposal.reachedQuorum,
    votes: proposal.votes,
    evaluationCount: proposal.evaluationCount,
  }));
}

/** The ids of the proposals that move on to the next round: the first `advanceCount` of the ranking. */
export function advancingProposalIds(ranking: RankedProposal[], advanceCount: number): string[] {
  return ranking.slice(0, Math.max(0, advanceCount)).map((proposal) => proposal.proposalId);
}

/** Missing scores count as 0 here; the output still reports them as null. */
function finalScore(voteScore: number | null, juryScore: number | null, options: RankOptions): number {
  switch (options.scoring) {
    case 'VOTES':
      return voteScore ?? 0;
    case 'JURY':
      return juryScore ?? 0;
    case 'COMBINED':
      return (1 - options.publicVoteWeight) * (juryScore ?? 0) + options.publicVoteWeight * (voteScore ?? 0);
  }
}

interface Comparable {
  proposalId: string;
  submittedAt: number;
  votes: number | null;
  juryScore: number | null;
  finalScore: number;
  reachedQuorum: boolean;
}

function compareRanked(a: Comparable, b: Comparable): number {
  return (
    Number(b.reachedQuorum) - Number(a.reachedQuorum) ||
    roundScore(b.finalScore) - roundScore(a.finalScore) ||
    // no jury score ranks below a jury score of 0
    roundScore(b.juryScore ?? -1) - roundScore(a.juryScore ?? -1) ||
    (b.votes ?? -1) - (a.votes ?? -1) ||
    a.submittedAt - b.submittedAt ||
    compareIds(a.proposalId, b.proposalId)
  );
}

function roundScore(score: number): number {
  return Math.round(score * SCORE_RESOLUTION);
}

/** Code-unit order, independent of the runtime's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
