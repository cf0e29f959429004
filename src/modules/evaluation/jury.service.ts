import { Injectable } from '@nestjs/common';
import { Transactions, type Tx } from '../../infrastructure/database/transactions.js';
import { Outbox } from '../../infrastructure/outbox/outbox.js';
import { AuditLog } from '../audit/audit-log.js';
import type { Challenge } from '../challenges/challenge.entity.js';
import { UsersService } from '../identity/users.service.js';
import type { Round } from '../challenges/round.entity.js';
import { EvaluationErrors } from './evaluation.errors.js';
import { EvaluationRepository } from './evaluation.repository.js';
import {
  assignJurors,
  assignLateJuror,
  pairKey,
  reassignAfterConflict,
  type Assignment,
  type AssignmentInput,
} from './jury-assignment.js';
import type { JuryMember } from './jury-member.entity.js';
import { juryChangeRefusal, openEvaluationRound } from './jury-rules.js';
import { isUuid } from '../../common/ids.js';
import { wasEverSubmitted } from '../../common/public-visibility.js';

/**
 * The jury of a challenge (RULES §6): adding and removing jurors, conflicts of interest, and the
 * assignments of an EVALUATION round (made when it opens, topped up when a juror joins late, moved when
 * a juror declares a conflict or leaves). Every change runs under the challenge's row lock, the same lock
 * the round clock takes, so assignments never race a round opening or closing.
 */
