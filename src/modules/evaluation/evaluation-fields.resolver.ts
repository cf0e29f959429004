import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import { ChallengeModel } from '../challenges/dto/challenge.model.js';
import { EvaluationCriterionModel } from '../challenges/dto/evaluation-criterion.model.js';
import { PublicUserModel } from '../identity/dto/public-user.model.js';
import { ViewerModel } from '../identity/dto/viewer.model.js';
import { UsersLoaders } from '../identity/users.loaders.js';
import { ProposalModel } from '../proposals/dto/proposal.model.js';
import type { Proposal } from '../proposals/proposal.entity.js';
import { proposalView } from '../proposals/proposal-view.js';
import { CriterionScoreModel, EvaluationAssignmentModel, EvaluationModel } from './dto/evaluation.model.js';
import { JurorProgressModel } from './dto/juror-progress.model.js';
import { JuryMemberModel } from './dto/jury-member.model.js';
import { EvaluationLoadersProvider } from './evaluation.loaders.js';
import { wasEverSubmitted } from '../../common/public-visibility.js';

/** Jurors and evaluations see the full proposal (they judge its content). */
const asModel = (proposal: Proposal | null): ProposalModel | null => (proposal ? proposalView(proposal, true) : null);

@Resolver(() => ChallengeModel)
export class ChallengeJuryResolver {
  constructor(private readonly loaders: EvaluationLoadersProvider) {}

  @ResolveField(() => [JuryMemberModel], {
    description: 'El jurado del reto, en el orden en que se integró. Público: solo nombres.',
  })
  jury(@Parent() challenge: ChallengeModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).jury.load(challenge.id);
  }
}

@Resolver(() => ViewerModel)
export class ViewerJuryResolver {
  constructor(private readonly loaders: EvaluationLoadersProvider) {}

  @ResolveField(() => [JuryMemberModel], { description: 'Los jurados de retos de los que formas parte.' })
  juryMemberships(@Parent() viewer: ViewerModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).membershipsOfUser.load(viewer.id);
  }
}

@Resolver(() => JuryMemberModel)
export class JuryMemberFieldsResolver {
  constructor(
    private readonly loaders: EvaluationLoadersProvider,
    private readonly users: UsersLoaders,
    private readonly challenges: ChallengesLoaders,
  ) {}

  @ResolveField(() => PublicUserModel, { description: 'La persona (solo su nombre público).' })
  user(@Parent() juror: JuryMemberModel, @Context() ctx: GraphqlContext) {
    return this.users.for(ctx).publicUser.load(juror.userId);
  }

  @ResolveField(() => ChallengeModel, { description: 'El reto que evalúa.' })
  challenge(@Parent() juror: JuryMemberModel, @Context() ctx: GraphqlContext) {
    return this.challenges.for(ctx).challenge.load(juror.challengeId);
  }

  @ResolveField(() => [ProposalModel], {
    description: 'Proposals this juror declared a conflict of interest on. Visible to the juror and the unit.',
  })
  async conflicts(@Parent() juror: JuryMemberModel, @Context() ctx: GraphqlContext): Promise<ProposalModel[]> {
    const loaders = this.loaders.for(ctx);
    const allowed = ctx.viewer?.id === juror.userId || (await loaders.viewerIsStaff(juror.challengeId));
    if (!allowed) return [];
    const conflicts = await loaders.conflicts.load(juror.id);
    const proposals = await Promise.all(conflicts.map((c) => loaders.proposal.load(c.proposalId)));
    return proposals.map(asModel).filter((p): p is ProposalModel => p !== null);
  }

  @ResolveField(() => JurorProgressModel, {
    nullable: true,
    description:
      'Avance de sus evaluaciones (solo conteos, nunca calificaciones). Lo ven el personal ADMIN y EDITOR de la unidad del reto y la administración de la plataforma; null para los demás.',
  })
  async progress(@Parent() juror: JuryMemberModel, @Context() ctx: GraphqlContext): Promise<JurorProgressModel | null> {
    const loaders = this.loaders.for(ctx);
    if (!(await loaders.viewerIsStaff(juror.challengeId))) return null;
    return loaders.progress.load(juror.id);
  }
}

