/**
 * What the vote button of one proposal does and why it may not (RULES §5), from what the API tells the viewer:
 * the voting method, `viewerRemainingVotes`, `viewerHasVoted` and whether the round is open by its dates.
 * The server still decides; these rules only keep the page from offering what it would refuse.
 */

export type VotingMethod = 'SINGLE' | 'MULTIPLE' | 'BUDGET';

export interface VoteFacts {
  method: VotingMethod;
  /** A VOTING round accepts votes now (the challenge's phase is VOTING). */
  roundOpen: boolean;
  signedIn: boolean;
  /** `Challenge.viewerRemainingVotes`; null without a session or an open round. */
  remaining: number | null;
  /** MULTIPLE: `maxVotesPerVoter`; SINGLE: 1. */
  allowed: number;
}

export type VoteBlock = 'ROUND_CLOSED' | 'SIGN_IN' | 'NO_VOTES_LEFT' | 'BUDGET_BALLOT';

export type VoteControl =
  | { kind: 'VOTE' }
  | { kind: 'RETRACT' }
  /** Shown as a disabled control with the reason next to it, never hidden. */
  | { kind: 'BLOCKED'; block: VoteBlock };

export function voteControl(facts: VoteFacts, hasVoted: boolean): VoteControl {
  if (facts.method === 'BUDGET') return { kind: 'BLOCKED', block: 'BUDGET_BALLOT' };
  if (!facts.roundOpen) return { kind: 'BLOCKED', block: 'ROUND_CLOSED' };
  if (!facts.signedIn) return { kind: 'BLOCKED', block: 'SIGN_IN' };
  if (hasVoted) return { kind: 'RETRACT' };
  if (facts.remaining !== null && facts.remaining <= 0) return { kind: 'BLOCKED', block: 'NO_VOTES_LEFT' };
  return { kind: 'VOTE' };
}

/** Allowance of a SINGLE or MULTIPLE challenge (the server's `voteAllowance`). */
export function allowedVotes(method: VotingMethod, maxVotesPerVoter: number | null | undefined): number {
  return method === 'SINGLE' ? 1 : (maxVotesPerVoter ?? 1);
}

/** Remaining votes after the viewer's own action, before the server answers (then replaced by its figure). */
export function remainingAfter(remaining: number, action: 'VOTE' | 'RETRACT', allowed: number): number {
  return Math.min(allowed, Math.max(0, remaining + (action === 'VOTE' ? -1 : 1)));
}
