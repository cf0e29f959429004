import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { GovernmentUnitsModule } from '../government-units/government-units.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { ResultsModule } from '../results/results.module.js';
import { RoundsModule } from '../rounds/rounds.module.js';
import { BlindEvaluation } from './blind-evaluation.js';
import { EvaluationJurorCheck } from './evaluation-juror-check.js';
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
 * evaluations, closing EVALUATION rounds (EvaluationRoundCloser, which hands the final results to the results feature). Implements the proposals feature's ports
 * JurorCheck (jurors neither propose nor vote) and AuthorVisibility (BlindEvaluation), bound in src/ports.module.ts.
 */
@Module({
  imports: [IdentityModule, GovernmentUnitsModule, ChallengesModule, RoundsModule, ProposalsModule, ResultsModule],
  providers: [
    EvaluationRepository,
    JuryService,
    EvaluationsService,
    EvaluationLoadersProvider,
    EvaluationRoundCloser,
    EvaluationRoundOpener,
    EvaluationJurorCheck,
    BlindEvaluation,
    EvaluationResolver,
    ChallengeJuryResolver,
    ViewerJuryResolver,
    JuryMemberFieldsResolver,
    EvaluationFieldsResolver,
    CriterionScoreFieldsResolver,
    EvaluationAssignmentFieldsResolver,
    ProposalJuryFieldsResolver,
  ],
  exports: [JuryService, EvaluationRepository, EvaluationJurorCheck, BlindEvaluation],
})
export class EvaluationModule {}
