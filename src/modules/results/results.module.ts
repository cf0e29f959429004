import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import {
  ChallengeResultsFieldsResolver,
  ChallengeResultsResolver,
  CriterionAverageFieldsResolver,
  ProposalResultsFieldsResolver,
  ResultEntryFieldsResolver,
} from './results-fields.resolver.js';
import { ResultsLoadersProvider } from './results.loaders.js';
import { ResultsRepository } from './results.repository.js';
import { ResultsService } from './results.service.js';

/**
 * The published results of finished challenges (RULES §7): the ranking rule (ranking.ts), storing the results once
 * (ResultsService, called by the VOTING or EVALUATION closer of the final round) and reading them (Challenge.results,
 * Proposal.rank / isWinner / juryScore).
 */
@Module({
  imports: [ChallengesModule, ProposalsModule],
  providers: [
    ResultsRepository,
    ResultsService,
    ResultsLoadersProvider,
    ChallengeResultsResolver,
    ProposalResultsFieldsResolver,
    ChallengeResultsFieldsResolver,
    ResultEntryFieldsResolver,
    CriterionAverageFieldsResolver,
  ],
  exports: [ResultsService],
})
export class ResultsModule {}
