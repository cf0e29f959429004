import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn, UnitRoles } from '../../infrastructure/auth/access.js';
import type { Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { AddJurorArgs, DeclareConflictArgs, RemoveJurorArgs, SubmitEvaluationInput } from './dto/evaluation.inputs.js';
import { EvaluationAssignmentModel, EvaluationModel } from './dto/evaluation.model.js';
import { JuryMemberModel } from './dto/jury-member.model.js';
import { EvaluationsService } from './evaluations.service.js';
import { JuryService } from './jury.service.js';

/** Jury management and evaluation (RULES §6). Access is declared here; the rules live in the services. */
@Resolver()
export class EvaluationResolver {
  constructor(
    private readonly jury: JuryService,
    private readonly evaluations: EvaluationsService,
  ) {}

  @Mutation(() => JuryMemberModel, {
    description:
      'Agrega una cuenta existente al jurado (ADMIN o EDITOR de la unidad) hasta que cierra la evaluación. Rechaza a quien ya firmó una propuesta o votó en el reto (JUROR_CONFLICT).',
  })
  @UnitRoles(['ADMIN', 'EDITOR'], 'challenge', 'challengeId')
  addJuror(@Args() args: AddJurorArgs, @CurrentViewer() viewer: Viewer) {
    return this.jury.addJuror(viewer.id, args.challengeId, args.email, args.isChair ?? false);
  }

  @Mutation(() => Boolean, {
    description:
      'Quita a una persona del jurado (ADMIN o EDITOR de la unidad) hasta que cierra la evaluación; sus asignaciones pasan a otros jurados cuando se puede.',
  })
  @UnitRoles(['ADMIN', 'EDITOR'], 'challenge', 'challengeId')
  removeJuror(@Args() args: RemoveJurorArgs, @CurrentViewer() viewer: Viewer) {
    return this.jury.removeJuror(viewer.id, args.challengeId, args.userId);
  }

  @Mutation(() => JuryMemberModel, {
    description:
      'Declara un conflicto de interés con una propuesta (solo jurados, antes de que cierre la evaluación): se retira esa asignación y su evaluación.',
  })
  @SignedIn()
  declareConflict(@Args() args: DeclareConflictArgs, @CurrentViewer() viewer: Viewer) {
    return this.jury.declareConflict(viewer.id, args.proposalId, args.reason);
  }

  @Mutation(() => EvaluationModel, {
    description:
      'Envía (o reemplaza) la evaluación de una propuesta asignada mientras la ronda de evaluación está abierta.',
  })
  @SignedIn()
  submitEvaluation(
    @Args('input', { description: 'Calificaciones y comentario.' }) input: SubmitEvaluationInput,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.evaluations.submit(viewer.id, input);
  }

  @Query(() => [EvaluationAssignmentModel], {
    description: 'Proposals assigned to the signed-in juror in an evaluation round of this challenge.',
  })
  @SignedIn()
  myEvaluationAssignments(
    @Args('challengeId', { type: () => ID, description: 'Reto.' }) challengeId: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.evaluations.assignmentsOf(viewer.id, challengeId);
  }
}
