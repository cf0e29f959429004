import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { viewerOf } from '../../infrastructure/auth/account-facts.js';
import { KeptCopies } from '../../common/kept-copies.js';
import { DomainError } from '../../common/domain-error.js';
import { formatCentavos, parseDecimal } from '../../common/money.js';
import { AppConfig } from '../../config/app-config.js';
import type { Viewer } from '../../infrastructure/graphql/graphql-context.js';
import { JUROR_REFUSAL, participationRefusal } from '../proposals/participation-eligibility.js';
import { RoundClock } from '../rounds/round-clock.js';
import { roundNotOpen } from '../rounds/rounds.errors.js';
import type { BudgetBallotModel } from './dto/budget-ballot.model.js';
import type { Vote } from './vote.entity.js';
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

/** A viewer with the account's facts that a vote is decided on and that its statement checks (Viewer.account). */
type Voter = Viewer & Required<Pick<Viewer, 'account' | 'participation'>>;

/** What this process keeps of a proposal's or a challenge's context: without the viewer's jury membership. */
type Kept<C extends LoadedChallenge> = Omit<C, 'viewerIsJuror'>;

/** Casting, retracting and budget ballots (RULES §5). Every refusal stores nothing: checks run before or inside the one transaction. */
@Injectable()
export class VotingService {
  private readonly keptProposals = new KeptCopies<Kept<ProposalInChallenge>>();
  private readonly keptChallenges = new KeptCopies<Kept<LoadedChallenge>>();

