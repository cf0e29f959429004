import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestLoaders } from '../../infrastructure/graphql/request-loaders.js';
import type { Round } from './round.entity.js';
import { RoundsService } from './rounds.service.js';

/** A challenge's rounds by position, batched per request (for Challenge.rounds and currentRound). */
@Injectable()
export class RoundsLoaders extends RequestLoaders<{ byChallenge: DataLoader<string, Round[]> }> {
  constructor(private readonly rounds: RoundsService) {
    super();
  }

  protected create() {
    return {
      byChallenge: new DataLoader<string, Round[]>(async (challengeIds) => {
        const byChallenge = await this.rounds.roundsOf(challengeIds);
        return challengeIds.map((id) => byChallenge.get(id) ?? []);
      }),
    };
  }
}
