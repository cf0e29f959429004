import { Injectable } from '@nestjs/common';
import { formatCentavos, parseDecimal } from '../../common/money.js';
import type { Tx } from '../../infrastructure/database/transactions.js';
import type { Proposal } from '../proposals/proposal.entity.js';
import { ClosesRounds } from '../rounds/round-closers.js';
import type { RoundCloseContext, RoundCloser } from '../rounds/round-hooks.js';
import { ResultsService } from '../results/results.service.js';
import { RoundTally } from './round-tally.entity.js';
import { VotingRepository } from './voting.repository.js';
import {
  budgetResults,
  decideRound,
  votingResults,
  type ComputedResults,
  type RoundDecision,
} from './voting-results.js';
import { ballotSettingsOf } from './voting-rules.js';
import { ProposalStages } from '../proposals/proposal-stages.js';

/** What freezing the tally decided for the round being closed. */
interface Frozen {
  decision: RoundDecision;
  inRunning: Proposal[];
}

/**
 * Closing a VOTING round (RULES §3, §5, §7), inside the closing transaction:
 * 1. freeze the round's tally (stored votes or ballot approvals of the proposals in the running);
 * 2. move the first `advanceCount` on to the next round and the rest out (`eliminatedInRound`);
 * 3. on the final round, compute and store the results (ranking and winners, or the BUDGET outcome).
 */
@Injectable()
@ClosesRounds('VOTING')
export class VotingRoundCloser implements RoundCloser {
  constructor(
    private readonly votes: VotingRepository,
    private readonly results: ResultsService,
    private readonly stages: ProposalStages,
  ) {}

  async close(tx: Tx, ctx: RoundCloseContext): Promise<void> {
    const frozen = await this.freezeTally(tx, ctx);
    if (ctx.isFinal) await this.publishResults(tx, ctx, frozen);
    else await this.advance(tx, ctx, frozen);
  }

  private async freezeTally(tx: Tx, ctx: RoundCloseContext): Promise<Frozen> {
    const inRunning = await this.votes.inRunning(tx, ctx.challenge.id, ctx.round.position);
    const live = await this.votes.liveTallies([ctx.round.id], tx);
    const decision = decideRound(
      live.map((row) => ({ proposalId: row.proposalId, votes: row.votes, submittedAt: row.submittedAt.getTime() })),
      { isFinal: ctx.isFinal, advanceCount: ctx.round.advanceCount },
    );
    await this.votes.insertTally(
      tx,
      decision.tally.map((row) => Object.assign(new RoundTally(), { roundId: ctx.round.id, ...row })),
    );
    return { decision, inRunning };
  }

  private async advance(tx: Tx, ctx: RoundCloseContext, frozen: Frozen): Promise<void> {
    const next = ctx.round.position + 1;
    await this.stages.moveOn(tx, frozen.decision.advanced, next);
    await this.stages.eliminate(tx, frozen.decision.eliminated, ctx.round.position);
    ctx.outcome.advanced.push(...frozen.decision.advanced);
    ctx.outcome.eliminated.push(...frozen.decision.eliminated);
  }

  private async publishResults(tx: Tx, ctx: RoundCloseContext, frozen: Frozen): Promise<void> {
    const computed = await this.computeResults(tx, ctx, frozen.inRunning, frozen.decision);
    await this.results.publish(tx, {
      challengeId: ctx.challenge.id,
      method: computed.method,
      totalVoters: computed.totalVoters,
      totalVotes: computed.totalVotes,
      budgetUsed: computed.budgetUsed === null ? null : formatCentavos(computed.budgetUsed),
      publishedAt: ctx.now,
      entries: computed.lines.map((line) => ({
        proposalId: line.proposalId,
        rank: line.rank,
        votes: line.votes,
        voteScore: line.voteScore,
        juryScore: null,
        finalScore: line.finalScore,
        isWinner: line.isWinner,
        allocated: line.allocated === null ? null : formatCentavos(line.allocated),
        evaluationCount: 0,
        criterionAverages: [],
        jurorScores: [],
      })),
    });
    ctx.outcome.winners.push(...computed.winners);
  }

  private async computeResults(
    tx: Tx,
    ctx: RoundCloseContext,
    inRunning: Proposal[],
    decision: RoundDecision,
  ): Promise<ComputedResults> {
    const settings = ctx.challenge.settings;
    if (settings.votingMethod === 'BUDGET') {
      const projects = inRunning.map((p) => ({
        id: p.id,
        cost: parseDecimal(p.estimatedCost ?? '0') ?? 0n,
        submittedAt: p.submittedAt?.getTime() ?? 0,
      }));
      const ballots = await this.votes.ballotsOfRound(tx, ctx.round.id);
      return budgetResults(projects, ballots, {
        rule: settings.budgetRule ?? 'GREEDY',
        budget: parseDecimal(ctx.challenge.budget ?? '0') ?? 0n,
        ballot: ballotSettingsOf(settings),
      });
    }
    const submittedAt = new Map(inRunning.map((p) => [p.id, p.submittedAt?.getTime() ?? 0]));
    return votingResults(
      decision.tally.map((row) => ({
        proposalId: row.proposalId,
        votes: row.votes,
        submittedAt: submittedAt.get(row.proposalId) ?? 0,
      })),
      {
        votingMethod: settings.votingMethod,
        maxVotesPerVoter: settings.maxVotesPerVoter,
        winnerCount: settings.winnerCount,
        totalVoters: await this.votes.distinctVoters(
          tx,
          ctx.round.id,
          inRunning.map((p) => p.id),
        ),
      },
    );
  }
}
