import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { formatCentavos, parseDecimal } from '../../common/money.js';
import { AppConfig } from '../../config/app-config.js';
import type { Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { JUROR_REFUSAL, participationRefusal, type ParticipantFacts } from '../proposals/participation-eligibility.js';
import { RoundClock } from '../rounds/round-clock.js';
import { roundNotOpen } from '../rounds/rounds.errors.js';
import type { BudgetBallotModel } from './dto/budget-ballot.model.js';
import type { Vote } from './vote.entity.js';
import { ProposalContexts } from './proposal-contexts.js';
import { VotingErrors } from './voting.errors.js';
import {
  VotingRepository,
  type LoadedChallenge,
  type ProposalInChallenge,
  type VotingChallenge,
} from './voting.repository.js';
import {
  ballotRefusal,
  ballotSettingsOf,
  currentOrLastVotingRound,
  distinctIds,
  openVotingRound,
  voteAllowance,
  type BallotRefusal,
  type VotingRoundState,
} from './voting-rules.js';
import { isUuid } from '../../common/ids.js';
import { driverError } from '../../infrastructure/database/driver-error.js';
import { wasEverSubmitted } from '../../common/public-visibility.js';

/** More approvals than any real ballot needs; bounds the work of one request. */
export const MAX_BALLOT_PROPOSALS = 500;

interface VotingContext {
  challenge: VotingChallenge;
  round: VotingRoundState;
}

/** Casting, retracting and budget ballots (RULES §5). Every refusal stores nothing: checks run before or inside the one transaction. */
@Injectable()
export class VotingService {
  private readonly contexts = new ProposalContexts();

  constructor(
    private readonly votes: VotingRepository,
    private readonly roundClock: RoundClock,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * One reading of the clock decides that the round is open and stamps the vote (issue #19): a vote accepted
   * before closesAt is never recorded after it, and the database refuses a stamp outside the round's window.
   */
  async castVote(viewer: Viewer, proposalId: string): Promise<Vote> {
    const now = this.clock.now();
    return this.onProposal(proposalId, viewer, now, (context) => this.cast(viewer, context, now));
  }

  /** True when a vote was withdrawn, false when the viewer had none for this proposal in the open round. */
  async retractVote(viewer: Viewer, proposalId: string): Promise<boolean> {
    const now = this.clock.now();
    return this.onProposal(proposalId, viewer, now, (context) => this.retract(viewer, context, now));
  }

  /**
   * Runs `act` on the proposal's context as last read in this process when there is one (ProposalContexts), and
   * on a fresh read otherwise or when that attempt was refused: every refusal is decided on fresh data.
   */
  private async onProposal<T>(
    proposalId: string,
    viewer: Viewer,
    now: Date,
    act: (context: ProposalInChallenge) => Promise<T>,
  ): Promise<T> {
    const cached = this.contexts.get(proposalId);
    if (cached && openVotingRound(cached.rounds, now)?.status === 'OPEN') {
      try {
        return await act({ ...cached, viewerIsJuror: false }); // the vote's statement checks the jury
      } catch {
        // decided again below
      }
    }
    const { viewerIsJuror, ...context } = await this.visibleProposal(proposalId, viewer.id);
    const result = await act({ ...context, viewerIsJuror });
    if (openVotingRound(context.rounds, now)?.status === 'OPEN') this.contexts.remember(context);
    return result;
  }

  private async cast(viewer: Viewer, loaded: ProposalInChallenge, now: Date) {
    const { proposal } = loaded;
    const { challenge, round } = await this.openRoundFor(proposal.challengeId, viewer, 'VOTE', now, loaded);
    const allowance = voteAllowance(challenge.settings)!;
    try {
      const vote = await this.votes.insertVote(
        { roundId: round.id, proposalId: proposal.id, voterId: viewer.id, allowed: allowance, createdAt: now },
        { challengeId: challenge.id, roundId: round.id, voterId: viewer.id },
      );
      if (vote === 'round-not-open') throw roundNotOpen();
      if (vote === 'juror') throw VotingErrors.notEligible(JUROR_REFUSAL);
      if (vote === 'not-in-running') throw VotingErrors.notInRunning();
      return vote;
    } catch (error) {
      const { code, constraint } = driverError(error);
      const single = challenge.settings.votingMethod === 'SINGLE';
      if (code === '23505' && constraint === 'votes_one_per_proposal') throw VotingErrors.alreadyVoted(single);
      if (code === '23514' && constraint === 'vote_quotas_within_allowance')
        throw single ? VotingErrors.alreadyVoted(true) : VotingErrors.limitReached(allowance);
      if (code === '23514' && constraint === 'votes_stamped_within_round') throw roundNotOpen();
      throw error;
    }
  }

  private async retract(viewer: Viewer, loaded: ProposalInChallenge, now: Date) {
    const { proposal } = loaded;
    const { challenge, round } = await this.openRoundFor(proposal.challengeId, viewer, 'RETRACT', now, loaded);
    const retracted = await this.votes.deleteVote(
      { roundId: round.id, proposalId: proposal.id, voterId: viewer.id, now },
      { challengeId: challenge.id, roundId: round.id, voterId: viewer.id },
    );
    if (retracted === 'round-not-open') throw roundNotOpen();
    return retracted;
  }

  /** Replaces the viewer's whole ballot in the open BUDGET round. */
  async submitBudgetBallot(viewer: Viewer, challengeId: string, proposalIds: string[]): Promise<BudgetBallotModel> {
    if (proposalIds.some((id) => !isUuid(id)))
      throw DomainError.field('proposalIds', 'Hay identificadores de propuesta inválidos.');
    if (proposalIds.length > MAX_BALLOT_PROPOSALS) throw VotingErrors.tooManyProposals(MAX_BALLOT_PROPOSALS);
    const { ids, repeated } = distinctIds(proposalIds);
    if (repeated) throw VotingErrors.repeatedProposal();
    const submittedAt = this.clock.now(); // decides and stamps, as in castVote
    const { challenge, round } = await this.openRoundFor(
      isUuid(challengeId) ? challengeId : null,
      viewer,
      'BALLOT',
      submittedAt,
    );
    const limits = ballotSettingsOf(challenge.settings);
    const event = { challengeId: challenge.id, roundId: round.id, voterId: viewer.id };
    try {
      const ballot = await this.votes.submitBallot(
        {
          roundId: round.id,
          voterId: viewer.id,
          voterBudget: limits.voterBudget === null ? null : formatCentavos(limits.voterBudget),
          minLength: limits.minProjects,
          maxLength: limits.maxProjects,
          submittedAt,
          proposalIds: ids,
        },
        event,
      );
      if (!ballot.open) throw roundNotOpen();
      if (ballot.inRunning !== ids.length) throw VotingErrors.notInRunning();
      const refusal = ballotRefusal(ids.length, parseDecimal(ballot.totalCost) ?? 0n, limits);
      if (refusal) throw ballotRefusalError(refusal);
      if (!ballot.items) throw new Error('The ballot passed every check but was not stored.');
      return this.ballotModel(round.id, ballot.items, ballot.totalCost, submittedAt);
    } catch (error) {
      // The database is the authority (RULES §5): these only fire if the checks above were bypassed.
      const { code, constraint } = driverError(error);
      if (code === '23514' && constraint === 'budget_ballots_within_budget' && limits.voterBudget !== null)
        throw VotingErrors.budgetExceeded('?', formatCentavos(limits.voterBudget));
      const lengthRefusal = ballotRefusal(ids.length, 0n, { ...limits, voterBudget: null });
      if (code === '23514' && constraint === 'budget_ballots_within_length' && lengthRefusal)
        throw ballotRefusalError(lengthRefusal);
      if (code === '23514' && constraint === 'budget_ballots_stamped_within_round') throw roundNotOpen();
      throw error;
    }
  }

  /** The viewer's ballot in the challenge's open or last voting round. */
  async myBudgetBallot(viewer: Viewer, challengeId: string): Promise<BudgetBallotModel | null> {
    const { challenge, rounds } = await this.loadChallenge(isUuid(challengeId) ? challengeId : null, viewer.id);
    if (!challenge || challenge.status === 'DRAFT') return null;
    const round = currentOrLastVotingRound(rounds, this.clock.now());
    if (!round) return null;
    const stored = await this.votes.ballotOf(round.id, viewer.id);
    return stored && this.ballotModel(round.id, stored.proposalIds, stored.ballot.totalCost, stored.ballot.submittedAt);
  }

  private ballotModel(roundId: string, proposalIds: string[], totalCost: string, submittedAt: Date): BudgetBallotModel {
    return { roundId, proposalIds, totalCost: formatCentavos(parseDecimal(totalCost) ?? 0n), submittedAt };
  }

  /** Drafts are their authors' business: for voting they do not exist. Read with its challenge and rounds. */
  private async visibleProposal(proposalId: string, viewerId: string): Promise<ProposalInChallenge> {
    const found = isUuid(proposalId) ? await this.votes.proposalInChallenge(proposalId, viewerId) : null;
    if (!found || !wasEverSubmitted(found.proposal)) throw VotingErrors.proposalNotFound();
    return found;
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
    now: Date,
    loaded?: LoadedChallenge,
  ): Promise<VotingContext> {
    const [{ challenge, rounds, viewerIsJuror }, participant] = await Promise.all([
      loaded ?? this.loadChallenge(challengeId, viewer.id),
      this.participantFacts(viewer),
    ]);
    if (!challenge || challenge.status === 'DRAFT') throw VotingErrors.challengeNotFound();
    if (!participant) throw DomainError.unauthenticated();
    if (action !== 'RETRACT') {
      const refusal = participationRefusal(participant, challenge, {
        requireEmailVerification: this.config.auth.requireEmailVerification,
        isJuror: viewerIsJuror,
      });
      if (refusal) throw VotingErrors.notEligible(refusal);
    }
    let round = challenge.status === 'PUBLISHED' ? openVotingRound(rounds, now) : null;
    if (!round) throw roundNotOpen();
    const budget = challenge.settings.votingMethod === 'BUDGET';
    if (action === 'BALLOT' && !budget) throw VotingErrors.notBudgetRound();
    if (action !== 'BALLOT' && budget) throw VotingErrors.phaseMismatch();
    if (round.status === 'SCHEDULED') {
      await this.roundClock.settle(round.id);
      round = (await this.loadChallenge(challenge.id, viewer.id)).rounds.find((r) => r.id === round!.id) ?? round;
    }
    return { challenge, round };
  }

  private async loadChallenge(challengeId: string | null, viewerId: string): Promise<LoadedChallenge> {
    if (!challengeId) return { challenge: null, rounds: [], viewerIsJuror: false };
    return this.votes.challengeWithRounds(challengeId, viewerId);
  }

  /** What the authenticator read with the account on this request; read here only for viewers built elsewhere. */
  private async participantFacts(viewer: Viewer): Promise<ParticipantFacts | null> {
    if (viewer.participation) return viewer.participation;
    const user = await this.votes.findUser(viewer.id);
    return (
      user && {
        emailVerified: user.emailVerifiedAt !== null,
        curpVerified: user.curpVerifiedAt !== null,
        stateCode: user.stateCode,
        municipalityCode: user.municipalityCode,
      }
    );
  }
}

function ballotRefusalError(refusal: BallotRefusal): DomainError {
  switch (refusal.reason) {
    case 'BUDGET_EXCEEDED':
      return VotingErrors.budgetExceeded(formatCentavos(refusal.total), formatCentavos(refusal.limit));
    case 'BALLOT_TOO_SHORT':
      return VotingErrors.ballotTooShort(refusal.count, refusal.limit);
    case 'BALLOT_TOO_LONG':
      return VotingErrors.ballotTooLong(refusal.count, refusal.limit);
  }
}
