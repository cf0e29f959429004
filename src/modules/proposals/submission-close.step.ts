import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { CLOSE_STEP_ORDER, RoundCloseContext, RoundCloseStep, RoundLifecycleHooks } from '../rounds/round-hooks.js';
import { ProposalsRepository } from './proposals.repository.js';

/**
 * Close pipeline step of a SUBMISSION round (RULES §3): every SUBMITTED proposal moves on to the next
 * round (`stage` = its position) and is reported as advanced; drafts stay drafts and can no longer be
 * submitted; withdrawn, hidden and ineligible proposals stay behind. Runs inside the close transaction.
 */
@Injectable()
export class SubmissionCloseStep implements RoundCloseStep, OnModuleInit {
  readonly name = 'proposals.advance-submitted';
  readonly order = CLOSE_STEP_ORDER.advanceProposals;

  constructor(
    private readonly hooks: RoundLifecycleHooks,
    private readonly proposals: ProposalsRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.addCloseStep(this);
  }

  async run(tx: Tx, context: RoundCloseContext): Promise<void> {
    if (context.round.kind !== 'SUBMISSION') return;
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
