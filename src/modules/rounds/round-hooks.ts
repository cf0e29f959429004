import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';
import type { Challenge } from '../challenges/challenge.entity.js';
import type { Round } from './round.entity.js';

/** What a close step sees and may fill in, inside the closing transaction (round row locked, already CLOSED). */
export interface RoundCloseContext {
  challenge: Challenge;
  /** Every round of the challenge, by position, locked. */
  rounds: Round[];
  round: Round;
  isFinal: boolean;
  /** Null when the clock closes the round; the unit ADMIN for closeRoundNow. */
  actorId: string | null;
  now: Date;
  /**
   * Proposal ids that go on / drop out, and (final round) the winners. With no proposals yet, all
   * stay empty: that is the default behaviour of the pipeline. Recorded in the round.closed and
   * results.published events.
   */
  outcome: { advanced: string[]; eliminated: string[]; winners: string[] };
}

/**
 * One step of closing a round, run in `order` inside the close transaction; a throw rolls the close back
 * (the job retries). Planned steps: freeze the round's tally/scores, rank and move proposals on
 * (`stage` = next position) or out (`eliminatedInRound`) by `advanceCount`, and on the final round
 * compute and store the results. They belong to the proposals/voting/evaluation issues.
 */
export interface RoundCloseStep {
  name: string;
  order: number;
  run(tx: Tx, context: RoundCloseContext): Promise<void>;
}

export const CLOSE_STEP_ORDER = { freezeOutcome: 100, advanceProposals: 200, computeResults: 300 } as const;

export interface RoundOpenContext {
  challenge: Challenge;
  rounds: Round[];
  round: Round;
  now: Date;
}

/** Runs inside the opening transaction, e.g. creating the jury assignments of an EVALUATION round (RULES §6). */
export interface RoundOpenHook {
  name: string;
  run(tx: Tx, context: RoundOpenContext): Promise<void>;
}

/** Where later modules plug into the round clock, from their own onModuleInit (they import RoundsModule). */
@Injectable()
export class RoundLifecycleHooks {
  private closeSteps: RoundCloseStep[] = [];
  private openHooks: RoundOpenHook[] = [];

  addCloseStep(step: RoundCloseStep): void {
    this.closeSteps = [...this.closeSteps, step].sort((a, b) => a.order - b.order);
  }

  addOpenHook(hook: RoundOpenHook): void {
    this.openHooks = [...this.openHooks, hook];
  }

  async runClose(tx: Tx, context: RoundCloseContext): Promise<void> {
    for (const step of this.closeSteps) await step.run(tx, context);
  }

  async runOpen(tx: Tx, context: RoundOpenContext): Promise<void> {
    for (const hook of this.openHooks) await hook.run(tx, context);
  }
}
