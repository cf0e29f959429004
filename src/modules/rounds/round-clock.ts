import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { Transactions, type Tx } from '../../infrastructure/database/transactions.js';
import { Outbox } from '../../infrastructure/outbox/outbox.js';
import { AuditLog } from '../audit/audit-log.js';
import { ChallengesService } from '../challenges/challenges.service.js';
import type { ReminderType } from '../challenges/round-lifecycle.js';
import { isAcceptingActions, REMINDER_LEAD_MS, reminderAt, roundsDue } from '../challenges/round-lifecycle.js';
import type { Round } from '../challenges/round.entity.js';
import { closedSummary, openedSummary, resultsSummary } from './round-audit.js';
import { RoundClosers } from './round-closers.js';
import type { RoundCloseContext } from './round-hooks.js';
import { RoundsRepository, type LockedChallenge } from './rounds.repository.js';

/** What a clock transition did; everything but `done` means "nothing changed". */
export type ClockOutcome =
  'done' | 'missing' | 'stale' | 'not-published' | 'wrong-status' | 'not-due' | 'previous-open';

/** Catch-up passes per challenge in one sweep: a few rounds, each opened then closed. */
const MAX_SWEEP_PASSES = 32;

/**
 * The round clock (RULES §3): every transition is one transaction holding the challenge's and its
 * rounds' row locks, re-reading the state under them, so jobs that run twice, late, concurrently or
 * after the schedule changed do nothing the second time.
 */
