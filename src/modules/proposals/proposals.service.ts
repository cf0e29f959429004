import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { parseDecimal } from '../../common/money.js';
import type { Connection } from '../../common/pagination.js';
import { AppConfig } from '../../config/app-config.js';
import { Transactions, Tx } from '../../infrastructure/database/transactions.js';
import { Outbox } from '../../infrastructure/outbox/outbox.js';
import type { Challenge } from '../challenges/challenge.entity.js';
import type { Round } from '../challenges/round.entity.js';
import { UsersService } from '../identity/users.service.js';
import type { CreateProposalInput, UpdateProposalInput } from './dto/proposal.inputs.js';
import type { ProposalFilter, ProposalOrder } from './dto/proposal-list.args.js';
import type { ProposalModel } from './dto/proposal.model.js';
import { JurorCheck } from './juror-check.js';
import { participationRefusal } from './participation-eligibility.js';
import { decodeProposalCursor, encodeProposalCursor, randomSeed } from './proposal-cursor.js';
import { ProposalListExtensions } from './proposal-list-extensions.js';
import {
  acceptsDrafts,
  acceptsSubmissions,
  canSeeContent,
  canSeeProposal,
  canWithdraw,
  costProblem,
  isEditableStatus,
  MAX_CO_AUTHORS,
  MODERATED_STATUSES,
  SubmissionRound,
} from './proposal-rules.js';
import { proposalView } from './proposal-view.js';
import type { Proposal } from './proposal.entity.js';
import { ProposalErrors } from './proposals.errors.js';
import { CoAuthorInvitationsRepository } from './co-author-invitations.repository.js';
import { INVITATION_WINDOW_MS, invitationRecipient, withinInvitationQuota } from './co-author-rules.js';
import { ProposalPatch, ProposalQuery, ProposalsRepository } from './proposals.repository.js';
import { isUuid } from '../../common/ids.js';
import { wasEverSubmitted } from '../../common/public-visibility.js';

/** Who is reading: the viewer, whether they moderate the platform, and the units they are staff of. */
export interface Audience {
  viewerId: string | null;
  /** Platform MODERATOR or ADMIN. */
  moderator: boolean;
  unitIds: readonly string[];
}

export const ANONYMOUS: Audience = { viewerId: null, moderator: false, unitIds: [] };

export function seesModeratedContent(audience: Audience, unitId: string): boolean {
  return audience.moderator || audience.unitIds.includes(unitId);
}

/** The challenge's SUBMISSION round (RULES §3: the first one, the only one of that kind). */
export function submissionRound(rounds: Round[]): SubmissionRound {
  const round = rounds.find((r) => r.kind === 'SUBMISSION');
  if (!round) throw new Error('Un reto publicado siempre tiene una ronda de propuestas.');
  return round;
}

function centavos(amount: string | null | undefined): bigint | null {
  if (amount == null) return null;
  const value = parseDecimal(amount);
  if (value === null) throw DomainError.field('estimatedCost', 'El costo estimado no es un importe válido.');
  return value;
}

