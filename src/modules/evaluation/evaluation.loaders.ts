import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { GraphqlContext } from '../../infrastructure/graphql/graphql-context.js';
import { RequestLoaders } from '../../infrastructure/graphql/request-loaders.js';
import { ChallengesLoaders } from '../challenges/challenges.loaders.js';
import { GovernmentUnitsLoaders } from '../government-units/government-units.loaders.js';
import type { Proposal } from '../proposals/proposal.entity.js';
import type { Evaluation } from './evaluation.entity.js';
import { EvaluationRepository } from './evaluation.repository.js';
import type { JuryConflict } from './jury-conflict.entity.js';
import type { JuryMember } from './jury-member.entity.js';
import { groupBy } from '../../infrastructure/graphql/group-by.js';

export interface EvaluationLoaders {
  jury: DataLoader<string, JuryMember[]>;
  juror: DataLoader<string, JuryMember | null>;
  membershipsOfUser: DataLoader<string, JuryMember[]>;
  conflicts: DataLoader<string, JuryConflict[]>;
  evaluationsOfProposal: DataLoader<string, Evaluation[]>;
  proposal: DataLoader<string, Proposal | null>;
  /** Per juror (by membership id): assigned and evaluated counts. */
  progress: DataLoader<string, { assigned: number; evaluated: number }>;
  /** The viewer's jury seat in a challenge, or null. */
  viewerSeat: (challengeId: string) => Promise<JuryMember | null>;
  /** Whether the viewer is a platform ADMIN or the ADMIN/EDITOR of the unit running the challenge. */
  viewerIsStaff: (challengeId: string) => Promise<boolean>;
}

/** Per-request batching of jury reads (no N+1 over lists of proposals or jurors). */
@Injectable()
export class EvaluationLoadersProvider extends RequestLoaders<EvaluationLoaders> {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly challenges: ChallengesLoaders,
    private readonly units: GovernmentUnitsLoaders,
  ) {
    super();
  }

  protected create(ctx: GraphqlContext): EvaluationLoaders {
    const viewer = ctx.viewer;
    const membershipsOfUser = new DataLoader<string, JuryMember[]>(async (ids) =>
      groupBy(ids, await this.repo.membershipsOfUsers(ids), (j) => j.userId),
    );
    return {
      jury: new DataLoader(async (ids) => groupBy(ids, await this.repo.jurorsOf(ids), (j) => j.challengeId)),
      juror: new DataLoader(async (ids) => {
        const byId = new Map((await this.repo.jurorsByIds(ids)).map((j) => [j.id, j]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      membershipsOfUser,
      conflicts: new DataLoader(async (ids) => groupBy(ids, await this.repo.conflictsOfJurors(ids), (c) => c.jurorId)),
      evaluationsOfProposal: new DataLoader(async (ids) =>
        groupBy(ids, await this.repo.evaluationsOfProposals(ids), (e) => e.proposalId),
      ),
      proposal: new DataLoader(async (ids) => {
        const byId = new Map((await this.repo.proposalsByIds(ids)).map((p) => [p.id, p]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      progress: new DataLoader(async (ids) => {
        const byJuror = new Map((await this.repo.progressOfJurors(ids)).map((p) => [p.jurorId, p]));
        return ids.map((id) => {
          const found = byJuror.get(id);
          return { assigned: found?.assigned ?? 0, evaluated: found?.evaluated ?? 0 };
        });
      }),
      viewerSeat: async (challengeId) => {
        if (!viewer) return null;
        return (await membershipsOfUser.load(viewer.id)).find((j) => j.challengeId === challengeId) ?? null;
      },
      viewerIsStaff: async (challengeId) => {
        if (!viewer) return false;
        if (viewer.platformRole === 'ADMIN') return true;
        const challenge = await this.challenges.for(ctx).challenge.load(challengeId);
        if (!challenge) return false;
        const memberships = await this.units.for(ctx).membershipsOfUser.load(viewer.id);
        return memberships.some((m) => m.unitId === challenge.unitId && (m.role === 'ADMIN' || m.role === 'EDITOR'));
      },
    };
  }
}
