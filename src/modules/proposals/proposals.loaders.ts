import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { RequestLoaders } from '../../infrastructure/graphql/request-loaders.js';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import { GovernmentUnitsLoaders } from '../government-units/government-units.loaders.js';
import type { PublicUserModel } from '../identity/dto/public-user.model.js';
import type { ProposalModel } from './dto/proposal.model.js';
import { ProposalListExtensions } from './proposal-list-extensions.js';
import { canSeeContent, canSeeProposal } from './proposal-rules.js';
import { proposalView } from './proposal-view.js';
import { ProposalsRepository } from './proposals.repository.js';
import { ANONYMOUS, Audience, seesModeratedContent } from './proposals.service.js';

interface Loaders {
  /** Proposals as the viewer may see them (null when hidden from them; moderated content blanked). */
  proposal: DataLoader<string, ProposalModel | null>;
  coAuthors: DataLoader<string, PublicUserModel[]>;
  proposalCount: DataLoader<string, number>;
  participantCount: DataLoader<string, number>;
  audience: () => Promise<Audience>;
}

/** Per-request batching for proposal fields and challenge counts (no N+1 over a page). */
@Injectable()
export class ProposalsLoaders extends RequestLoaders<Loaders> {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly extensions: ProposalListExtensions,
    private readonly units: GovernmentUnitsLoaders,
    private readonly challenges: ChallengesLoaders,
  ) {
    super();
  }

  protected create(ctx: GraphqlContext): Loaders {
    let audience: Promise<Audience> | null = null;
    return {
      proposal: new DataLoader((ids) => this.viewProposals(ctx, ids)),
      coAuthors: new DataLoader(async (ids) => {
        const byProposal = new Map<string, PublicUserModel[]>(ids.map((id) => [id, []]));
        for (const row of await this.proposals.coAuthorsOf(ids))
          byProposal
            .get(row.proposalId)
            ?.push({ id: row.userId, displayName: row.displayName, anonymousInPublic: row.anonymousInPublic });
        return ids.map((id) => byProposal.get(id)!);
      }),
      proposalCount: new DataLoader(async (ids) => {
        const counts = await this.proposals.countSubmitted(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      }),
      participantCount: new DataLoader(async (ids) => {
        const counts = await this.proposals.countParticipants(ids, this.extensions.participants());
        return ids.map((id) => counts.get(id) ?? 0);
      }),
      /** The viewer's reading rights, computed once per request (their unit memberships come from the units' loader). */
      audience: () => (audience ??= this.audienceOf(ctx)),
    };
  }

  private async viewProposals(ctx: GraphqlContext, ids: readonly string[]): Promise<(ProposalModel | null)[]> {
    const found = await this.proposals.findByIds(ids);
    const [audience, owners] = await Promise.all([
      this.for(ctx).audience(),
      this.challenges.for(ctx).challenge.loadMany([...new Set(found.map((p) => p.challengeId))]),
    ]);
    const unitOf = new Map(owners.flatMap((c) => (c && !(c instanceof Error) ? [[c.id, c.unitId] as const] : [])));
    const byId = new Map(
      found.map((p) => {
        const reader = {
          isAuthor: p.authorId === audience.viewerId,
          isModeratorOrStaff: seesModeratedContent(audience, unitOf.get(p.challengeId) ?? ''),
        };
        return [p.id, canSeeProposal(p, reader) ? proposalView(p, canSeeContent(p, reader)) : null];
      }),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }

  private async audienceOf(ctx: GraphqlContext): Promise<Audience> {
    const viewer = ctx.viewer;
    if (!viewer) return ANONYMOUS;
    const moderator = viewer.platformRole === 'MODERATOR' || viewer.platformRole === 'ADMIN';
    const unitIds = moderator ? [] : (await this.units.for(ctx).membershipsOfUser.load(viewer.id)).map((m) => m.unitId);
    return { viewerId: viewer.id, moderator, unitIds };
  }
}
