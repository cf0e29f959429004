import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { GovernmentUnitsModule } from '../government-units/government-units.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RoundsModule } from '../rounds/rounds.module.js';
import { ChallengeProposalsResolver } from './challenge-proposals.resolver.js';
import { AuthorVisibility } from './author-visibility.js';
import { JurorCheck } from './juror-check.js';
import { ProposalFieldsResolver } from './proposal-fields.resolver.js';
import { ProposalListExtensions } from './proposal-list-extensions.js';
import { ProposalModerationService } from './proposal-moderation.service.js';
import './proposals.errors.js';
import { ProposalsLoaders } from './proposals.loaders.js';
import { ProposalsRepository } from './proposals.repository.js';
import { ProposalsResolver } from './proposals.resolver.js';
import { ProposalsService } from './proposals.service.js';
import { SubmissionRoundCloser } from './submission-round.closer.js';

/**
 * Proposals (RULES §4). Exports what voting and evaluation build on: the repository and loaders,
 * JurorCheck and AuthorVisibility (evaluation fills them in), ProposalListExtensions (MOST_VOTED/RANK orders, winners,
 * participants) and, as a plain file, participation-eligibility.ts.
 */
@Module({
  imports: [IdentityModule, GovernmentUnitsModule, ChallengesModule, RoundsModule],
  providers: [
    ProposalsRepository,
    ProposalsService,
    ProposalModerationService,
    ProposalsLoaders,
    JurorCheck,
    AuthorVisibility,
    ProposalListExtensions,
    SubmissionRoundCloser,
    ProposalsResolver,
    ProposalFieldsResolver,
    ChallengeProposalsResolver,
  ],
  exports: [
    ProposalsRepository,
    ProposalsService,
    ProposalsLoaders,
    JurorCheck,
    AuthorVisibility,
    ProposalListExtensions,
  ],
})
export class ProposalsModule {}
