import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { groupBy } from '../../infrastructure/graphql/group-by.js';
import { RequestLoaders } from '../../infrastructure/graphql/request-loaders.js';
import type { ProposalModel } from '../proposals/dto/proposal.model.js';
import { ProposalsLoaders } from '../proposals/proposals.loaders.js';
import type { ChallengeResult } from './challenge-result.entity.js';
import type { ResultEntry } from './result-entry.entity.js';
import { ResultsRepository } from './results.repository.js';

export interface ResultsLoaders {
  /** Proposals as the viewer may see them: the proposals feature's loader. */
  proposal: DataLoader<string, ProposalModel | null>;
  results: DataLoader<string, ChallengeResult | null>;
  entries: DataLoader<string, ResultEntry[]>;
  entryOfProposal: DataLoader<string, ResultEntry | null>;
}

/** Per-request batching of the published results: one query per kind for a whole page of challenges or proposals. */
@Injectable()
export class ResultsLoadersProvider extends RequestLoaders<ResultsLoaders> {
  constructor(
    private readonly results: ResultsRepository,
    private readonly proposals: ProposalsLoaders,
  ) {
    super();
  }

  protected create(ctx: GraphqlContext): ResultsLoaders {
    return {
      proposal: this.proposals.for(ctx).proposal,
      results: new DataLoader(async (ids) => {
        const byId = new Map((await this.results.resultsOf(ids)).map((r) => [r.challengeId, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      entries: new DataLoader(async (ids) => groupBy(ids, await this.results.entriesOf(ids), (e) => e.challengeId)),
      entryOfProposal: new DataLoader(async (ids) => {
        const byId = new Map((await this.results.entriesOfProposals(ids)).map((e) => [e.proposalId, e]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    };
  }
}
