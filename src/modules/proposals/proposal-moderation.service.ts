import { Injectable } from '@nestjs/common';
import { Transactions, Tx } from '../../infrastructure/database/transactions.js';
import { Outbox } from '../../infrastructure/outbox/outbox.js';
import { AuditLog } from '../audit/audit-log.js';
import type { ProposalModel } from './dto/proposal.model.js';
import { proposalView } from './proposal-view.js';
import type { Proposal } from './proposal.entity.js';
import { ProposalErrors } from './proposals.errors.js';
import { ProposalsRepository } from './proposals.repository.js';
import { isUuid } from '../../common/ids.js';
import { wasEverSubmitted } from '../../common/public-visibility.js';

/**
 * Hiding (platform MODERATOR/ADMIN) and declaring ineligible (the unit's ADMIN/EDITOR), RULES §4:
 * reason required, audited and recorded in the outbox for the authors' notification, in one transaction.
 * Moderated proposals leave the running (their status is no longer SUBMITTED).
 */
@Injectable()
export class ProposalModerationService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  /** SUBMITTED or WITHDRAWN → HIDDEN, remembering which, for unhiding. */
  hide(actorId: string, id: string, reason: string): Promise<ProposalModel> {
    return this.withProposal(id, async (tx, proposal) => {
      if (proposal.status !== 'SUBMITTED' && proposal.status !== 'WITHDRAWN') throw ProposalErrors.cannotHide();
      await this.proposals.update(tx, id, {
        status: 'HIDDEN',
        hiddenFromStatus: proposal.status,
        moderationReason: reason,
      });
      await this.audit.record(tx, {
        action: 'proposal.hidden',
        challengeId: proposal.challengeId,
        actorId,
        summary: `Se ocultó la propuesta «${proposal.title}». Motivo: ${reason}`,
        data: { proposalId: id, reason },
      });
      await this.outbox.add(tx, 'proposal.hidden', {
        proposalId: id,
        challengeId: proposal.challengeId,
        authorIds: await this.authorIds(tx, proposal),
        reason,
      });
    });
  }

  /** HIDDEN → the status it had before; the moderation reason goes away with it. */
  unhide(actorId: string, id: string): Promise<ProposalModel> {
    return this.withProposal(id, async (tx, proposal) => {
      if (proposal.status !== 'HIDDEN') throw ProposalErrors.notHidden();
      await this.proposals.update(tx, id, {
        status: proposal.hiddenFromStatus ?? 'SUBMITTED',
        hiddenFromStatus: null,
        moderationReason: null,
      });
      await this.audit.record(tx, {
        action: 'proposal.unhidden',
        challengeId: proposal.challengeId,
        actorId,
        summary: `Se volvió a mostrar la propuesta «${proposal.title}».`,
        data: { proposalId: id },
      });
      await this.outbox.add(tx, 'proposal.unhidden', {
        proposalId: id,
        challengeId: proposal.challengeId,
        authorIds: await this.authorIds(tx, proposal),
      });
    });
  }

  /** SUBMITTED → INELIGIBLE while the challenge runs (its results are not rewritten afterwards). */
  markIneligible(actorId: string, id: string, reason: string): Promise<ProposalModel> {
    return this.withProposal(id, async (tx, proposal, challengeStatus) => {
      if (proposal.status !== 'SUBMITTED' || challengeStatus !== 'PUBLISHED')
        throw ProposalErrors.cannotMarkIneligible();
      await this.proposals.update(tx, id, { status: 'INELIGIBLE', moderationReason: reason });
      await this.audit.record(tx, {
        action: 'proposal.ineligible',
        challengeId: proposal.challengeId,
        actorId,
        summary: `Se declaró no elegible la propuesta «${proposal.title}». Motivo: ${reason}`,
        data: { proposalId: id, reason },
      });
      await this.outbox.add(tx, 'proposal.ineligible', {
        proposalId: id,
        challengeId: proposal.challengeId,
        authorIds: await this.authorIds(tx, proposal),
        reason,
      });
    });
  }

  private async authorIds(tx: Tx, proposal: Proposal): Promise<string[]> {
    return [proposal.authorId, ...(await this.proposals.coAuthorIds(tx, proposal.id))];
  }

  /**
   * Same lock order as authoring and the round clock: challenge, rounds, then the proposal. Returns the full
   * proposal to the moderator. A proposal never submitted (a draft, or a draft withdrawn) is private to its
   * authors: moderating it answers exactly as a missing id does.
   */
  private async withProposal(
    id: string,
    work: (tx: Tx, proposal: Proposal, challengeStatus: string) => Promise<void>,
  ): Promise<ProposalModel> {
    const found = isUuid(id) ? await this.proposals.findById(id) : null;
    if (!found || !wasEverSubmitted(found)) throw ProposalErrors.notFound();
    return this.transactions.run(async (tx) => {
      const state = await this.proposals.lockChallengeShared(tx, found.challengeId);
      const proposal = await this.proposals.lock(tx, id);
      if (!state || !proposal || !wasEverSubmitted(proposal)) throw ProposalErrors.notFound();
      await work(tx, proposal, state.challenge.status);
      return proposalView((await this.proposals.findById(id, tx))!, true);
    });
  }
}
