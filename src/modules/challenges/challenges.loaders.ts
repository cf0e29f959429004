import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestLoaders } from '../../infrastructure/graphql/request-loaders.js';
import { Round } from './round.entity.js';
import { Challenge } from './challenge.entity.js';
import { ChallengesRepository } from './challenges.repository.js';
import { Criterion } from './criterion.entity.js';
import { groupBy } from '../../infrastructure/graphql/group-by.js';

interface Loaders {
  challenge: DataLoader<string, Challenge | null>;
  rounds: DataLoader<string, Round[]>;
  criteria: DataLoader<string, Criterion[]>;
}

@Injectable()
export class ChallengesLoaders extends RequestLoaders<Loaders> {
  constructor(private readonly challenges: ChallengesRepository) {
    super();
  }

  protected create(): Loaders {
    return {
      challenge: new DataLoader(async (ids) => {
        const byId = new Map((await this.challenges.findByIds(ids)).map((c) => [c.id, c]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      rounds: new DataLoader(async (ids) => groupBy(ids, await this.challenges.roundsOf(ids), (r) => r.challengeId)),
      criteria: new DataLoader(async (ids) =>
        groupBy(ids, await this.challenges.criteriaOf(ids, null), (c) => c.challengeId),
      ),
    };
  }
}
