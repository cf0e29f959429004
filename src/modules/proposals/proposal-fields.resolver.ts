import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock } from '../../common/clock.js';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { ChallengeModel } from '../challenges/dto/challenge.model.js';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import { PublicUserModel } from '../identity/dto/public-user.model.js';
import { UsersLoaders } from '../identity/users.loaders.js';
import { GeoPointModel, ProposalModel } from './dto/proposal.model.js';
import { AuthorVisibility } from './author-visibility.js';
import { acceptsDrafts, isEditableStatus } from './proposal-rules.js';
import { ProposalsLoaders } from './proposals.loaders.js';
import { seesModeratedContent, submissionRound } from './proposals.service.js';

/** How a person who chose anonymity appears to the public (issue #8); the id is per proposal, so nothing links their proposals. */
export const ANONYMOUS_NAME = 'Anónimo';

@Resolver(() => ProposalModel)
export class ProposalFieldsResolver {
  constructor(
    private readonly loaders: ProposalsLoaders,
    private readonly challenges: ChallengesLoaders,
    private readonly users: UsersLoaders,
    private readonly clock: Clock,
    private readonly authors: AuthorVisibility,
  ) {}

  @ResolveField(() => ChallengeModel, { description: 'El reto al que responde.' })
  challenge(@Parent() proposal: ProposalModel, @Context() ctx: GraphqlContext) {
    return this.challenges.for(ctx).challenge.load(proposal.challengeId);
  }

  /** The one place that decides who the author is shown to: AuthorVisibility (blind evaluation). */
  @ResolveField(() => PublicUserModel, {
    nullable: true,
    description: 'Null for jurors of a blind evaluation until results are published.',
  })
  async author(@Parent() proposal: ProposalModel, @Context() ctx: GraphqlContext) {
    if (!(await this.authors.visibleTo(ctx, proposal.challengeId))) return null;
    const author = await this.users.for(ctx).publicUser.load(proposal.authorId);
    if (!author) return null;
    return (await this.seesNames(proposal, ctx, [author])) ? author : masked(author, `anonimo-${proposal.id}-0`);
  }

  @ResolveField(() => [PublicUserModel], {
    description:
      'Coautorías, en el orden en que se añadieron; vacío para el jurado de una evaluación ciega hasta que se publican los resultados.',
  })
  async coAuthors(@Parent() proposal: ProposalModel, @Context() ctx: GraphqlContext) {
    if (!(await this.authors.visibleTo(ctx, proposal.challengeId))) return [];
    const coAuthors = await this.loaders.for(ctx).coAuthors.load(proposal.id);
    if (await this.seesNames(proposal, ctx, coAuthors)) return coAuthors;
    return coAuthors.map((user, i) => masked(user, `anonimo-${proposal.id}-${i + 1}`));
  }

  /**
   * Whether names of people who chose «Anónimo» are shown as they are: to the people themselves and, for
   * the platform's moderators and admins and the challenge unit's staff, always. Asks nothing when no one
   * in `users` chose anonymity.
   */
  private async seesNames(proposal: ProposalModel, ctx: GraphqlContext, users: PublicUserModel[]): Promise<boolean> {
    if (!users.some((u) => u.anonymousInPublic)) return true;
    const viewer = ctx.viewer;
    if (!viewer) return false;
    if (users.every((u) => !u.anonymousInPublic || u.id === viewer.id)) return true;
    const [audience, challenge] = await Promise.all([
      this.loaders.for(ctx).audience(),
      this.challenges.for(ctx).challenge.load(proposal.challengeId),
    ]);
    return challenge !== null && seesModeratedContent(audience, challenge.unitId);
  }

  @ResolveField(() => GeoPointModel, {
    nullable: true,
    description: 'Ubicación, si la tiene (y si quien consulta puede ver el contenido).',
  })
  location(@Parent() proposal: ProposalModel): GeoPointModel | null {
    return proposal.latitude === null || proposal.longitude === null
      ? null
      : { latitude: proposal.latitude, longitude: proposal.longitude };
  }

  @ResolveField(() => Boolean, {
    description:
      'Si quien consulta (autora, autor o coautoría) aún puede editar el texto: hasta que cierra la ronda de propuestas.',
  })
  async viewerCanEdit(@Parent() proposal: ProposalModel, @Context() ctx: GraphqlContext) {
    const viewer = ctx.viewer;
    if (!viewer || !isEditableStatus(proposal.status)) return false;
    const signs =
      proposal.authorId === viewer.id ||
      (await this.loaders.for(ctx).coAuthors.load(proposal.id)).some((u) => u.id === viewer.id);
    if (!signs) return false;
    const loaders = this.challenges.for(ctx);
    const [challenge, rounds] = await Promise.all([
      loaders.challenge.load(proposal.challengeId),
      loaders.rounds.load(proposal.challengeId),
    ]);
    return challenge !== null && acceptsDrafts(challenge.status, submissionRound(rounds), this.clock.now());
  }
}

function masked(user: PublicUserModel, id: string): PublicUserModel {
  return user.anonymousInPublic ? { id, displayName: ANONYMOUS_NAME } : user;
}
