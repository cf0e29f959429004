import { Module, OnModuleInit } from '@nestjs/common';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { GovernmentUnitsModule } from '../government-units/government-units.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { AuthorVisibility } from '../proposals/author-visibility.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { RoundsModule } from '../rounds/rounds.module.js';
import { VotingModule } from '../voting/voting.module.js';
import { EvaluationRoundCloser } from './evaluation-round.closer.js';
import { EvaluationRoundOpener } from './evaluation-round.opener.js';
import {
  ChallengeJuryResolver,
  CriterionScoreFieldsResolver,
  EvaluationAssignmentFieldsResolver,
  EvaluationFieldsResolver,
  JuryMemberFieldsResolver,
  ProposalJuryFieldsResolver,
  ViewerJuryResolver,
} from './evaluation-fields.resolver.js';
import { EvaluationLoadersProvider } from './evaluation.loaders.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { EvaluationResolver } from './evaluation.resolver.js';
import { EvaluationsService } from './evaluations.service.js';
import { JuryService } from './jury.service.js';

/**
 * Jury evaluation (RULES §6, §7): jurors, conflicts, assignments (EvaluationRoundOpener),
 * evaluations, closing EVALUATION rounds (EvaluationRoundCloser) and results. Fills in the proposals feature's JurorCheck
 * (jurors neither propose nor vote) and AuthorVisibility (blind evaluation).
 */
@Module({
  imports: [IdentityModule, GovernmentUnitsModule, ChallengesModule, RoundsModule, ProposalsModule, VotingModule],
  providers: [
    EvaluationRepository,
    JuryService,
    EvaluationsService,
    EvaluationLoadersProvider,
    EvaluationRoundCloser,
    EvaluationRoundOpener,
    EvaluationResolver,
    ChallengeJuryResolver,
    ViewerJuryResolver,
    JuryMemberFieldsResolver,
    EvaluationFieldsResolver,
    CriterionScoreFieldsResolver,
    EvaluationAssignmentFieldsResolver,
    ProposalJuryFieldsResolver,
  ],
  exports: [JuryService, EvaluationRepository],
})
export class EvaluationModule implements OnModuleInit {
  constructor(
    private readonly authors: AuthorVisibility,
    private readonly loaders: EvaluationLoadersProvider,
    private readonly challenges: ChallengesLoaders,
  ) {}

  /** Blind evaluation: while on and the challenge is not FINISHED, its jurors do not see who wrote what. */
  onModuleInit(): void {
    this.authors.use(async (_viewerId, challengeId, ctx) => {
      if (!(await this.loaders.for(ctx).viewerSeat(challengeId))) return false;
      const challenge = await this.challenges.for(ctx).challenge.load(challengeId);
      return !!challenge && challenge.settings.blindEvaluation && challenge.status !== 'FINISHED';
    });
  }
}
