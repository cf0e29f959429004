import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn } from '../../infrastructure/auth/access.js';
import type { Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { CoAuthorsService } from './co-authors.service.js';
import { CoAuthorInvitationModel } from './dto/co-author-invitation.model.js';
import { AddCoAuthorArgs } from './dto/proposal.inputs.js';
import { ProposalModel } from './dto/proposal.model.js';
import { ProposalsService } from './proposals.service.js';

/** Co-authorship by invitation (RULES §4, issue #16). */
@Resolver(() => CoAuthorInvitationModel)
export class CoAuthorsResolver {
  constructor(
    private readonly service: CoAuthorsService,
    private readonly proposals: ProposalsService,
  ) {}

  @Mutation(() => ProposalModel, {
    description:
      'Invita a firmar la propuesta como coautora o coautor (su autora o autor), hasta que cierra la ronda de propuestas. Si existe una cuenta verificada con ese correo, le enviaremos la invitación; la respuesta es la misma exista o no. Firma solo quien acepta (máximo 5); hasta 20 invitaciones cada 24 horas.',
  })
  @SignedIn()
  addCoAuthor(@Args() args: AddCoAuthorArgs, @CurrentViewer() viewer: Viewer) {
    return this.proposals.addCoAuthor(viewer.id, args.proposalId, args.email);
  }

  @Query(() => [CoAuthorInvitationModel], {
    description: 'Mis invitaciones pendientes a firmar propuestas, la más reciente primero.',
  })
  @SignedIn()
  myCoAuthorInvitations(@CurrentViewer() viewer: Viewer) {
    return this.service.pending(viewer.id);
  }

  @Mutation(() => ProposalModel, {
    description: 'Acepta una invitación a firmar una propuesta; desde ese momento firmas como coautora o coautor.',
  })
  @SignedIn()
  acceptCoAuthorInvitation(
    @Args('invitationId', { type: () => ID, description: 'La invitación.' }) invitationId: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.service.accept(viewer.id, invitationId);
  }

  @Mutation(() => Boolean, { description: 'Rechaza una invitación a firmar una propuesta.' })
  @SignedIn()
  declineCoAuthorInvitation(
    @Args('invitationId', { type: () => ID, description: 'La invitación.' }) invitationId: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.service.decline(viewer.id, invitationId);
  }

  @Mutation(() => Boolean, {
    description: 'Deja de firmar una propuesta como coautora o coautor, en cualquier momento.',
  })
  @SignedIn()
  leaveProposal(
    @Args('proposalId', { type: () => ID, description: 'La propuesta.' }) proposalId: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.service.leave(viewer.id, proposalId);
  }
}
