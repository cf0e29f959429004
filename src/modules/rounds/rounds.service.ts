import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { Transactions } from '../../infrastructure/database/transactions.js';
import { Outbox } from '../../infrastructure/outbox/outbox.js';
import { AuditLog } from '../audit/audit-log.js';
import { ChallengesService } from '../challenges/challenges.service.js';
import { isAcceptingActions, rescheduleViolations, type RoundState } from '../challenges/round-lifecycle.js';
import type { Round } from '../challenges/round.entity.js';
import { rescheduledSummary } from './round-audit.js';
import { RoundClock } from './round-clock.js';
import {
  challengeNotPublished,
  rescheduleError,
  roundNotFound,
  roundNotOpen,
  roundNotOpenToClose,
} from './rounds.errors.js';
import { RoundsRepository } from './rounds.repository.js';
import { isUuid } from '../../common/ids.js';

@Injectable()
export class RoundsService {
  constructor(
    private readonly rounds: RoundsRepository,
    private readonly challenges: ChallengesService,
    private readonly transactions: Transactions,
    private readonly roundClock: RoundClock,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async findById(roundId: string): Promise<Round | null> {
    return isUuid(roundId) ? this.rounds.findById(roundId) : null;
  }

  /** For proposals, votes and evaluations: the dates decide (RULES §3), whether or not the clock's jobs have run. */
  assertAcceptingActions(round: Pick<RoundState, 'status' | 'opensAt' | 'closesAt'>): void {
    if (!isAcceptingActions(round, this.clock.now())) throw roundNotOpen();
  }

  /** Moves a round's dates (unit ADMIN). The relay then queues jobs for the new dates; the old ones find themselves stale. */
  async reschedule(roundId: string, change: { opensAt?: Date; closesAt: Date }, actorId: string): Promise<Round> {
    const challengeId = isUuid(roundId) ? await this.rounds.challengeIdOf(roundId) : null;
    if (!challengeId) throw roundNotFound();
    return this.transactions.run(async (tx) => {
      const state = await this.rounds.lockChallenge(tx, challengeId);
      const round = state?.rounds.find((r) => r.id === roundId);
      if (!state || !round) throw roundNotFound();
      if (state.challenge.status !== 'PUBLISHED') throw challengeNotPublished();
      const violations = rescheduleViolations(state.rounds, roundId, change, this.clock.now());
      if (violations.length) throw rescheduleError(violations);

      const from = { opensAt: round.opensAt, closesAt: round.closesAt };
      const to = { opensAt: change.opensAt ?? round.opensAt, closesAt: change.closesAt };
      await this.challenges.moveRound(tx, round.id, to);
      await this.audit.record(tx, {
        action: 'round.rescheduled',
        challengeId,
        actorId,
        summary: rescheduledSummary(round, from, to),
        data: {
          roundId: round.id,
          position: round.position,
          from: { opensAt: from.opensAt.toISOString(), closesAt: from.closesAt.toISOString() },
          to: { opensAt: to.opensAt.toISOString(), closesAt: to.closesAt.toISOString() },
        },
      });
      await this.outbox.add(tx, 'round.rescheduled', {
        challengeId,
        roundId: round.id,
        opensAt: to.opensAt.toISOString(),
        closesAt: to.closesAt.toISOString(),
      });
      return Object.assign(round, to);
    });
  }

  /** Closes an OPEN round at once, in this request (unit ADMIN); the returned round is CLOSED. */
  async closeNow(roundId: string, actorId: string): Promise<Round> {
    if (!isUuid(roundId)) throw roundNotFound();
    const outcome = await this.roundClock.closeRound(roundId, null, actorId);
    if (outcome === 'missing') throw roundNotFound();
    // Not OPEN (scheduled, already closed, challenge not published): nothing to close.
    if (outcome !== 'done') throw roundNotOpenToClose();
    const round = await this.rounds.findById(roundId);
    if (!round) throw roundNotFound();
    return round;
  }
}
