import { Injectable } from '@nestjs/common';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';

/** Whether authorship of the challenge's proposals must be hidden from this viewer (per request; may use ctx loaders). */
export type HidesAuthors = (viewerId: string, challengeId: string, ctx: GraphqlContext) => Promise<boolean>;

/**
 * The one policy deciding whether `Proposal.author` and `coAuthors` are shown (RULES §6 blind evaluation).
 * Every path that reaches a Proposal (lists, single, assignments, results, subscriptions) resolves those
 * fields through ProposalFieldsResolver, which asks this policy. The evaluation feature, later in the module
 * order, plugs in the jury rule from its onModuleInit; until then authors are always shown.
 */
@Injectable()
export class AuthorVisibility {
  private hides: HidesAuthors = () => Promise.resolve(false);

  use(hides: HidesAuthors): void {
    this.hides = hides;
  }

  async visibleTo(ctx: GraphqlContext, challengeId: string): Promise<boolean> {
    if (!ctx.viewer) return true;
    return !(await this.hides(ctx.viewer.id, challengeId, ctx));
  }
}
