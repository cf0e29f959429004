import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { GovernmentUnitsModule } from '../government-units/government-units.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RoundsModule } from '../rounds/rounds.module.js';
import { ChallengeProposalsResolver } from './challenge-proposals.resolver.js';
import { CoAuthorInvitationsRepository } from './co-author-invitations.repository.js';
import { CoAuthorsResolver } from './co-authors.resolver.js';
import { CoAuthorsService } from './co-authors.service.js';
import { ProposalFieldsResolver } from './proposal-fields.resolver.js';
import { ProposalModerationService } from './proposal-moderation.service.js';
import { ProposalsLoaders } from './proposals.loaders.js';
import { ProposalsRepository } from './proposals.repository.js';
import { ProposalsResolver } from './proposals.resolver.js';
import { ProposalsService } from './proposals.service.js';
import { SubmissionRoundCloser } from './submission-round.closer.js';
import { ProposalStages } from './proposal-stages.js';

/**
 * Proposals (RULES §4). Exports what results, voting, evaluation and privacy build on: its services and loaders,
 * and, as plain files, participation-eligibility.ts and its ports JurorCheck, AuthorVisibility (evaluation
 * implements them) and ProposalListExtensions (voting does), bound in src/ports.module.ts.
 */
@Module({
  imports: [IdentityModule, GovernmentUnitsModule, ChallengesModule, RoundsModule],
  providers: [
    ProposalStages,
    ProposalsRepository,
    ProposalsService,
    ProposalModerationService,
    ProposalsLoaders,
    SubmissionRoundCloser,
    ProposalsResolver,
    ProposalFieldsResolver,
    ChallengeProposalsResolver,
    CoAuthorInvitationsRepository,
    CoAuthorsService,
    CoAuthorsResolver,
  ],
  exports: [ProposalsService, CoAuthorsService, ProposalsLoaders, ProposalStages],
})
export class ProposalsModule {}
