import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { formatCentavos, parseDecimal } from '../../common/money.js';
import { AppConfig } from '../../config/app-config.js';
import { Transactions, type Tx } from '../../infrastructure/database/transactions.js';
import { Outbox } from '../../infrastructure/outbox/outbox.js';
import type { Viewer } from '../../infrastructure/graphql/graphql-context.js';
import type { Challenge } from '../challenges/challenge.entity.js';
import { ChallengesRepository } from '../challenges/challenges.repository.js';
import { JurorCheck } from '../proposals/juror-check.js';
import { participationRefusal } from '../proposals/participation-eligibility.js';
import type { Proposal } from '../proposals/proposal.entity.js';
import { RoundClock } from '../rounds/round-clock.js';
import type { Round } from '../rounds/round.entity.js';
import { RoundsService } from '../rounds/rounds.service.js';
import { roundNotOpen } from '../rounds/rounds.errors.js';
import type { BudgetBallotModel } from './dto/budget-ballot.model.js';
import type { Vote } from './vote.entity.js';
import { VotingErrors } from './voting.errors.js';
import { VotingRepository } from './voting.repository.js';
import { currentOrLastVotingRound, distinctIds, isInRunning, openVotingRound, voteAllowance } from './voting-rules.js';
import { isUuid } from '../../common/ids.js';
import { driverError } from '../../infrastructure/database/driver-error.js';
import { wasEverSubmitted } from '../../common/public-visibility.js';

/** More approvals than any real ballot needs; bounds the work of one request. */
export const MAX_BALLOT_PROPOSALS = 500;

interface VotingContext {
  challenge: Challenge;
  round: Round;
}

