import { Injectable } from '@nestjs/common';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import { AuthorVisibility } from '../proposals/author-visibility.js';
import { EvaluationLoadersProvider } from './evaluation.loaders.js';

/** The proposals feature's AuthorVisibility port: the blind-evaluation rule (RULES §6). */
@Injectable()
export class BlindEvaluation extends AuthorVisibility {
  constructor(
    private readonly loaders: EvaluationLoadersProvider,
    private readonly challenges: ChallengesLoaders,
  ) {
    super();
  }

  /** Blind evaluation: while on and the challenge is not FINISHED, its jurors do not see who wrote what. */
  protected async hidesAuthors(_viewerId: string, challengeId: string, ctx: GraphqlContext): Promise<boolean> {
    if (!(await this.loaders.for(ctx).viewerSeat(challengeId))) return false;
    const challenge = await this.challenges.for(ctx).challenge.load(challengeId);
    return !!challenge && challenge.settings.blindEvaluation && challenge.status !== 'FINISHED';
  }
}