@Injectable()
export class JuryService {
  constructor(
    private readonly repo: EvaluationRepository,
    private readonly users: UsersService,
    private readonly transactions: Transactions,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  async addJuror(actorId: string, challengeId: string, email: string, isChair: boolean): Promise<JuryMember> {
    const user = await this.users.findByEmail(email, null);
    if (!user) throw EvaluationErrors.unknownEmail();
    return this.transactions.run(async (tx) => {
      const { challenge, rounds } = await this.lockForJuryChange(tx, challengeId);
      if (await this.repo.findJuror(challenge.id, user.id, tx)) throw EvaluationErrors.alreadyJuror();
      if (
        (await this.repo.signedProposal(tx, challenge.id, user.id)) ||
        (await this.repo.votedIn(tx, challenge.id, user.id))
      ) {
        throw EvaluationErrors.participated();
      }
      const juror = await this.repo.insertJuror(tx, { challengeId: challenge.id, userId: user.id, isChair });
      await this.audit.record(tx, {
        action: 'juror.added',
        challengeId: challenge.id,
        actorId,
        summary: `${user.displayName} se integró al jurado${isChair ? ' como presidencia' : ''}.`,
        data: { jurorId: juror.id, userId: user.id, isChair },
      });
      const open = openEvaluationRound(rounds);
      if (open) await this.assignLate(tx, challenge, open, juror);
      return juror;
    });
  }

  async removeJuror(actorId: string, challengeId: string, userId: string): Promise<boolean> {
    if (!isUuid(userId)) throw EvaluationErrors.jurorNotFound();
    return this.transactions.run(async (tx) => {
      const { challenge, rounds } = await this.lockForJuryChange(tx, challengeId);
      const juror = await this.repo.findJuror(challenge.id, userId, tx);
      if (!juror) throw EvaluationErrors.jurorNotFound();
      const open = openEvaluationRound(rounds);
      // Hand the leaving juror's proposals to others first, while the assignments still show who carries what.
      const handOver = open ? await this.handOver(tx, challenge, open, juror) : [];
      await this.repo.deleteJuror(tx, juror.id);
      await this.repo.insertAssignments(
        tx,
        handOver.map((a) => ({ roundId: open!.id, ...a })),
      );
      await this.announce(tx, challenge, open, handOver);
      const user = await this.users.findById(userId, tx);
      await this.audit.record(tx, {
        action: 'juror.removed',
        challengeId: challenge.id,
        actorId,
        summary: `${user?.displayName ?? 'Una persona'} dejó el jurado.`,
        data: { jurorId: juror.id, userId },
      });
      return true;
    });
  }

  /**
   * The juror declares a conflict with a proposal (before the challenge's evaluation is over): the
   * assignment and any evaluation of it go away, and with `jurorsPerProposal` set a free juror takes over.
   */
  async declareConflict(viewerId: string, proposalId: string, reason: string): Promise<JuryMember> {
    const proposal = isUuid(proposalId) ? await this.repo.findProposal(proposalId) : null;
    if (!proposal || !wasEverSubmitted(proposal)) throw EvaluationErrors.proposalNotFound();
    return this.transactions.run(async (tx) => {
      const challenge = await this.repo.lockChallenge(tx, proposal.challengeId);
      if (!challenge) throw EvaluationErrors.proposalNotFound();
      const juror = await this.repo.findJuror(challenge.id, viewerId, tx);
      if (!juror) throw EvaluationErrors.notJuror();
      const rounds = await this.repo.roundsOf(challenge.id, tx);
      if (juryChangeRefusal(challenge.status, rounds)) throw EvaluationErrors.evaluationOver();
      await this.repo.insertConflict(tx, { jurorId: juror.id, proposalId: proposal.id, reason });
      const open = openEvaluationRound(rounds);
      if (!open) return juror;
      const current = await this.repo.assignmentsOfRound(tx, open.id);
      const withdrawn = current.find((a) => a.jurorId === juror.id && a.proposalId === proposal.id);
      if (!withdrawn) return juror;
      await this.repo.deleteAssignments(tx, open.id, [withdrawn]);
      const input = await this.assignmentInput(tx, challenge, open);
      const replacement = reassignAfterConflict(current, withdrawn, input);
      if (replacement) {
        await this.repo.insertAssignments(tx, [{ roundId: open.id, ...replacement }]);
        await this.announce(tx, challenge, open, [replacement]);
      }
      return juror;
    });
  }

  /** Round opening: the assignments among the proposals still in the running (RULES §6). */
  async assignRound(tx: Tx, challenge: Challenge, round: Round): Promise<void> {
    const input = await this.assignmentInput(tx, challenge, round);
    const assignments = assignJurors(input);
    await this.repo.insertAssignments(
      tx,
      assignments.map((a) => ({ roundId: round.id, ...a })),
    );
    await this.announce(tx, challenge, round, assignments);
  }

  private async assignLate(tx: Tx, challenge: Challenge, round: Round, juror: JuryMember): Promise<void> {
    const input = await this.assignmentInput(tx, challenge, round);
    const current = await this.repo.assignmentsOfRound(tx, round.id);
    const evaluated = new Set(
      (await this.repo.evaluatedPairs(tx, round.id)).map((e) => pairKey(e.jurorId, e.proposalId)),
    );
    const { add, remove } = assignLateJuror(current, evaluated, juror.id, input);
    await this.repo.deleteAssignments(tx, round.id, remove);
    await this.repo.insertAssignments(
      tx,
      add.map((a) => ({ roundId: round.id, ...a })),
    );
    await this.announce(tx, challenge, round, add);
  }

  /** Where the leaving juror's proposals go, one by one, as if each were a conflict. */
  private async handOver(tx: Tx, challenge: Challenge, round: Round, juror: JuryMember): Promise<Assignment[]> {
    const input = await this.assignmentInput(tx, challenge, round);
    const others = { ...input, jurorIds: input.jurorIds.filter((id) => id !== juror.id) };
    let current: Assignment[] = await this.repo.assignmentsOfRound(tx, round.id);
    const handed: Assignment[] = [];
    for (const leaving of current.filter((a) => a.jurorId === juror.id)) {
      const replacement = reassignAfterConflict(current, leaving, others);
      current = current.filter((a) => a !== leaving);
      if (replacement) {
        current = [...current, replacement];
        handed.push(replacement);
      }
    }
    return handed;
  }

  private async assignmentInput(tx: Tx, challenge: Challenge, round: Round): Promise<AssignmentInput> {
    const [proposals, jurors, conflicts] = await Promise.all([
      this.repo.inRunning(tx, challenge.id, round.position),
      this.repo.jurorsOf([challenge.id], tx),
      this.repo.conflictsOf(challenge.id, tx),
    ]);
    return {
      proposalIds: proposals.map((p) => p.id),
      jurorIds: jurors.map((j) => j.id),
      jurorsPerProposal: challenge.settings.jurorsPerProposal ?? null,
      conflicts: new Set(conflicts.map((c) => pairKey(c.jurorId, c.proposalId))),
    };
  }

  /** One `jury.assigned` outbox event per juror who received proposals. */
  private async announce(tx: Tx, challenge: Challenge, round: Round | null, assignments: Assignment[]): Promise<void> {
    if (!round || !assignments.length) return;
    const byJuror = new Map<string, string[]>();
    for (const a of assignments) byJuror.set(a.jurorId, [...(byJuror.get(a.jurorId) ?? []), a.proposalId]);
    const jurors = new Map((await this.repo.jurorsOf([challenge.id], tx)).map((j) => [j.id, j]));
    for (const [jurorId, proposalIds] of byJuror) {
      const juror = jurors.get(jurorId);
      if (juror)
        await this.outbox.add(tx, 'jury.assigned', {
          challengeId: challenge.id,
          roundId: round.id,
          jurorUserId: juror.userId,
          proposalIds,
        });
    }
  }

  private async lockForJuryChange(tx: Tx, challengeId: string): Promise<{ challenge: Challenge; rounds: Round[] }> {
    const challenge = isUuid(challengeId) ? await this.repo.lockChallenge(tx, challengeId) : null;
    if (!challenge || challenge.status === 'CANCELLED') throw EvaluationErrors.challengeNotFound();
    const rounds = await this.repo.roundsOf(challenge.id, tx);
    const refusal = juryChangeRefusal(challenge.status, rounds);
    if (refusal === 'NO_EVALUATION') throw EvaluationErrors.noEvaluationRound();
    if (refusal === 'CLOSED') throw EvaluationErrors.juryClosed();
    return { challenge, rounds };
  }
}
