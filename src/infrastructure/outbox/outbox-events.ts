/**
 * Every event a state change can record in the outbox, with its payload (ids and facts, never entities).
 * Dates travel as ISO strings. Consumers (round clock, notifications, open data) subscribe by type.
 */
export interface OutboxEvents {
  'challenge.published': { challengeId: string; rounds: { roundId: string; opensAt: string; closesAt: string }[] };
  'challenge.cancelled': { challengeId: string; reason: string };
  'round.rescheduled': { challengeId: string; roundId: string; opensAt: string; closesAt: string };
  'round.opened': { challengeId: string; roundId: string; position: number; kind: string };
  'round.closed': {
    challengeId: string;
    roundId: string;
    position: number;
    kind: string;
    advanced: string[];
    eliminated: string[];
  };
  'results.published': { challengeId: string; winners: string[] };
  'round.closing_soon': { challengeId: string; roundId: string; closesAt: string };
  'evaluation.reminder': { challengeId: string; roundId: string; closesAt: string };
  /** authorIds: the author first, then the co-authors (RULES §8: PROPOSAL_* go to them; submitting makes them follow). */
  'proposal.submitted': { proposalId: string; challengeId: string; authorIds: string[] };
  'proposal.hidden': { proposalId: string; challengeId: string; authorIds: string[]; reason: string };
  'proposal.unhidden': { proposalId: string; challengeId: string; authorIds: string[] };
  /** A juror received proposals to evaluate (round opening, joining late, or taking over after a conflict). */
  'jury.assigned': { challengeId: string; roundId: string; jurorUserId: string; proposalIds: string[] };
  'proposal.ineligible': { proposalId: string; challengeId: string; authorIds: string[]; reason: string };
  /** addCoAuthor (issue #16): inviteeIds is empty when the address has no account to invite. */
  'co_author.invited': { invitationId: string; proposalId: string; challengeId: string; inviteeIds: string[] };
  /** A vote cast or retracted, or a budget ballot replaced: the voter follows the challenge; live tallies refresh. */
  'votes.changed': { challengeId: string; roundId: string; voterId: string };
  /** An account e-mail (verification or reset link) to send; the link's token is derived from tokenId. */
  'account.mail_requested': { userId: string; tokenId: string; purpose: 'EMAIL_VERIFICATION' | 'PASSWORD_RESET' };
  /** exportMyData (ARCO, issue #16): a worker builds the JSON of the data_exports row. */
  'account.export_requested': { userId: string; exportId: string };
  /** The JSON is stored: e-mail its download link (the token is derived from exportId). */
  'account.export_ready': { userId: string; exportId: string };
  /** deleteMyAccount: the account is now a tombstone without personal data. */
  'account.deleted': { userId: string };
}

export type OutboxEventType = keyof OutboxEvents;
