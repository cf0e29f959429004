import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { RequestLoaders } from '../../infrastructure/graphql/request-loaders.js';
import { FollowsRepository } from './follows.repository.js';

interface Loaders {
  /** Whether the viewer follows the challenge: one query for a whole list. */
  followsChallenge: DataLoader<string, boolean>;
}

@Injectable()
export class FollowsLoaders extends RequestLoaders<Loaders> {
  constructor(private readonly follows: FollowsRepository) {
    super();
  }

  protected create(ctx: GraphqlContext): Loaders {
    const viewerId = ctx.viewer?.id ?? null;
    return {
      followsChallenge: new DataLoader(async (ids) => {
        if (!viewerId) return ids.map(() => false);
        const followed = await this.follows.followedChallenges(viewerId, ids);
        return ids.map((id) => followed.has(id));
      }),
    };
  }
}
