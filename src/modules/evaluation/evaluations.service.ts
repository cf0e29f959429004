import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { Transactions } from '../../infrastructure/database/transactions.js';
import { RoundClock } from '../rounds/round-clock.js';
import { isAcceptingActions } from '../challenges/round-lifecycle.js';
import { roundNotOpen } from '../rounds/rounds.errors.js';
import type { SubmitEvaluationInput } from './dto/evaluation.inputs.js';
import type { Evaluation } from './evaluation.entity.js';
import { EvaluationErrors } from './evaluation.errors.js';
import { scoreProblems, scoresheet } from './evaluation-rules.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { currentOrLastEvaluationRound, evaluationRoundOpenAt } from './jury-rules.js';
import { isUuid } from '../../common/ids.js';
import { driverError } from '../../infrastructure/database/driver-error.js';
import { wasEverSubmitted } from '../../common/public-visibility.js';

/** Submitting evaluations and listing a juror's assignments (RULES §6). Refusals store nothing. */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly roundClock: RoundClock,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks, in order: the proposal exists (NOT_FOUND); the viewer sits on its challenge's jury
   * (NOT_ASSIGNED); no declared conflict (CONFLICT_OF_INTEREST); an EVALUATION round open by its dates
   * (ROUND_NOT_OPEN); an assignment in that round (NOT_ASSIGNED); the scores (BAD_USER_INPUT). The
   * upsert runs under the round's share lock after re-checking the round still accepts actions.
   */
  async submit(viewerId: string, input: SubmitEvaluationInput): Promise<Evaluation> {
    const proposal = isUuid(input.proposalId) ? await this.repo.findProposal(input.proposalId) : null;
    if (!proposal || !wasEverSubmitted(proposal)) throw EvaluationErrors.proposalNotFound();
    const juror = await this.repo.findJuror(proposal.challengeId, viewerId);
    if (!juror) throw EvaluationErrors.notJuror();
    const conflicts = await this.repo.conflictsOfJurors([juror.id]);
    if (conflicts.some((c) => c.proposalId === proposal.id)) throw EvaluationErrors.conflictOfInterest();

    const now = this.clock.now(); // decides that the round is open and stamps the evaluation (issue #19)
    let round = evaluationRoundOpenAt(await this.repo.roundsOf(proposal.challengeId), now);
    if (!round) throw roundNotOpen();
    if (round.status === 'SCHEDULED') {
      // The dates say it is open but its job is late: let the clock catch up, so the assignments exist.
      await this.roundClock.settle(round.id);
      round = (await this.repo.roundsOf(proposal.challengeId)).find((r) => r.id === round!.id) ?? round;
    }
    const assignment = await this.repo.findAssignment(round.id, juror.id, proposal.id);
    if (!assignment) throw EvaluationErrors.notAssigned();

    const criteria = await this.repo.criteriaOf(proposal.challengeId);
    const problems = scoreProblems(criteria, input.scores);
    if (problems.length) throw DomainError.badInput(problems);
    const sheet = scoresheet(criteria, input.scores);
    try {
      return await this.transactions.run(async (tx) => {
        const locked = await this.repo.lockRoundShared(tx, round.id);
        if (!locked || !isAcceptingActions(locked, now)) throw roundNotOpen();
        const current = await this.repo.findAssignment(locked.id, juror.id, proposal.id, tx);
        if (!current) throw EvaluationErrors.notAssigned();
        return this.repo.upsertEvaluation(tx, {
          assignmentId: current.id,
          roundId: locked.id,
          jurorId: juror.id,
          proposalId: proposal.id,
          scores: sheet.scores,
          comment: input.comment ?? null,
          total: sheet.total,
          submittedAt: now,
          updatedAt: now,
        });
      });
    } catch (error) {
      // The assignment went away (a conflict declared meanwhile) between the check and the insert.
      const { code, constraint } = driverError(error);
      if (code === '23503') throw EvaluationErrors.notAssigned();
      if (code === '23514' && constraint === 'evaluations_stamped_within_round') throw roundNotOpen();
      throw error;
    }
  }

  /** The viewer's assignments in the open (else the last opened) EVALUATION round, with their evaluations. */
  async assignmentsOf(
    viewerId: string,
    challengeId: string,
  ): Promise<{ proposalId: string; evaluation: Evaluation | null }[]> {
    if (!isUuid(challengeId)) return [];
    const juror = await this.repo.findJuror(challengeId, viewerId);
    if (!juror) return [];
    const round = currentOrLastEvaluationRound(await this.repo.roundsOf(challengeId));
    if (!round) return [];
    const assignments = await this.repo.assignmentsOfJuror(juror.id, [round.id]);
    const evaluations = new Map(
      (await this.repo.evaluationsOfAssignments(assignments.map((a) => a.id))).map((e) => [e.assignmentId, e]),
    );
    return assignments.map((a) => ({ proposalId: a.proposalId, evaluation: evaluations.get(a.id) ?? null }));
  }
}
