import { Global, Module } from '@nestjs/common';
import { BlindEvaluation } from './modules/evaluation/blind-evaluation.js';
import { EvaluationJurorCheck } from './modules/evaluation/evaluation-juror-check.js';
import { EvaluationModule } from './modules/evaluation/evaluation.module.js';
import { AuthorVisibility } from './modules/proposals/author-visibility.js';
import { JurorCheck } from './modules/proposals/juror-check.js';
import { ProposalListExtensions } from './modules/proposals/proposal-list-extensions.js';
import { VotingProposalExtensions } from './modules/voting/voting-proposal-extensions.js';
import { VotingModule } from './modules/voting/voting.module.js';

/**
 * The one place where a feature's port (an abstract class it depends on) is bound to the later feature that
 * implements it. A port left unbound is a dependency Nest cannot resolve: the process refuses to start.
 */
@Global()
@Module({
  imports: [VotingModule, EvaluationModule],
  providers: [
    { provide: JurorCheck, useExisting: EvaluationJurorCheck },
    { provide: AuthorVisibility, useExisting: BlindEvaluation },
    { provide: ProposalListExtensions, useExisting: VotingProposalExtensions },
  ],
  exports: [JurorCheck, AuthorVisibility, ProposalListExtensions],
})
export class PortsModule {}
