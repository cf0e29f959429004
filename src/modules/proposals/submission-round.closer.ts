import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { ClosesRounds } from '../rounds/round-closers.js';
import type { RoundCloseContext, RoundCloser } from '../rounds/round-hooks.js';
import { ProposalsRepository } from './proposals.repository.js';

/**
 * Closing a SUBMISSION round (RULES §3): every SUBMITTED proposal moves on to the next round (`stage` =
 * its position) and is reported as advanced; drafts stay drafts and can no longer be submitted; withdrawn,
 * hidden and ineligible proposals stay behind. Runs inside the close transaction.
 */
@Injectable()
@ClosesRounds('SUBMISSION')
export class SubmissionRoundCloser implements RoundCloser {
  constructor(private readonly proposals: ProposalsRepository) {}

  async close(tx: Tx, context: RoundCloseContext): Promise<void> {
    const next = context.rounds.find((r) => r.position === context.round.position + 1);
    if (!next) return;
    const advanced = await this.proposals.advanceSubmitted(
      tx,
      context.challenge.id,
      context.round.position,
      next.position,
    );
    context.outcome.advanced.push(...advanced);
  }
}
