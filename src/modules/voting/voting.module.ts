import { Module } from '@nestjs/common';
import { BallotsExportController } from './ballots-export.controller.js';
import { BallotsExportService } from './ballots-export.service.js';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { GovernmentUnitsModule } from '../government-units/government-units.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { ResultsModule } from '../results/results.module.js';
import { RoundsModule } from '../rounds/rounds.module.js';
import { RoundTalliesService } from './round-tallies.service.js';
import { VotingProposalExtensions } from './voting-proposal-extensions.js';
import { VotingRoundCloser } from './voting-round.closer.js';
import {
  ChallengeVotingFieldsResolver,
  ProposalVotingFieldsResolver,
  RoundTallyResolver,
} from './voting-fields.resolver.js';
import { VotingLoadersProvider } from './voting.loaders.js';
import { VotingRepository } from './voting.repository.js';
import { BudgetBallotFieldsResolver, TallyEntryFieldsResolver, VotingResolver } from './voting.resolver.js';
import { VotingService } from './voting.service.js';

/**
 * Votes, budget ballots and tallies (RULES §5, §7). Its VotingRoundCloser closes VOTING rounds and, after the final
 * one, hands the results to the results feature.
 */
@Module({
  imports: [GovernmentUnitsModule, ChallengesModule, RoundsModule, ProposalsModule, ResultsModule],
  controllers: [BallotsExportController],
  providers: [
    VotingRepository,
    VotingService,
    RoundTalliesService,
    VotingLoadersProvider,
    VotingRoundCloser,
    BallotsExportService,
    VotingProposalExtensions,
    VotingResolver,
    BudgetBallotFieldsResolver,
    TallyEntryFieldsResolver,
    RoundTallyResolver,
    ProposalVotingFieldsResolver,
    ChallengeVotingFieldsResolver,
  ],
  exports: [VotingService, RoundTalliesService, VotingLoadersProvider, VotingProposalExtensions],
})
export class VotingModule {}
