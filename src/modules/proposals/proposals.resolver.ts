import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, PlatformRoles, SignedIn, UnitRoles } from '../../infrastructure/auth/access.js';
import type { GraphqlContext, Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import {
  CreateProposalInput,
  ModerateProposalArgs,
  ProposalIdArgs,
  UpdateProposalArgs,
} from './dto/proposal.inputs.js';
import { ProposalModel } from './dto/proposal.model.js';
import { ProposalModerationService } from './proposal-moderation.service.js';
import { ProposalsLoaders } from './proposals.loaders.js';
import { ProposalsService } from './proposals.service.js';

@Resolver(() => ProposalModel)
export class ProposalsResolver {
  constructor(
    private readonly service: ProposalsService,
    private readonly moderation: ProposalModerationService,
    private readonly loaders: ProposalsLoaders,
    private readonly challenges: ChallengesLoaders,
  ) {}

  @Query(() => ProposalModel, {
    nullable: true,
    description:
      'Una propuesta; null si no existe o es un borrador ajeno. Ocultas y no elegibles: el público ve solo título y motivo.',
  })
  async proposal(
    @Args('id', { type: () => ID, description: 'Identificador.' }) id: string,
    @Context() ctx: GraphqlContext,
  ) {
    return this.service.findVisible(await this.loaders.for(ctx).audience(), id, (challengeId) =>
      this.challenges.for(ctx).challenge.load(challengeId),
    );
  }

  @Mutation(() => ProposalModel, {
    description: 'Crea un borrador (reto publicado, hasta que cierre la ronda de propuestas; cuenta elegible).',
  })
  @SignedIn()
  createProposal(
    @Args('input', { description: 'La propuesta.' }) input: CreateProposalInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.service.create(viewer.id, input);
  }

  @Mutation(() => ProposalModel, {
    description: 'Edita una propuesta (autora, autor o coautorías) hasta que cierra la ronda de propuestas.',
  })
  @SignedIn()
  updateProposal(@Args() args: UpdateProposalArgs, @CurrentViewer() viewer: Viewer) {
    return this.service.update(viewer.id, args.id, args.input);
  }

  @Mutation(() => ProposalModel, {
    description:
      'Envía un borrador (su autora o autor), solo mientras la ronda de propuestas está abierta según sus fechas.',
  })
  @SignedIn()
  submitProposal(@Args() args: ProposalIdArgs, @CurrentViewer() viewer: Viewer) {
    return this.service.submit(viewer.id, args.id);
  }

  @Mutation(() => ProposalModel, {
    description: 'Retira una propuesta (su autora o autor) antes de que el reto termine; sale de la competencia.',
  })
  @SignedIn()
  withdrawProposal(@Args() args: ProposalIdArgs, @CurrentViewer() viewer: Viewer) {
    return this.service.withdraw(viewer.id, args.id);
  }

  @Mutation(() => ProposalModel, {
    description: 'Oculta una propuesta con motivo público (moderación o administración de la plataforma).',
  })
  @PlatformRoles('MODERATOR', 'ADMIN')
  hideProposal(@Args() args: ModerateProposalArgs, @CurrentViewer() viewer: Viewer) {
    return this.moderation.hide(viewer.id, args.id, args.reason);
  }

  @Mutation(() => ProposalModel, {
    description: 'Vuelve a mostrar una propuesta oculta (moderación o administración de la plataforma).',
  })
  @PlatformRoles('MODERATOR', 'ADMIN')
  unhideProposal(@Args() args: ProposalIdArgs, @CurrentViewer() viewer: Viewer) {
    return this.moderation.unhide(viewer.id, args.id);
  }

  @Mutation(() => ProposalModel, {
    description:
      'Declara no elegible una propuesta enviada, con motivo público (ADMIN o EDITOR de la unidad del reto).',
  })
  @UnitRoles(['ADMIN', 'EDITOR'], 'proposal', 'id')
  markProposalIneligible(@Args() args: ModerateProposalArgs, @CurrentViewer() viewer: Viewer) {
    return this.moderation.markIneligible(viewer.id, args.id, args.reason);
  }
}
