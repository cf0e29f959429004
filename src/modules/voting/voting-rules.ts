import { parseDecimal } from '../../common/money.js';
import type { VotingMethod } from '../challenges/challenge-rules.js';
import type { ProposalStatus } from '../proposals/proposal.entity.js';
import { isAcceptingActions, roundStatusAt, type RoundState } from '../challenges/round-lifecycle.js';

/** Which round a vote goes to, what a voter may cast and who sees a tally (RULES §5). Pure: `now` is always given. */

export type VotingRoundState = Pick<RoundState, 'id' | 'position' | 'kind' | 'status' | 'opensAt' | 'closesAt'>;

export interface RunningFacts {
  status: ProposalStatus;
  stage: number;
  eliminatedInRound: number | null;
}

/**
 * The VOTING round that accepts votes now, judged by its dates (RULES §3): null when no round of the
 * challenge accepts actions or the one that does is not a voting round.
 */
export function openVotingRound<R extends VotingRoundState>(rounds: R[], now: Date): R | null {
  const accepting = rounds.find((round) => isAcceptingActions(round, now));
  return accepting?.kind === 'VOTING' ? accepting : null;
}

/** The voting round a viewer's votes refer to: the one open now, else the last one that has opened. */
export function currentOrLastVotingRound<R extends VotingRoundState>(rounds: R[], now: Date): R | null {
  const started = rounds.filter((round) => round.kind === 'VOTING' && round.opensAt <= now);
  return openVotingRound(rounds, now) ?? started.sort((a, b) => b.position - a.position)[0] ?? null;
}

/**
 * The voting round a proposal's vote count refers to: the latest VOTING round it took part in
 * (position up to its stage) that has opened. Null when it has not reached one yet.
 */
export function proposalVotingRound<R extends VotingRoundState>(rounds: R[], stage: number, now: Date): R | null {
  return (
    rounds
      .filter((round) => round.kind === 'VOTING' && round.position <= stage && round.opensAt <= now)
      .sort((a, b) => b.position - a.position)[0] ?? null
  );
}

/** A proposal can receive votes in the round at `position` only while SUBMITTED, at that stage and not eliminated. */
export function isInRunning(proposal: RunningFacts, position: number): boolean {
  return proposal.status === 'SUBMITTED' && proposal.stage === position && proposal.eliminatedInRound === null;
}

/** Votes a voter may hold at once in a round: 1 (SINGLE), maxVotesPerVoter (MULTIPLE); null for BUDGET (ballots instead). */
export function voteAllowance(settings: {
  votingMethod: VotingMethod;
  maxVotesPerVoter: number | null;
}): number | null {
  switch (settings.votingMethod) {
    case 'SINGLE':
      return 1;
    case 'MULTIPLE':
      return Math.max(1, settings.maxVotesPerVoter ?? 1);
    case 'BUDGET':
      return null;
  }
}

/**
 * Counts of a voting round are hidden from everyone — officials included — until the round is over by
 * its dates, when `showLiveTally` is off. Once closesAt passes no vote can change, so they show even
 * before the close job has run.
 */
export function isTallyHidden(
  round: Pick<RoundState, 'kind' | 'status' | 'opensAt' | 'closesAt'>,
  showLiveTally: boolean,
  now: Date,
): boolean {
  return round.kind === 'VOTING' && !showLiveTally && roundStatusAt(round, now) !== 'CLOSED';
}

/**
 * Who sees how many took part in a round (`Round.voterCount` / `voteTotal`): VOTING rounds only; everyone
 * when the tally shows, and the challenge's unit staff (and platform ADMINs) also while it is hidden, to follow
 * turnout. A count of participants says nothing about which proposal leads, so it does not undo the hidden tally.
 */
export function isParticipationVisible(
  round: Pick<RoundState, 'kind' | 'status' | 'opensAt' | 'closesAt'>,
  showLiveTally: boolean,
  viewerIsStaff: boolean,
  now: Date,
): boolean {
  if (round.kind !== 'VOTING') return false;
  return viewerIsStaff || !isTallyHidden(round, showLiveTally, now);
}

/** The distinct ids of a ballot, or the first repeated one. */
export function distinctIds(ids: readonly string[]): { ids: string[]; repeated: string | null } {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return { ids: [...seen], repeated: id };
    seen.add(id);
  }
  return { ids: [...seen], repeated: null };
}

/** What a BUDGET ballot may hold (RULES §3, §5); null means no limit. */
export interface BallotSettings {
  /** Centavos. */
  voterBudget: bigint | null;
  minProjects: number | null;
  maxProjects: number | null;
}

export const NO_BALLOT_LIMITS: BallotSettings = { voterBudget: null, minProjects: null, maxProjects: null };

/** The ballot limits of stored settings (challenges created before the length limits have none). */
export function ballotSettingsOf(settings: {
  voterBudget: string | null;
  minProjectsPerBallot?: number | null;
  maxProjectsPerBallot?: number | null;
}): BallotSettings {
  return {
    voterBudget: settings.voterBudget === null ? null : parseDecimal(settings.voterBudget),
    minProjects: settings.minProjectsPerBallot ?? null,
    maxProjects: settings.maxProjectsPerBallot ?? null,
  };
}

export type BallotRefusal =
  | { reason: 'BUDGET_EXCEEDED'; total: bigint; limit: bigint }
  | { reason: 'BALLOT_TOO_SHORT' | 'BALLOT_TOO_LONG'; count: number; limit: number };

/**
 * Why a ballot of `count` distinct proposals costing `total` centavos is refused, or null. An empty
 * ballot is always allowed (it is how a voter takes part without approving anything).
 */
export function ballotRefusal(count: number, total: bigint, limits: BallotSettings): BallotRefusal | null {
  if (limits.voterBudget !== null && total > limits.voterBudget)
    return { reason: 'BUDGET_EXCEEDED', total, limit: limits.voterBudget };
  if (count === 0) return null;
  if (limits.minProjects !== null && count < limits.minProjects)
    return { reason: 'BALLOT_TOO_SHORT', count, limit: limits.minProjects };
  if (limits.maxProjects !== null && count > limits.maxProjects)
    return { reason: 'BALLOT_TOO_LONG', count, limit: limits.maxProjects };
  return null;
}
