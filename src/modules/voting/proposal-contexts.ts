import type { ProposalInChallenge } from './voting.repository.js';

/** Without the viewer's jury membership: that is the viewer's, and the vote's statement checks it. */
export type ProposalContext = Omit<ProposalInChallenge, 'viewerIsJuror'>;

/** Entries older than this are read again; it bounds memory, not correctness. */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Voting's per-process copy of what a vote reads about a proposal (issue #17: one round trip less per vote at the
 * deadline rush): its challenge, the challenge's settings and territory and its rounds. Only for published
 * challenges, whose settings and territory no longer change. Anything else that may change — the round's dates
 * and status, the challenge's status, the proposal's running, jury membership — the vote's own statement checks
 * again, so a stale copy can only lead to a refusal, and every refusal is decided again on a fresh read
 * (VotingService). A copy whose open round the clock has not recorded yet is not kept.
 */
export class ProposalContexts {
  private readonly entries = new Map<string, { context: ProposalContext; readAt: number }>();

  get(proposalId: string): ProposalContext | null {
    const entry = this.entries.get(proposalId);
    if (!entry) return null;
    if (Date.now() - entry.readAt <= TTL_MS) return entry.context;
    this.entries.delete(proposalId);
    return null;
  }

  remember(context: ProposalContext): void {
    if (context.challenge?.status !== 'PUBLISHED') return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(context.proposal.id, { context, readAt: Date.now() });
  }
}
