import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';

/**
 * The one policy deciding whether `Proposal.author` and `coAuthors` are shown (RULES §6 blind evaluation).
 * Every path that reaches a Proposal (lists, single, assignments, results, subscriptions) resolves those
 * fields through ProposalFieldsResolver, which asks this policy. A port: the evaluation feature, later in the
 * module order, implements the jury rule, bound in src/ports.module.ts; the app does not start without it.
 */
export abstract class AuthorVisibility {
  async visibleTo(ctx: GraphqlContext, challengeId: string): Promise<boolean> {
    if (!ctx.viewer) return true;
    return !(await this.hidesAuthors(ctx.viewer.id, challengeId, ctx));
  }

  /** Whether authorship of the challenge's proposals must be hidden from this viewer (per request; may use ctx loaders). */
  protected abstract hidesAuthors(viewerId: string, challengeId: string, ctx: GraphqlContext): Promise<boolean>;
}
