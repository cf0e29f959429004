import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error.js';
import { Transactions, type Tx } from '../../infrastructure/database/transactions.js';
import { ChallengeCategoryEnum } from '../challenges/dto/enums.js';
import { FollowsRepository, type FollowRow } from './follows.repository.js';
import type { FollowTargetType } from './notification-types.js';
import { isUuid, UUID_PATTERN } from '../../common/ids.js';

const FORMAT: Record<FollowTargetType, RegExp> = {
  CHALLENGE: UUID_PATTERN,
  UNIT: UUID_PATTERN,
  CATEGORY: /^[A-Z_]{2,40}$/,
  STATE: /^\d{2}$/,
  MUNICIPALITY: /^\d{5}$/,
};

/**
 * Follows (RULES §8): citizens follow challenges, units, categories, states and municipalities; fan-out reads them.
 * Submitting a proposal makes its authors follow the challenge (the `proposal.submitted` subscriber); voting does
 * the same through `followInTx`, which the voting service calls inside its own transaction.
 */
@Injectable()
export class FollowsService {
  constructor(
    private readonly follows: FollowsRepository,
    private readonly transactions: Transactions,
  ) {}

  async follow(userId: string, targetType: FollowTargetType, rawTargetId: string): Promise<FollowRow> {
    const targetId = await this.validTarget(targetType, rawTargetId);
    return this.transactions.run((tx) => this.follows.add(tx, userId, targetType, targetId));
  }

  async unfollow(userId: string, targetType: FollowTargetType, rawTargetId: string): Promise<boolean> {
    const targetId = rawTargetId.trim();
    return this.transactions.run((tx) =>
      this.follows.remove(tx, userId, targetType, targetType === 'CATEGORY' ? targetId : targetId.toLowerCase()),
    );
  }

  myFollows(userId: string): Promise<FollowRow[]> {
    return this.follows.ofUser(userId);
  }

  /** Makes `userId` follow the challenge within the caller's transaction (idempotent). For voting: call it where the vote is stored. */
  followInTx(tx: Tx, userId: string, challengeId: string): Promise<void> {
    return this.follows.addChallengeFollowers(tx, [userId], challengeId);
  }

  /** Same, for several people at once (the authors and co-authors of a submitted proposal). */
  followManyInTx(tx: Tx, userIds: string[], challengeId: string): Promise<void> {
    return this.follows.addChallengeFollowers(tx, userIds, challengeId);
  }

  private async validTarget(targetType: FollowTargetType, raw: string): Promise<string> {
    const targetId = isUuid(raw.trim()) ? raw.trim().toLowerCase() : raw.trim();
    const exists =
      FORMAT[targetType].test(targetId) &&
      (targetType === 'CATEGORY'
        ? Object.hasOwn(ChallengeCategoryEnum, targetId)
        : await this.follows.targetExists(targetType, targetId));
    if (!exists) throw DomainError.field('targetId', 'No existe nada que seguir con ese identificador.');
    return targetId;
  }

  /** Account deletion: the person follows nothing any more. */
  forgetFollower(tx: Tx, userId: string): Promise<void> {
    return this.follows.deleteAllOfUser(tx, userId);
  }
}