@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly invitations: CoAuthorInvitationsRepository,
    private readonly users: UsersService,
    private readonly jurors: JurorCheck,
    private readonly extensions: ProposalListExtensions,
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A proposal as `audience` may see it: null when it does not exist or is someone else's unsubmitted draft. */
  async findVisible(
    audience: Audience,
    id: string,
    challenge: (id: string) => Promise<Pick<Challenge, 'unitId'> | null>,
  ): Promise<ProposalModel | null> {
    if (!isUuid(id)) return null;
    const proposal = await this.proposals.findById(id);
    if (!proposal) return null;
    const isAuthor = audience.viewerId !== null && (await this.proposals.authoredBy(audience.viewerId, [id])).has(id);
    const owner = await challenge(proposal.challengeId);
    const reader = { isAuthor, isModeratorOrStaff: owner !== null && seesModeratedContent(audience, owner.unitId) };
    return canSeeProposal(proposal, reader) ? proposalView(proposal, canSeeContent(proposal, reader)) : null;
  }

  /** Challenge.proposals. Statuses default to SUBMITTED; unsubmitted ones only ever reach their authors (see ProposalFilter). */
  async list(
    audience: Audience,
    challenge: Pick<Challenge, 'id' | 'unitId'>,
    filter: ProposalFilter,
    orderBy: ProposalOrder,
    page: { first: number; after?: string | null },
  ): Promise<Connection<ProposalModel>> {
    const cursor = decodeProposalCursor(page.after);
    const staff = seesModeratedContent(audience, challenge.unitId);
    const seed = orderBy === 'RANDOM' ? (cursor.seed ?? randomSeed(audience.viewerId, this.clock.now())) : null;
    const extension = orderBy === 'MOST_VOTED' || orderBy === 'RANK' ? this.extensions.ordering(orderBy) : undefined;
    const order: ProposalQuery['order'] = seed
      ? { kind: 'RANDOM', seed }
      : extension
        ? { kind: 'EXTENSION', apply: extension }
        : { kind: 'NEWEST' };
    const winners = filter.winnersOnly ? this.extensions.winners() : null;
    const [rows, total] = await this.proposals.list({
      challengeId: challenge.id,
      statuses: filter.statuses?.length ? [...new Set(filter.statuses)] : ['SUBMITTED'],
      search: filter.search || null,
      minStage: filter.stage ?? null,
      winners,
      viewerId: audience.viewerId,
      seesModeratedContent: staff,
      order,
      offset: cursor.offset,
      limit: page.first + 1,
    });
    const moderated = rows.filter((p) => MODERATED_STATUSES.includes(p.status)).map((p) => p.id);
    const own =
      audience.viewerId && !staff && moderated.length
        ? await this.proposals.authoredBy(audience.viewerId, moderated)
        : new Set<string>();
    const nodes = rows
      .slice(0, page.first)
      .map((p) => proposalView(p, canSeeContent(p, { isAuthor: own.has(p.id), isModeratorOrStaff: staff })));
    const edges = nodes.map((node, i) => ({ cursor: encodeProposalCursor(cursor.offset + i, seed), node }));
    return {
      edges,
      nodes,
      pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: total,
    };
  }

  /** A draft, from publication until the SUBMISSION round closes, by an eligible account (RULES §4). */
  async create(viewerId: string, input: CreateProposalInput): Promise<ProposalModel> {
    const cost = centavos(input.estimatedCost);
    return this.transactions.run(async (tx) => {
      const state = await this.proposals.lockChallengeShared(tx, input.challengeId);
      if (!state || state.challenge.status === 'DRAFT') throw ProposalErrors.challengeNotFound();
      const { challenge, rounds } = state;
      if (challenge.status !== 'PUBLISHED') throw ProposalErrors.challengeNotRunning();
      await this.assertMayTakePart(tx, viewerId, challenge);
      if (!acceptsDrafts(challenge.status, submissionRound(rounds), this.clock.now()))
        throw ProposalErrors.draftsClosed();
      this.assertCost(cost, challenge, false);
      const proposal = await this.proposals.insert(tx, {
        challengeId: challenge.id,
        authorId: viewerId,
        title: input.title,
        summary: input.summary,
        body: input.body,
        estimatedCost: input.estimatedCost ?? null,
        latitude: input.location?.latitude ?? null,
        longitude: input.location?.longitude ?? null,
        links: input.links ?? [],
      });
      return proposalView((await this.proposals.findById(proposal.id, tx))!, true);
    });
  }

  /** Author and co-authors edit a draft or submitted proposal until the SUBMISSION round closes; then the text is frozen. */
  async update(viewerId: string, id: string, input: UpdateProposalInput): Promise<ProposalModel> {
    return this.withProposal(viewerId, id, async (tx, { challenge, rounds }, proposal) => {
      const coAuthors = await this.proposals.coAuthorIds(tx, id);
      if (proposal.authorId !== viewerId && !coAuthors.includes(viewerId)) throw ProposalErrors.notAuthorOrCoAuthor();
      if (!isEditableStatus(proposal.status)) throw ProposalErrors.notEditable();
      if (challenge.status !== 'PUBLISHED') throw ProposalErrors.challengeNotRunning();
      if (!acceptsDrafts(challenge.status, submissionRound(rounds), this.clock.now()))
        throw ProposalErrors.draftsClosed();
      const patch: ProposalPatch = {
        ...(input.title != null && { title: input.title }),
        ...(input.summary != null && { summary: input.summary }),
        ...(input.body != null && { body: input.body }),
        ...(input.links != null && { links: input.links }),
        ...(input.estimatedCost !== undefined && { estimatedCost: input.estimatedCost }),
        ...(input.location !== undefined && {
          latitude: input.location?.latitude ?? null,
          longitude: input.location?.longitude ?? null,
        }),
      };
      const cost = input.estimatedCost !== undefined ? centavos(input.estimatedCost) : centavos(proposal.estimatedCost);
      this.assertCost(cost, challenge, proposal.status === 'SUBMITTED' && challenge.settings.votingMethod === 'BUDGET');
      if (Object.keys(patch).length) await this.proposals.update(tx, id, patch);
      return proposalView((await this.proposals.findById(id, tx))!, true);
    });
  }

  /** DRAFT → SUBMITTED, by the author, only while the SUBMISSION round is open by its dates. */
  async submit(viewerId: string, id: string): Promise<ProposalModel> {
    return this.withProposal(viewerId, id, async (tx, { challenge, rounds }, proposal) => {
      if (proposal.authorId !== viewerId) throw ProposalErrors.notAuthor();
      if (proposal.status !== 'DRAFT') throw ProposalErrors.notADraft();
      if (challenge.status !== 'PUBLISHED') throw ProposalErrors.challengeNotRunning();
      await this.assertMayTakePart(tx, viewerId, challenge);
      const now = this.clock.now();
      if (!acceptsSubmissions(challenge.status, submissionRound(rounds), now)) throw ProposalErrors.submissionsClosed();
      this.assertCost(centavos(proposal.estimatedCost), challenge, challenge.settings.votingMethod === 'BUDGET');
      await this.proposals.update(tx, id, { status: 'SUBMITTED', submittedAt: now });
      await this.outbox.add(tx, 'proposal.submitted', {
        proposalId: id,
        challengeId: challenge.id,
        authorIds: [proposal.authorId, ...(await this.proposals.coAuthorIds(tx, id))],
      });
      return proposalView((await this.proposals.findById(id, tx))!, true);
    });
  }

  /** The author takes a draft or a proposal in the running out, any time before the challenge is FINISHED. */
  async withdraw(viewerId: string, id: string): Promise<ProposalModel> {
    return this.withProposal(viewerId, id, async (tx, { challenge }, proposal) => {
      if (proposal.authorId !== viewerId) throw ProposalErrors.notAuthor();
      if (!canWithdraw(proposal.status, challenge.status)) throw ProposalErrors.notWithdrawable();
      await this.proposals.update(tx, id, { status: 'WITHDRAWN' });
      return proposalView((await this.proposals.findById(id, tx))!, true);
    });
  }

  /**
   * `addCoAuthor`: records an invitation (and its notification through the outbox) while the text may
   * still change. Whoever the address belongs to, or nobody, the author sees the proposal unchanged; the
   * proposal's row lock serialises invitations to it and an advisory lock the inviter's daily quota.
   */
  async addCoAuthor(viewerId: string, proposalId: string, email: string): Promise<ProposalModel> {
    return this.withProposal(viewerId, proposalId, async (tx, { challenge, rounds }, proposal) => {
      if (proposal.authorId !== viewerId) throw ProposalErrors.notAuthor();
      if (!isEditableStatus(proposal.status)) throw ProposalErrors.notEditable();
      if (challenge.status !== 'PUBLISHED') throw ProposalErrors.challengeNotRunning();
      if (!acceptsDrafts(challenge.status, submissionRound(rounds), this.clock.now()))
        throw ProposalErrors.draftsClosed();
      const coAuthorIds = await this.proposals.coAuthorIds(tx, proposal.id);
      if (coAuthorIds.length >= MAX_CO_AUTHORS) throw ProposalErrors.tooManyCoAuthors();
      const now = this.clock.now();
      await this.invitations.lockInviter(tx, viewerId);
      const sent = await this.invitations.countSentSince(tx, viewerId, new Date(now.getTime() - INVITATION_WINDOW_MS));
      if (!withinInvitationQuota(sent)) throw ProposalErrors.invitationQuota();
      const user = await this.users.findByEmail(email, tx);
      if (user?.id === viewerId) throw ProposalErrors.selfCoAuthor();
      const inviteeId = invitationRecipient(user && { id: user.id, emailVerified: user.emailVerifiedAt !== null }, {
        requireEmailVerification: this.config.auth.requireEmailVerification,
        authorId: proposal.authorId,
        coAuthorIds,
        pendingInviteeIds: await this.invitations.pendingInviteeIds(tx, proposal.id),
        isJuror: user !== null && (await this.jurors.isJuror(user.id, challenge.id, tx)),
      });
      const invitationId = await this.invitations.insert(tx, {
        proposalId: proposal.id,
        inviterId: viewerId,
        inviteeId,
        createdAt: now,
      });
      // Written whoever is invited (an empty audience notifies nobody): the same work either way.
      await this.outbox.add(tx, 'co_author.invited', {
        invitationId,
        proposalId: proposal.id,
        challengeId: challenge.id,
        inviteeIds: inviteeId ? [inviteeId] : [],
      });
      return proposalView(proposal, true);
    });
  }

  private async signs(tx: Tx, proposal: Proposal, viewerId: string): Promise<boolean> {
    return proposal.authorId === viewerId || (await this.proposals.coAuthorIds(tx, proposal.id)).includes(viewerId);
  }

  /** FORBIDDEN with the reason of participationRefusal (RULES §4). */
  private async assertMayTakePart(tx: Tx, userId: string, challenge: Challenge): Promise<void> {
    const user = await this.users.findById(userId, tx);
    if (!user) throw DomainError.unauthenticated();
    const refusal = participationRefusal(
      {
        emailVerified: user.emailVerifiedAt !== null,
        curpVerified: user.curpVerifiedAt !== null,
        stateCode: user.stateCode,
        municipalityCode: user.municipalityCode,
      },
      {
        settings: challenge.settings,
        level: challenge.level,
        stateCode: challenge.stateCode,
        municipalityCode: challenge.municipalityCode,
      },
      {
        requireEmailVerification: this.config.auth.requireEmailVerification,
        isJuror: await this.jurors.isJuror(userId, challenge.id, tx),
      },
    );
    if (refusal) throw DomainError.forbidden(refusal.message, refusal.reason);
  }

  private assertCost(cost: bigint | null, challenge: Challenge, required: boolean): void {
    const problem = costProblem(cost, challenge.budget === null ? null : parseDecimal(challenge.budget), required);
    if (problem) throw DomainError.badInput([problem]);
  }

  /**
   * Runs `work` with the proposal's challenge and rounds share-locked and then the proposal row locked,
   * in the round clock's lock order, so a round close never interleaves with a proposal change.
   */
  private async withProposal<T>(
    viewerId: string,
    id: string,
    work: (tx: Tx, state: { challenge: Challenge; rounds: Round[] }, proposal: Proposal) => Promise<T>,
  ): Promise<T> {
    const found = isUuid(id) ? await this.proposals.findById(id) : null;
    if (!found) throw ProposalErrors.notFound();
    return this.transactions.run(async (tx) => {
      const state = await this.proposals.lockChallengeShared(tx, found.challengeId);
      const proposal = await this.proposals.lock(tx, id);
      if (!state || !proposal) throw ProposalErrors.notFound();
      // Someone else's never-submitted draft answers like a missing proposal: its id reveals nothing (issue #16).
      if (!wasEverSubmitted(proposal) && !(await this.signs(tx, proposal, viewerId))) throw ProposalErrors.notFound();
      return work(tx, state, proposal);
    });
  }

  /** Account deletion: the person's never-submitted drafts are private work and go; submitted proposals stay. */
  dropDrafts(tx: Tx, userId: string): Promise<void> {
    return this.proposals.deleteDraftsOf(tx, userId);
  }
}
