import { Injectable } from '@nestjs/common';
import { Transactions } from '../../infrastructure/database/transactions.js';
import type { OutboxEvents } from '../../infrastructure/outbox/outbox-events.js';
import { FollowsService } from './follows.service.js';
import { TallyPublisher } from './live/tally-publisher.js';

/** After a vote commits: the voter follows the challenge (RULES §8) and the round's live tally refreshes. */
@Injectable()
export class VotesChangedHandler {
  constructor(
    private readonly follows: FollowsService,
    private readonly tallies: TallyPublisher,
    private readonly transactions: Transactions,
  ) {}

  async handle(event: OutboxEvents['votes.changed']): Promise<void> {
    await this.transactions.run((tx) => this.follows.followInTx(tx, event.voterId, event.challengeId));
    await this.tallies.votesChanged(event.roundId);
  }
}
