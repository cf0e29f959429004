import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxSubscriptions } from '../../infrastructure/outbox/outbox-subscriptions.js';
import { roundScheduleJobs } from './round-jobs.js';
import { RoundsRepository } from './rounds.repository.js';

/** Turns publications and reschedules into the rounds' delayed open, close and reminder jobs. */
@Injectable()
export class RoundJobsSubscriber implements OnModuleInit {
  constructor(
    private readonly subscriptions: OutboxSubscriptions,
    private readonly rounds: RoundsRepository,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe('challenge.published', async ({ payload }) => {
      const kinds = await this.rounds.kindsOf(payload.rounds.map((r) => r.roundId));
      return payload.rounds.flatMap((r) =>
        roundScheduleJobs({
          id: r.roundId,
          kind: kinds.get(r.roundId) ?? null,
          opensAt: new Date(r.opensAt),
          closesAt: new Date(r.closesAt),
        }),
      );
    });
    this.subscriptions.subscribe('round.rescheduled', async ({ payload }) => {
      const kinds = await this.rounds.kindsOf([payload.roundId]);
      return roundScheduleJobs({
        id: payload.roundId,
        kind: kinds.get(payload.roundId) ?? null,
        opensAt: new Date(payload.opensAt),
        closesAt: new Date(payload.closesAt),
      });
    });
  }
}