  constructor(
    private readonly votes: VotingRepository,
    private readonly roundClock: RoundClock,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async castVote(viewer: Viewer, proposalId: string): Promise<Vote> {
    return this.onProposal(viewer, proposalId, (voter, context, now) => this.cast(voter, context, now));
  }

  /** True when a vote was withdrawn, false when the viewer had none for this proposal in the open round. */
  async retractVote(viewer: Viewer, proposalId: string): Promise<boolean> {
    return this.onProposal(viewer, proposalId, (voter, context, now) => this.retract(voter, context, now));
  }

  /**
   * One reading of the clock decides that the round is open and stamps the vote (issue #19): a vote accepted
   * before closesAt is never recorded after it, and the database refuses a stamp outside the round's window.
   */
  private onProposal<T>(
    viewer: Viewer,
    proposalId: string,
    act: (voter: Voter, context: ProposalInChallenge, now: Date) => Promise<T>,
  ): Promise<T> {
    const now = this.clock.now();
    return this.withContext(
      this.keptProposals,
      proposalId,
      viewer,
      now,
      (voterId) => this.visibleProposal(proposalId, voterId),
      (voter, context) => act(voter, context, now),
    );
  }

  /**
   * Runs `act` on what this process kept when it kept anything (issue #17): the context of `key` (a proposal's or a
   * challenge's: its challenge, settings, territory and rounds, kept only while the challenge is published and its
   * voting round open) and the account's facts (Viewer.accountKept). The statement that writes checks again what may
   * have changed since (the account, the round's dates and status, the challenge's status, the jury, the running), so
   * a stale copy can only lead to a refusal, and every refusal is decided again on fresh reads.
   */
  private async withContext<C extends LoadedChallenge, T>(
    kept: KeptCopies<Kept<C>>,
    key: string | null,
    viewer: Viewer,
    now: Date,
    load: (voterId: string) => Promise<C>,
    act: (voter: Voter, context: C) => Promise<T>,
  ): Promise<T> {
    const copy = key ? kept.get(key) : null;
    const usable = copy && keepable(copy, now) ? copy : null;
    const attempt = async (voter: Voter, context: Kept<C> | null) => {
      if (context) return act(voter, { ...context, viewerIsJuror: false } as C); // the write's statement checks the jury
      const { viewerIsJuror, ...read } = await load(voter.id);
      const result = await act(voter, { ...read, viewerIsJuror } as C);
      if (key && keepable(read, now)) kept.keep(key, read);
      return result;
    };
    const voter = isVoter(viewer) ? viewer : await this.freshVoter(viewer);
    if (usable || voter.accountKept) {
      try {
        return await attempt(voter, usable);
      } catch {
        // decided again below, on fresh reads
      }
    }
    return attempt(voter.accountKept ? await this.freshVoter(voter) : voter, null);
  }

  /** The viewer with the account's facts read now; a session ended since the token was issued is UNAUTHENTICATED. */
  private async freshVoter(viewer: Viewer): Promise<Voter> {
    const account = await this.votes.accountFacts(viewer.id);
    if (!account || (viewer.account && account.sessionVersion !== viewer.account.sessionVersion))
      throw DomainError.unauthenticated();
    return viewerOf(viewer.id, account, false) as Voter;
  }

  private async cast(voter: Voter, loaded: ProposalInChallenge, now: Date) {
    const { proposal } = loaded;
    const { challenge, round } = await this.openRoundFor(voter, 'VOTE', now, loaded);
    const allowance = voteAllowance(challenge.settings)!;
    try {
      const vote = await this.votes.insertVote(
        { roundId: round.id, proposalId: proposal.id, voterId: voter.id, allowed: allowance, createdAt: now },
        voter.account,
        { challengeId: challenge.id, roundId: round.id, voterId: voter.id },
      );
      if (vote === 'account-changed') throw DomainError.unauthenticated();
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

  private async retract(voter: Voter, loaded: ProposalInChallenge, now: Date) {
    const { proposal } = loaded;
    const { challenge, round } = await this.openRoundFor(voter, 'RETRACT', now, loaded);
    const retracted = await this.votes.deleteVote(
      { roundId: round.id, proposalId: proposal.id, voterId: voter.id, now },
      voter.account,
      { challengeId: challenge.id, roundId: round.id, voterId: voter.id },
    );
    if (retracted === 'account-changed') throw DomainError.unauthenticated();
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
    const id = isUuid(challengeId) ? challengeId : null;
    return this.withContext(
      this.keptChallenges,
      id,
      viewer,
      submittedAt,
      (voterId) => this.loadChallenge(id, voterId),
      (voter, loaded) => this.storeBallot(voter, loaded, ids, submittedAt),
    );
  }

  private async storeBallot(voter: Voter, loaded: LoadedChallenge, ids: string[], submittedAt: Date) {
    const { challenge, round } = await this.openRoundFor(voter, 'BALLOT', submittedAt, loaded);
    const limits = ballotSettingsOf(challenge.settings);
    const event = { challengeId: challenge.id, roundId: round.id, voterId: voter.id };
    try {
      const ballot = await this.votes.submitBallot(
        {
          roundId: round.id,
          voterId: voter.id,
          voterBudget: limits.voterBudget === null ? null : formatCentavos(limits.voterBudget),
          minLength: limits.minProjects,
          maxLength: limits.maxProjects,
          submittedAt,
          proposalIds: ids,
        },
        voter.account,
        event,
      );
      if (ballot === 'account-changed') throw DomainError.unauthenticated();
      if (!ballot.open) throw roundNotOpen();
      if (ballot.juror) throw VotingErrors.notEligible(JUROR_REFUSAL);
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
    voter: Voter,
    action: 'VOTE' | 'RETRACT' | 'BALLOT',
    now: Date,
    { challenge, rounds, viewerIsJuror }: LoadedChallenge,
  ): Promise<VotingContext> {
    if (!challenge || challenge.status === 'DRAFT') throw VotingErrors.challengeNotFound();
    if (action !== 'RETRACT') {
      const refusal = participationRefusal(voter.participation, challenge, {
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
      round = (await this.loadChallenge(challenge.id, voter.id)).rounds.find((r) => r.id === round!.id) ?? round;
    }
    return { challenge, round };
  }

  private async loadChallenge(challengeId: string | null, viewerId: string): Promise<LoadedChallenge> {
    if (!challengeId) return { challenge: null, rounds: [], viewerIsJuror: false };
    return this.votes.challengeWithRounds(challengeId, viewerId);
  }
}

/** Whether a voter's viewer carries the account's facts (the authenticator's do; a viewer built elsewhere may not). */
function isVoter(viewer: Viewer): viewer is Voter {
  return viewer.account !== undefined && viewer.participation !== undefined;
}

/** A context worth keeping: its challenge published (settings and territory no longer change), its round open now. */
function keepable(context: Omit<LoadedChallenge, 'viewerIsJuror'>, now: Date): boolean {
  return context.challenge?.status === 'PUBLISHED' && openVotingRound(context.rounds, now)?.status === 'OPEN';
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