/** Casting, retracting and budget ballots (RULES §5). Every refusal stores nothing: checks run before or inside the one transaction. */
@Injectable()
export class VotingService {
  constructor(
    private readonly votes: VotingRepository,
    private readonly challenges: ChallengesRepository,
    private readonly rounds: RoundsService,
    private readonly roundClock: RoundClock,
    private readonly transactions: Transactions,
    private readonly jurors: JurorCheck,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  async castVote(viewer: Viewer, proposalId: string): Promise<Vote> {
    const proposal = await this.visibleProposal(proposalId);
    const { challenge, round } = await this.openRoundFor(proposal.challengeId, viewer, 'VOTE');
    const allowance = voteAllowance(challenge.settings)!;
    try {
      return await this.transactions.run(async (tx) => {
        await this.lockOpenRound(tx, round.id);
        await this.assertInRunning(tx, proposal.id, round);
        const vote = await this.votes.insertVote(tx, {
          roundId: round.id,
          proposalId: proposal.id,
          voterId: viewer.id,
          allowed: allowance,
          createdAt: this.clock.now(),
        });
        await this.votesChanged(tx, challenge.id, round.id, viewer.id);
        return vote;
      });
    } catch (error) {
      const { code, constraint } = driverError(error);
      const single = challenge.settings.votingMethod === 'SINGLE';
      if (code === '23505' && constraint === 'votes_one_per_proposal') throw VotingErrors.alreadyVoted(single);
      if (code === '23514' && constraint === 'vote_quotas_within_allowance')
        throw single ? VotingErrors.alreadyVoted(true) : VotingErrors.limitReached(allowance);
      throw error;
    }
  }

  /** Others hear of it after commit: the voter follows the challenge and live tallies refresh (RULES §8). */
  private votesChanged(tx: Tx, challengeId: string, roundId: string, voterId: string) {
    return this.outbox.add(tx, 'votes.changed', { challengeId, roundId, voterId });
  }

  /** True when a vote was withdrawn, false when the viewer had none for this proposal in the open round. */
  async retractVote(viewer: Viewer, proposalId: string): Promise<boolean> {
    const proposal = await this.visibleProposal(proposalId);
    const { challenge, round } = await this.openRoundFor(proposal.challengeId, viewer, 'RETRACT');
    return this.transactions.run(async (tx) => {
      await this.lockOpenRound(tx, round.id);
      const retracted = await this.votes.deleteVote(tx, {
        roundId: round.id,
        proposalId: proposal.id,
        voterId: viewer.id,
      });
      if (retracted) await this.votesChanged(tx, challenge.id, round.id, viewer.id);
      return retracted;
    });
  }

  /** Replaces the viewer's whole ballot in the open BUDGET round. */
  async submitBudgetBallot(viewer: Viewer, challengeId: string, proposalIds: string[]): Promise<BudgetBallotModel> {
    if (proposalIds.some((id) => !isUuid(id)))
      throw DomainError.field('proposalIds', 'Hay identificadores de propuesta inválidos.');
    if (proposalIds.length > MAX_BALLOT_PROPOSALS) throw VotingErrors.tooManyProposals(MAX_BALLOT_PROPOSALS);
    const { ids, repeated } = distinctIds(proposalIds);
    if (repeated) throw VotingErrors.repeatedProposal();
    const { challenge, round } = await this.openRoundFor(isUuid(challengeId) ? challengeId : null, viewer, 'BALLOT');
    const voterBudget = parseDecimal(challenge.settings.voterBudget ?? challenge.budget ?? '0') ?? 0n;
    const submittedAt = this.clock.now();
    try {
      await this.transactions.run(async (tx) => {
        await this.lockOpenRound(tx, round.id);
        const proposals = await this.votes.proposalsByIds(ids, tx);
        if (
          proposals.length !== ids.length ||
          proposals.some((p) => p.challengeId !== challenge.id || !isInRunning(p, round.position))
        ) {
          throw VotingErrors.notInRunning();
        }
        const total = proposals.reduce((sum, p) => sum + (parseDecimal(p.estimatedCost ?? '0') ?? 0n), 0n);
        if (total > voterBudget) throw VotingErrors.budgetExceeded(formatCentavos(total), formatCentavos(voterBudget));
        await this.votes.replaceBallot(tx, {
          roundId: round.id,
          voterId: viewer.id,
          voterBudget: formatCentavos(voterBudget),
          totalCost: formatCentavos(total),
          submittedAt,
          proposalIds: ids,
        });
        await this.votesChanged(tx, challenge.id, round.id, viewer.id);
      });
    } catch (error) {
      const { code, constraint } = driverError(error);
      if (code === '23514' && constraint === 'budget_ballots_within_budget')
        throw VotingErrors.budgetExceeded('?', formatCentavos(voterBudget));
      throw error;
    }
    const stored = await this.votes.ballotOf(round.id, viewer.id);
    return this.ballotModel(
      stored!.ballot.roundId,
      stored!.proposalIds,
      stored!.ballot.totalCost,
      stored!.ballot.submittedAt,
    );
  }

  /** The viewer's ballot in the challenge's open or last voting round. */
  async myBudgetBallot(viewer: Viewer, challengeId: string): Promise<BudgetBallotModel | null> {
    const challenge = isUuid(challengeId) ? await this.challenges.findById(challengeId) : null;
    if (!challenge || challenge.status === 'DRAFT') return null;
    const round = currentOrLastVotingRound(await this.challenges.roundsOf([challenge.id]), this.clock.now());
    if (!round) return null;
    const stored = await this.votes.ballotOf(round.id, viewer.id);
    return stored && this.ballotModel(round.id, stored.proposalIds, stored.ballot.totalCost, stored.ballot.submittedAt);
  }

  private ballotModel(roundId: string, proposalIds: string[], totalCost: string, submittedAt: Date): BudgetBallotModel {
    return { roundId, proposalIds, totalCost: formatCentavos(parseDecimal(totalCost) ?? 0n), submittedAt };
  }

  /** Drafts are their authors' business: for voting they do not exist. */
  private async visibleProposal(proposalId: string): Promise<Proposal> {
    const proposal = isUuid(proposalId) ? await this.votes.findProposal(proposalId) : null;
    if (!proposal || !wasEverSubmitted(proposal)) throw VotingErrors.proposalNotFound();
    return proposal;
  }

  /**
   * The challenge's VOTING round open now by its dates, after checking who votes (RULES §4) and that the
   * action fits the voting method. If the dates say the round is open but the clock has not recorded it yet
   * (its job is late), the clock catches up first, so the previous round's outcome is in place.
   */
  private async openRoundFor(
    challengeId: string | null,
    viewer: Viewer,
    action: 'VOTE' | 'RETRACT' | 'BALLOT',
  ): Promise<VotingContext> {
    const [challenge, rounds, user] = await Promise.all([
      challengeId ? this.challenges.findById(challengeId) : null,
      challengeId ? this.challenges.roundsOf([challengeId]) : [],
      this.votes.findUser(viewer.id),
    ]);
    if (!challenge || challenge.status === 'DRAFT') throw VotingErrors.challengeNotFound();
    if (!user) throw DomainError.unauthenticated();
    if (action !== 'RETRACT') {
      const refusal = participationRefusal(
        {
          emailVerified: user.emailVerifiedAt !== null,
          curpVerified: user.curpVerifiedAt !== null,
          stateCode: user.stateCode,
          municipalityCode: user.municipalityCode,
        },
        challenge,
        {
          requireEmailVerification: this.config.auth.requireEmailVerification,
          isJuror: await this.jurors.isJuror(viewer.id, challenge.id),
        },
      );
      if (refusal) throw VotingErrors.notEligible(refusal);
    }
    let round = challenge.status === 'PUBLISHED' ? openVotingRound(rounds, this.clock.now()) : null;
    if (!round) throw roundNotOpen();
    const budget = challenge.settings.votingMethod === 'BUDGET';
    if (action === 'BALLOT' && !budget) throw VotingErrors.notBudgetRound();
    if (action !== 'BALLOT' && budget) throw VotingErrors.phaseMismatch();
    if (round.status === 'SCHEDULED') {
      await this.roundClock.settle(round.id);
      round = (await this.challenges.roundsOf([challenge.id])).find((r) => r.id === round!.id) ?? round;
    }
    return { challenge, round };
  }

  private async lockOpenRound(tx: Tx, roundId: string): Promise<Round> {
    const round = await this.votes.lockRoundShared(tx, roundId);
    if (!round) throw roundNotOpen();
    this.rounds.assertAcceptingActions(round);
    return round;
  }

  private async assertInRunning(tx: Tx, proposalId: string, round: Round): Promise<void> {
    const proposal = await this.votes.findProposal(proposalId, tx);
    if (!proposal || proposal.challengeId !== round.challengeId || !isInRunning(proposal, round.position))
      throw VotingErrors.notInRunning();
  }
}