@Resolver(() => EvaluationModel)
export class EvaluationFieldsResolver {
  constructor(private readonly loaders: EvaluationLoadersProvider) {}

  @ResolveField(() => ProposalModel, { description: 'La propuesta evaluada.' })
  async proposal(@Parent() evaluation: EvaluationModel, @Context() ctx: GraphqlContext) {
    return asModel(await this.loaders.for(ctx).proposal.load(evaluation.proposalId));
  }

  @ResolveField(() => JuryMemberModel, { description: 'Quién evaluó.' })
  juror(@Parent() evaluation: EvaluationModel, @Context() ctx: GraphqlContext) {
    return this.loaders.for(ctx).juror.load(evaluation.jurorId);
  }

  @ResolveField(() => [CriterionScoreModel], {
    description: 'Una calificación por criterio, en el orden de los criterios del reto.',
  })
  async scores(@Parent() evaluation: EvaluationModel, @Context() ctx: GraphqlContext): Promise<CriterionScoreModel[]> {
    const proposal = await this.loaders.for(ctx).proposal.load(evaluation.proposalId);
    return evaluation.scores.map((s) => ({ ...s, challengeId: proposal?.challengeId ?? '' }));
  }
}

@Resolver(() => CriterionScoreModel)
export class CriterionScoreFieldsResolver {
  constructor(private readonly challenges: ChallengesLoaders) {}

  @ResolveField(() => EvaluationCriterionModel, { description: 'El criterio calificado.' })
  async criterion(@Parent() score: CriterionScoreModel, @Context() ctx: GraphqlContext) {
    return (await this.challenges.for(ctx).criteria.load(score.challengeId)).find((c) => c.id === score.criterionId);
  }
}

@Resolver(() => EvaluationAssignmentModel)
export class EvaluationAssignmentFieldsResolver {
  constructor(private readonly loaders: EvaluationLoadersProvider) {}

  @ResolveField(() => ProposalModel, { description: 'La propuesta asignada.' })
  async proposal(@Parent() assignment: EvaluationAssignmentModel, @Context() ctx: GraphqlContext) {
    return asModel(await this.loaders.for(ctx).proposal.load(assignment.proposalId));
  }
}

/** Proposal.evaluations (jurors: their own; unit staff: all, once the round closed). The published juryScore is the results feature's. */
@Resolver(() => ProposalModel)
export class ProposalJuryFieldsResolver {
  constructor(
    private readonly loaders: EvaluationLoadersProvider,
    private readonly challenges: ChallengesLoaders,
  ) {}

  @ResolveField(() => [EvaluationModel], {
    description:
      'Evaluaciones del jurado: cada jurado ve solo las suyas; ADMIN y EDITOR de la unidad ven todas las de rondas ya cerradas; vacío para los demás (el público las ve anónimas en los resultados).',
  })
  async evaluations(@Parent() proposal: ProposalModel, @Context() ctx: GraphqlContext): Promise<EvaluationModel[]> {
    if (!ctx.viewer || !wasEverSubmitted(proposal)) return [];
    const loaders = this.loaders.for(ctx);
    const [seat, staff] = await Promise.all([
      loaders.viewerSeat(proposal.challengeId),
      loaders.viewerIsStaff(proposal.challengeId),
    ]);
    if (!seat && !staff) return [];
    const evaluations = await loaders.evaluationsOfProposal.load(proposal.id);
    const closed = new Set(
      (await this.challenges.for(ctx).rounds.load(proposal.challengeId))
        .filter((r) => r.status === 'CLOSED')
        .map((r) => r.id),
    );
    return evaluations.filter((e) => e.jurorId === seat?.id || (staff && closed.has(e.roundId)));
  }
}
