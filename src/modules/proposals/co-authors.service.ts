import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { wasEverSubmitted } from '../../common/public-visibility.js';
import { Transactions, Tx } from '../../infrastructure/database/transactions.js';
import type { Challenge } from '../challenges/challenge.entity.js';
import type { Round } from '../challenges/round.entity.js';
import { CoAuthorInvitationsRepository, type PendingInvitationRow } from './co-author-invitations.repository.js';
import type { ProposalModel } from './dto/proposal.model.js';
import { JurorCheck } from './juror-check.js';
import { acceptsDrafts, isEditableStatus, MAX_CO_AUTHORS } from './proposal-rules.js';
import { proposalView } from './proposal-view.js';
import type { Proposal } from './proposal.entity.js';
import { ProposalErrors } from './proposals.errors.js';
import { ProposalsRepository } from './proposals.repository.js';
import { submissionRound } from './proposals.service.js';

/**
 * Co-authorship with consent (RULES §4, issue #16): the author invites by e-mail address
 * (ProposalsService.addCoAuthor, the same answer whether or not the address has an account); the invited
 * person accepts or declines (notification CO_AUTHOR_INVITED) and may leave later. Only accepted co-authors sign, are notified about
 * the proposal and are barred from the challenge's jury.
 */
@Injectable()
export class CoAuthorsService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly invitations: CoAuthorInvitationsRepository,
    private readonly jurors: JurorCheck,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The invited person signs: within the same window as editing, not as a juror, within MAX_CO_AUTHORS. */
  async accept(viewerId: string, invitationId: string): Promise<ProposalModel> {
    const found = await this.findOwn(viewerId, invitationId);
    return this.withProposal(found.proposalId, async (tx, { challenge, rounds }, proposal) => {
      const invitation = await this.invitations.lock(tx, invitationId);
      if (invitation?.status !== 'PENDING') throw ProposalErrors.invitationAnswered();
      this.assertOpenForSignatures(challenge, rounds, proposal);
      if (await this.jurors.isJuror(viewerId, challenge.id, tx)) {
        throw DomainError.forbidden(
          'Formas parte del jurado de este reto y no puedes firmar propuestas en él.',
          'JUROR_CONFLICT',
        );
      }
      if ((await this.proposals.coAuthorIds(tx, proposal.id)).length >= MAX_CO_AUTHORS)
        throw ProposalErrors.tooManyCoAuthors();
      await this.invitations.addCoAuthor(tx, proposal.id, viewerId);
      await this.invitations.respond(tx, invitationId, 'ACCEPTED', this.clock.now());
      return proposalView((await this.proposals.findById(proposal.id, tx))!, true);
    });
  }

  /** The invited person says no; the author is not told who declined. Any time while pending. */
  async decline(viewerId: string, invitationId: string): Promise<boolean> {
    await this.findOwn(viewerId, invitationId);
    return this.transactions.run(async (tx) => {
      const invitation = await this.invitations.lock(tx, invitationId);
      if (invitation?.status !== 'PENDING') throw ProposalErrors.invitationAnswered();
      await this.invitations.respond(tx, invitationId, 'DECLINED', this.clock.now());
      return true;
    });
  }

  /** A co-author takes their name off a proposal, at any time: consent can be withdrawn. */
  async leave(viewerId: string, proposalId: string): Promise<boolean> {
    return this.withProposal(proposalId, async (tx, _state, proposal) => {
      if (await this.invitations.removeCoAuthor(tx, proposal.id, viewerId)) return true;
      // Someone else's never-submitted draft answers like a missing proposal (issue #16).
      throw wasEverSubmitted(proposal) ? ProposalErrors.notCoAuthor() : ProposalErrors.notFound();
    });
  }

  pending(viewerId: string): Promise<PendingInvitationRow[]> {
    return this.invitations.pendingFor(viewerId);
  }

  /** Someone else's invitation answers exactly like a missing one. */
  private async findOwn(viewerId: string, invitationId: string) {
    const found = isUuid(invitationId) ? await this.invitations.findById(invitationId) : null;
    if (!found || found.inviteeId !== viewerId) throw ProposalErrors.invitationNotFound();
    return found;
  }

  private assertOpenForSignatures(challenge: Challenge, rounds: Round[], proposal: Proposal): void {
    if (!isEditableStatus(proposal.status)) throw ProposalErrors.notEditable();
    if (challenge.status !== 'PUBLISHED') throw ProposalErrors.challengeNotRunning();
    if (!acceptsDrafts(challenge.status, submissionRound(rounds), this.clock.now()))
      throw ProposalErrors.draftsClosed();
  }

  /** The challenge and rounds share-locked, then the proposal row, in the round clock's lock order. */
  private async withProposal<T>(
    id: string,
    work: (tx: Tx, state: { challenge: Challenge; rounds: Round[] }, proposal: Proposal) => Promise<T>,
  ): Promise<T> {
    const found = isUuid(id) ? await this.proposals.findById(id) : null;
    if (!found) throw ProposalErrors.notFound();
    return this.transactions.run(async (tx) => {
      const state = await this.proposals.lockChallengeShared(tx, found.challengeId);
      const proposal = await this.proposals.lock(tx, id);
      if (!state || !proposal) throw ProposalErrors.notFound();
      return work(tx, state, proposal);
    });
  }

  /** Account deletion: forgets the co-author invitations the person sent or received. */
  forgetInvitations(tx: Tx, userId: string): Promise<void> {
    return this.invitations.deleteAllOfUser(tx, userId);
  }

  /** Account deletion: the person stops co-authoring never-submitted proposals; submitted ones keep them. */
  leaveDrafts(tx: Tx, userId: string): Promise<void> {
    return this.invitations.removeCoAuthorFromDrafts(tx, userId);
  }
}
