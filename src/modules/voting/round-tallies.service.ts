import { Injectable } from '@nestjs/common';
import type { Round } from '../challenges/round.entity.js';
import type { RoundTally } from './round-tally.entity.js';
import { VotingRepository, type LiveTallyRow } from './voting.repository.js';

/** The tally of one round as stored, for features that show it (the live `tallyUpdated` subscription). */
@Injectable()
export class RoundTalliesService {
  constructor(private readonly votes: VotingRepository) {}

  async round(roundId: string): Promise<Round | null> {
    const [round] = await this.votes.roundsByIds([roundId]);
    return round ?? null;
  }

  /** The tally frozen when the round closed, by rank; empty while it is open. */
  frozen(roundId: string): Promise<RoundTally[]> {
    return this.votes.frozenTallies([roundId]);
  }

  /** Every proposal in the running with its stored votes or approvals, zero included. */
  live(roundId: string): Promise<LiveTallyRow[]> {
    return this.votes.liveTallies([roundId]);
  }
}
