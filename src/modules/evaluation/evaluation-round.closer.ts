import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { ClosesRounds } from '../rounds/round-closers.js';
import type { RoundCloseContext, RoundCloser } from '../rounds/round-hooks.js';
import { advancingProposalIds } from '../results/ranking.js';
import { ResultsService } from '../results/results.service.js';
import { EvaluationRepository } from './evaluation.repository.js';
import {
  evaluationMethodText,
  jurorLabels,
  rankEvaluationRound,
  type EvaluationRoundLine,
} from './evaluation-rules.js';
import { ProposalStages } from '../proposals/proposal-stages.js';

interface Frozen {
  lines: EvaluationRoundLine[];
  /** The latest VOTING round before this one, if any: its totals go into the results. */
  votingRoundId: string | null;
}

/**
 * Closing an EVALUATION round (RULES §3, §7), inside the closing transaction:
 * 1. rank the round: jury scores (mean or normalised), quorum, the combined score on the final round with
 *    the vote score from each proposal's latest VOTING round (its frozen tally), the tie chain;
 * 2. after a non-final round, move the first `advanceCount` on and the rest out;
 * 3. after the final round, store the results once (per-criterion averages, anonymised juror totals,
 *    evaluation counts, the method in Spanish with the actual weights) and name the winners.
 */
@Injectable()
@ClosesRounds('EVALUATION')
export class EvaluationRoundCloser implements RoundCloser {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly results: ResultsService,
    private readonly stages: ProposalStages,
  ) {}

  async close(tx: Tx, ctx: RoundCloseContext): Promise<void> {
    const frozen = await this.rank(tx, ctx);
    if (ctx.isFinal) await this.storeResults(tx, ctx, frozen);
    else await this.advance(tx, ctx, frozen);
  }

  private async rank(tx: Tx, ctx: RoundCloseContext): Promise<Frozen> {
    const settings = ctx.challenge.settings;
    const [proposals, evaluations, criteria] = await Promise.all([
      this.repo.inRunning(tx, ctx.challenge.id, ctx.round.position),
      this.repo.evaluationsOfRound(tx, ctx.round.id),
      this.repo.criteriaOf(ctx.challenge.id, tx),
    ]);
    const votingRounds = ctx.rounds
      .filter((r) => r.kind === 'VOTING' && r.position < ctx.round.position)
      .sort((a, b) => a.position - b.position);
    let votes: Map<string, number> | null = null;
    if (votingRounds.length) {
      // Rows of later rounds overwrite earlier ones: each proposal keeps the votes of the latest VOTING round it took part in.
      const position = new Map(votingRounds.map((r) => [r.id, r.position]));
      const rows = (
        await this.repo.frozenVotes(
          tx,
          votingRounds.map((r) => r.id),
        )
      ).sort((a, b) => position.get(a.roundId)! - position.get(b.roundId)!);
      votes = new Map(rows.map((row) => [row.proposalId, row.votes]));
    }
    const lines = rankEvaluationRound({
      proposals: proposals.map((p) => ({ id: p.id, submittedAt: p.submittedAt?.getTime() ?? 0 })),
      evaluations: evaluations.map((e) => ({
        jurorId: e.jurorId,
        proposalId: e.proposalId,
        total: e.total,
        scores: e.scores,
      })),
      criteria,
      votes,
      normalize: settings.normalizeJurorScores,
      minEvaluations: settings.minEvaluationsPerProposal,
      scoring: ctx.isFinal ? 'COMBINED' : 'JURY',
      publicVoteWeight: ctx.isFinal && votes ? settings.publicVoteWeight : 0,
    });
    return { lines, votingRoundId: votingRounds.at(-1)?.id ?? null };
  }

  private async advance(tx: Tx, ctx: RoundCloseContext, frozen: Frozen): Promise<void> {
    const all = frozen.lines.map((line) => line.proposalId);
    const advanced = ctx.round.advanceCount === null ? all : advancingProposalIds(frozen.lines, ctx.round.advanceCount);
    const moving = new Set(advanced);
    const eliminated = all.filter((id) => !moving.has(id));
    await this.stages.moveOn(tx, advanced, ctx.round.position + 1);
    await this.stages.eliminate(tx, eliminated, ctx.round.position);
    ctx.outcome.advanced.push(...advanced);
    ctx.outcome.eliminated.push(...eliminated);
  }

  private async storeResults(tx: Tx, ctx: RoundCloseContext, frozen: Frozen): Promise<void> {
    const settings = ctx.challenge.settings;
    const [jurors, criteria] = await Promise.all([
      this.repo.jurorsOf([ctx.challenge.id], tx),
      this.repo.criteriaOf(ctx.challenge.id, tx),
    ]);
    const labels = jurorLabels(jurors);
    const winners = frozen.lines.slice(0, settings.winnerCount).map((line) => line.proposalId);
    const winning = new Set(winners);
    const totals = await this.votingTotals(tx, frozen.votingRoundId, settings.votingMethod === 'BUDGET');
    await this.results.publish(tx, {
      challengeId: ctx.challenge.id,
      method: evaluationMethodText({
        criteria,
        normalize: settings.normalizeJurorScores,
        minEvaluations: settings.minEvaluationsPerProposal,
        publicVoteWeight: settings.publicVoteWeight,
        hasVoting: frozen.votingRoundId !== null,
        winnerCount: settings.winnerCount,
      }),
      totalVoters: totals.voters,
      totalVotes: totals.votes,
      budgetUsed: null,
      publishedAt: ctx.now,
      entries: frozen.lines.map((line) => ({
        proposalId: line.proposalId,
        rank: line.rank,
        votes: line.votes,
        voteScore: line.voteScore,
        juryScore: line.juryScore,
        finalScore: line.finalScore,
        isWinner: winning.has(line.proposalId),
        allocated: null,
        evaluationCount: line.evaluationCount,
        criterionAverages: line.criterionAverages,
        jurorScores: line.jurorTotals
          .map((t) => ({ jurorLabel: labels.get(t.jurorId) ?? 'Jurado', total: t.total, normalized: t.normalized }))
          .sort((a, b) => labelNumber(a.jurorLabel) - labelNumber(b.jurorLabel)),
      })),
    });
    ctx.outcome.winners.push(...winners);
  }

  private async votingTotals(
    tx: Tx,
    roundId: string | null,
    budget: boolean,
  ): Promise<{ voters: number; votes: number }> {
    if (!roundId) return { voters: 0, votes: 0 };
    const tally = await this.repo.frozenVotes(tx, [roundId]);
    const votes = tally.reduce((sum, row) => sum + row.votes, 0);
    const voters = budget
      ? await this.repo.ballotCount(tx, roundId)
      : await this.repo.distinctVoters(
          tx,
          roundId,
          tally.map((row) => row.proposalId),
        );
    return { voters, votes };
  }
}

function labelNumber(label: string): number {
  return Number(label.replace(/\D/g, '')) || 0;
}