@Injectable()
export class RoundClock {
  private readonly logger = new Logger(RoundClock.name);

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly challenges: ChallengesService,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly closers: RoundClosers,
    private readonly clock: Clock,
  ) {}

  /** SCHEDULED → OPEN once opensAt passed and the previous round is CLOSED. `scheduledFor` null: the sweep. */
  openRound(roundId: string, scheduledFor: Date | null): Promise<ClockOutcome> {
    return this.withRound(roundId, async (tx, state, round) => {
      const now = this.clock.now();
      if (scheduledFor && round.opensAt.getTime() !== scheduledFor.getTime()) return 'stale';
      if (state.challenge.status !== 'PUBLISHED') return 'not-published';
      if (round.status !== 'SCHEDULED') return 'wrong-status';
      if (now < round.opensAt) return 'not-due';
      const previous = state.rounds.find((r) => r.position === round.position - 1);
      if (previous && previous.status !== 'CLOSED') return 'previous-open';
      await this.open(tx, state, round, now);
      return 'done';
    });
  }

  /**
   * OPEN → CLOSED, exactly once, with the close pipeline. The clock (actorId null) closes only once
   * closesAt passed; a unit ADMIN (closeRoundNow) closes at once. `scheduledFor` null: sweep or person.
   */
  closeRound(roundId: string, scheduledFor: Date | null, actorId: string | null): Promise<ClockOutcome> {
    return this.withRound(roundId, async (tx, state, round) => {
      const now = this.clock.now();
      if (scheduledFor && round.closesAt.getTime() !== scheduledFor.getTime()) return 'stale';
      if (state.challenge.status !== 'PUBLISHED') return 'not-published';
      if (round.status !== 'OPEN') return 'wrong-status';
      if (actorId === null && now < round.closesAt) return 'not-due';
      await this.close(tx, state, round, now, actorId);
      return 'done';
    });
  }

  /** Records the reminder event if the round still accepts actions and still closes when the reminder was computed for. */
  remind(roundId: string, type: ReminderType, closesAt: Date): Promise<ClockOutcome> {
    return this.withRound(roundId, async (tx, state, round) => {
      if (round.closesAt.getTime() !== closesAt.getTime()) return 'stale';
      if (state.challenge.status !== 'PUBLISHED') return 'not-published';
      if (!isAcceptingActions(round, this.clock.now())) return 'wrong-status';
      const eventType = type === 'EVALUATION_REMINDER' ? 'evaluation.reminder' : 'round.closing_soon';
      const payload = { challengeId: round.challengeId, roundId: round.id, closesAt: closesAt.toISOString() };
      if (await this.rounds.outboxEventExists(tx, eventType, payload)) return 'wrong-status';
      await this.outbox.add(tx, eventType, payload);
      return 'done';
    });
  }

  /** Opens and closes every round whose time has passed, in position order (roundsDue); returns how many transitions it made. */
  async sweep(): Promise<number> {
    let transitions = 0;
    for (const challengeId of await this.rounds.challengesDue(this.clock.now())) {
      try {
        transitions += await this.catchUp(challengeId);
      } catch (error) {
        this.logger.error(`Barrido del reto ${challengeId} falló: ${(error as Error).message}`);
      }
    }
    await this.remindOverdue();
    return transitions;
  }

  /** Reminder jobs lost with Redis are recreated by no one: the sweep records overdue reminders (once: `remind` dedups). */
  private async remindOverdue(): Promise<void> {
    const now = this.clock.now();
    for (const round of await this.rounds.openRoundsPastReminder(now, (kind) => REMINDER_LEAD_MS[kind])) {
      const reminder = reminderAt(round);
      if (reminder && reminder.at <= now)
        await this.remind(round.id, reminder.type, round.closesAt).catch((error: Error) =>
          this.logger.error(`Recordatorio de la ronda ${round.id} falló: ${error.message}`),
        );
    }
  }

  /**
   * After a round's job: make whatever else is due on its challenge happen now rather than at the next
   * sweep (a round published after its whole window, a close job that ran before its open job).
   */
  async settle(roundId: string): Promise<number> {
    const challengeId = await this.rounds.challengeIdOf(roundId);
    return challengeId ? this.catchUp(challengeId) : 0;
  }

  private async catchUp(challengeId: string): Promise<number> {
    let transitions = 0;
    for (let pass = 0; pass < MAX_SWEEP_PASSES; pass++) {
      const due = roundsDue(await this.rounds.roundsOf([challengeId]), this.clock.now());
      if (!due.toClose.length && !due.toOpen.length) break;
      let progressed = false;
      for (const round of due.toClose)
        progressed = (await this.closeRound(round.id, null, null)) === 'done' || progressed;
      for (const round of due.toOpen) progressed = (await this.openRound(round.id, null)) === 'done' || progressed;
      if (!progressed) break; // another worker got there first, or the challenge stopped being PUBLISHED
      transitions++;
    }
    return transitions;
  }

  private async withRound(
    roundId: string,
    work: (tx: Tx, state: LockedChallenge, round: Round) => Promise<ClockOutcome>,
  ): Promise<ClockOutcome> {
    const challengeId = await this.rounds.challengeIdOf(roundId);
    if (!challengeId) return 'missing';
    return this.transactions.run(async (tx) => {
      const state = await this.rounds.lockChallenge(tx, challengeId);
      const round = state?.rounds.find((r) => r.id === roundId);
      return state && round ? work(tx, state, round) : 'missing';
    });
  }

  private async open(tx: Tx, state: LockedChallenge, round: Round, now: Date): Promise<void> {
    await this.challenges.markRoundOpened(tx, round.id, now);
    Object.assign(round, { status: 'OPEN', openedAt: now });
    await this.audit.record(tx, {
      action: 'round.opened',
      challengeId: round.challengeId,
      actorId: null,
      summary: openedSummary(round),
      data: {
        roundId: round.id,
        position: round.position,
        kind: round.kind,
        opensAt: round.opensAt.toISOString(),
        openedAt: now.toISOString(),
      },
    });
    await this.outbox.add(tx, 'round.opened', {
      challengeId: round.challengeId,
      roundId: round.id,
      position: round.position,
      kind: round.kind,
    });
    await this.closers.openerOf(round.kind)?.open(tx, { challenge: state.challenge, rounds: state.rounds, round, now });
  }

  private async close(tx: Tx, state: LockedChallenge, round: Round, now: Date, actorId: string | null): Promise<void> {
    await this.challenges.markRoundClosed(tx, round.id, now);
    Object.assign(round, { status: 'CLOSED', closedAt: now });
    const last = state.rounds[state.rounds.length - 1];
    const context: RoundCloseContext = {
      challenge: state.challenge,
      rounds: state.rounds,
      round,
      isFinal: last.id === round.id,
      actorId,
      now,
      outcome: { advanced: [], eliminated: [], winners: [] },
    };
    await this.closers.closerOf(round.kind).close(tx, context);

    const early = now < round.closesAt;
    await this.audit.record(tx, {
      action: 'round.closed',
      challengeId: round.challengeId,
      actorId,
      summary: closedSummary(round, early),
      data: {
        roundId: round.id,
        position: round.position,
        kind: round.kind,
        closesAt: round.closesAt.toISOString(),
        closedAt: now.toISOString(),
        advanced: context.outcome.advanced.length,
        eliminated: context.outcome.eliminated.length,
      },
    });
    await this.outbox.add(tx, 'round.closed', {
      challengeId: round.challengeId,
      roundId: round.id,
      position: round.position,
      kind: round.kind,
      advanced: context.outcome.advanced,
      eliminated: context.outcome.eliminated,
    });

    if (context.isFinal) {
      await this.challenges.finish(tx, state.challenge.id, now);
      state.challenge.status = 'FINISHED';
      await this.audit.record(tx, {
        action: 'results.published',
        challengeId: state.challenge.id,
        actorId,
        summary: resultsSummary(state.challenge.title),
        data: { winners: context.outcome.winners },
      });
      await this.outbox.add(tx, 'results.published', {
        challengeId: state.challenge.id,
        winners: context.outcome.winners,
      });
      return;
    }
    const next = state.rounds.find((r) => r.position === round.position + 1);
    if (next && next.status === 'SCHEDULED' && next.opensAt <= now) await this.open(tx, state, next, now);
  }
}
