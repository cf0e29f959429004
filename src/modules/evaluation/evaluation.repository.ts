import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { Challenge } from '../challenges/challenge.entity.js';
import { Criterion } from '../challenges/criterion.entity.js';
import { Proposal } from '../proposals/proposal.entity.js';
import { Round } from '../challenges/round.entity.js';
import { Evaluation } from './evaluation.entity.js';
import { JuryAssignment } from './jury-assignment.entity.js';
import { JuryConflict } from './jury-conflict.entity.js';
import { JuryMember } from './jury-member.entity.js';
import { runPrepared } from '../../infrastructure/database/prepared-statement.js';

/** Jurors, conflicts, assignments and evaluations. Queries only; the rules live in the services. */
@Injectable()
export class EvaluationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(tx?: Tx) {
    return tx ?? this.dataSource.manager;
  }

  /** The challenge row FOR UPDATE: jury changes of one challenge run one at a time, and after/before a round transition. */
  lockChallenge(tx: Tx, challengeId: string): Promise<Challenge | null> {
    return tx
      .getRepository(Challenge)
      .createQueryBuilder('c')
      .where('c.id = :challengeId', { challengeId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The round under FOR KEY SHARE: evaluations proceed together; closing the round waits for them. */
  lockRoundShared(tx: Tx, roundId: string): Promise<Round | null> {
    return tx
      .getRepository(Round)
      .createQueryBuilder('r')
      .where('r.id = :roundId', { roundId })
      .setLock('for_key_share')
      .getOne();
  }

  roundsOf(challengeId: string, tx?: Tx): Promise<Round[]> {
    return this.manager(tx).find(Round, { where: { challengeId }, order: { position: 'ASC' } });
  }

  criteriaOf(challengeId: string, tx?: Tx): Promise<Criterion[]> {
    return this.manager(tx).find(Criterion, { where: { challengeId }, order: { position: 'ASC' } });
  }

  findProposal(id: string, tx?: Tx): Promise<Proposal | null> {
    return this.manager(tx).findOneBy(Proposal, { id });
  }

  proposalsByIds(ids: readonly string[]): Promise<Proposal[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.manager.findBy(Proposal, { id: In([...ids]) });
  }

  /** Proposals in the running at round `position`. */
  inRunning(tx: Tx, challengeId: string, position: number): Promise<Proposal[]> {
    return tx
      .getRepository(Proposal)
      .createQueryBuilder('p')
      .where('p.challenge_id = :challengeId', { challengeId })
      .andWhere(`p.status = 'SUBMITTED' AND p.stage = :position AND p.eliminated_in_round IS NULL`, { position })
      .orderBy('p.id')
      .getMany();
  }

  // ── jurors ──

  jurorsOf(challengeIds: readonly string[], tx?: Tx): Promise<JuryMember[]> {
    if (!challengeIds.length) return Promise.resolve([]);
    return this.manager(tx).find(JuryMember, {
      where: { challengeId: In([...challengeIds]) },
      order: { joinedSeq: 'ASC' },
    });
  }

  jurorsByIds(ids: readonly string[]): Promise<JuryMember[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.manager.findBy(JuryMember, { id: In([...ids]) });
  }

  membershipsOfUsers(userIds: readonly string[]): Promise<JuryMember[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.dataSource.manager.find(JuryMember, {
      where: { userId: In([...userIds]) },
      order: { createdAt: 'ASC' },
    });
  }

  /** A fixed SQL text: it runs on every vote and ballot (issue #17). */
  async isJuror(challengeId: string, userId: string, tx?: Tx): Promise<boolean> {
    const [row] = await runPrepared<{ juror: boolean }>(
      this.manager(tx),
      {
        name: 'is_juror',
        text: 'SELECT EXISTS (SELECT 1 FROM jury_members WHERE challenge_id = $1 AND user_id = $2) AS juror',
      },
      [challengeId, userId],
    );
    return row.juror;
  }

  findJuror(challengeId: string, userId: string, tx?: Tx): Promise<JuryMember | null> {
    return this.manager(tx).findOneBy(JuryMember, { challengeId, userId });
  }

  async insertJuror(tx: Tx, juror: { challengeId: string; userId: string; isChair: boolean }): Promise<JuryMember> {
    const { identifiers } = await tx.insert(JuryMember, juror);
    return tx.findOneByOrFail(JuryMember, { id: identifiers[0].id as string });
  }

  async deleteJuror(tx: Tx, jurorId: string): Promise<void> {
    await tx.delete(JuryMember, { id: jurorId });
  }

  /** Whether the account authored or co-authored a proposal of the challenge (drafts included). */
  async signedProposal(tx: Tx, challengeId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM proposals p WHERE p.challenge_id = $1
         AND (p.author_id = $2 OR EXISTS (SELECT 1 FROM proposal_co_authors c WHERE c.proposal_id = p.id AND c.user_id = $2))
       LIMIT 1`,
      [challengeId, userId],
    );
    return rows.length > 0;
  }

  /** Whether the account voted (or submitted a budget ballot) in any round of the challenge. */
  async votedIn(tx: Tx, challengeId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM rounds r WHERE r.challenge_id = $1 AND (
         EXISTS (SELECT 1 FROM votes v WHERE v.round_id = r.id AND v.voter_id = $2)
         OR EXISTS (SELECT 1 FROM budget_ballots b WHERE b.round_id = r.id AND b.voter_id = $2))
       LIMIT 1`,
      [challengeId, userId],
    );
    return rows.length > 0;
  }

  // ── conflicts ──

  conflictsOf(challengeId: string, tx?: Tx): Promise<JuryConflict[]> {
    return this.manager(tx)
      .createQueryBuilder(JuryConflict, 'k')
      .innerJoin(JuryMember, 'j', 'j.id = k.juror_id')
      .where('j.challenge_id = :challengeId', { challengeId })
      .getMany();
  }

  conflictsOfJurors(jurorIds: readonly string[]): Promise<JuryConflict[]> {
    if (!jurorIds.length) return Promise.resolve([]);
    return this.dataSource.manager.find(JuryConflict, {
      where: { jurorId: In([...jurorIds]) },
      order: { createdAt: 'ASC' },
    });
  }

  /** False when the conflict was already declared. */
  async insertConflict(tx: Tx, conflict: { jurorId: string; proposalId: string; reason: string }): Promise<boolean> {
    const result = await tx.createQueryBuilder().insert().into(JuryConflict).values(conflict).orIgnore().execute();
    return (result.raw as unknown[]).length > 0;
  }

  // ── assignments ──

  assignmentsOfRound(tx: Tx, roundId: string): Promise<JuryAssignment[]> {
    return tx.find(JuryAssignment, { where: { roundId } });
  }

  findAssignment(roundId: string, jurorId: string, proposalId: string, tx?: Tx): Promise<JuryAssignment | null> {
    return this.manager(tx).findOneBy(JuryAssignment, { roundId, jurorId, proposalId });
  }

  async insertAssignments(tx: Tx, rows: { roundId: string; jurorId: string; proposalId: string }[]): Promise<void> {
    if (rows.length) await tx.createQueryBuilder().insert().into(JuryAssignment).values(rows).orIgnore().execute();
  }

  /** Removes assignments (and, by cascade, their evaluations). */
  async deleteAssignments(tx: Tx, roundId: string, rows: { jurorId: string; proposalId: string }[]): Promise<void> {
    for (const row of rows)
      await tx.delete(JuryAssignment, { roundId, jurorId: row.jurorId, proposalId: row.proposalId });
  }

  /** A juror's assignments in the given rounds, oldest round first. */
  assignmentsOfJuror(jurorId: string, roundIds: string[]): Promise<JuryAssignment[]> {
    if (!roundIds.length) return Promise.resolve([]);
    return this.dataSource.manager.find(JuryAssignment, {
      where: { jurorId, roundId: In(roundIds) },
      order: { createdAt: 'ASC', proposalId: 'ASC' },
    });
  }

  /** Per juror: assignments in any round and how many of them have an evaluation (counts only, no scores). */
  async progressOfJurors(
    jurorIds: readonly string[],
  ): Promise<{ jurorId: string; assigned: number; evaluated: number }[]> {
    if (!jurorIds.length) return [];
    const rows: { juror_id: string; assigned: string; evaluated: string }[] = await this.dataSource.manager
      .createQueryBuilder(JuryAssignment, 'a')
      .leftJoin(Evaluation, 'e', 'e.assignment_id = a.id')
      .select('a.juror_id', 'juror_id')
      .addSelect('count(*)', 'assigned')
      .addSelect('count(e.id)', 'evaluated')
      .where('a.juror_id IN (:...jurorIds)', { jurorIds: [...jurorIds] })
      .groupBy('a.juror_id')
      .getRawMany();
    return rows.map((r) => ({ jurorId: r.juror_id, assigned: Number(r.assigned), evaluated: Number(r.evaluated) }));
  }

  // ── evaluations ──

  evaluationsOfRound(tx: Tx, roundId: string): Promise<Evaluation[]> {
    return tx.find(Evaluation, { where: { roundId } });
  }

  evaluatedPairs(tx: Tx, roundId: string): Promise<{ jurorId: string; proposalId: string }[]> {
    return tx.find(Evaluation, { where: { roundId }, select: { jurorId: true, proposalId: true } });
  }

  evaluationsOfAssignments(assignmentIds: readonly string[]): Promise<Evaluation[]> {
    if (!assignmentIds.length) return Promise.resolve([]);
    return this.dataSource.manager.findBy(Evaluation, { assignmentId: In([...assignmentIds]) });
  }

  evaluationsOfProposals(proposalIds: readonly string[]): Promise<Evaluation[]> {
    if (!proposalIds.length) return Promise.resolve([]);
    return this.dataSource.manager.find(Evaluation, {
      where: { proposalId: In([...proposalIds]) },
      order: { submittedAt: 'ASC' },
    });
  }

  /** Insert or replace the evaluation of an assignment (unique key on assignment_id). */
  async upsertEvaluation(tx: Tx, evaluation: Omit<Evaluation, 'id'>): Promise<Evaluation> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO evaluations (assignment_id, round_id, juror_id, proposal_id, scores, comment, total, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT evaluations_one_per_assignment
       DO UPDATE SET scores = EXCLUDED.scores, comment = EXCLUDED.comment, total = EXCLUDED.total, updated_at = EXCLUDED.updated_at
       RETURNING id`,
      [
        evaluation.assignmentId,
        evaluation.roundId,
        evaluation.jurorId,
        evaluation.proposalId,
        JSON.stringify(evaluation.scores),
        evaluation.comment,
        evaluation.total,
        evaluation.submittedAt,
        evaluation.updatedAt,
      ],
    );
    return tx.findOneByOrFail(Evaluation, { id: rows[0].id });
  }

  // ── votes for the combined score ──

  /** Frozen tally rows of the given VOTING rounds. */
  async frozenVotes(tx: Tx, roundIds: string[]): Promise<{ roundId: string; proposalId: string; votes: number }[]> {
    if (!roundIds.length) return [];
    const rows: { round_id: string; proposal_id: string; votes: number }[] = await tx.query(
      'SELECT round_id, proposal_id, votes FROM round_tallies WHERE round_id = ANY($1::uuid[])',
      [roundIds],
    );
    return rows.map((r) => ({ roundId: r.round_id, proposalId: r.proposal_id, votes: r.votes }));
  }

  /** Distinct voters of a SINGLE/MULTIPLE round, counting only votes for the given proposals. */
  async distinctVoters(tx: Tx, roundId: string, proposalIds: string[]): Promise<number> {
    const rows: { n: number }[] = await tx.query(
      'SELECT count(DISTINCT voter_id)::int AS n FROM votes WHERE round_id = $1 AND proposal_id = ANY($2::uuid[])',
      [roundId, proposalIds],
    );
    return rows[0].n;
  }

  /** Ballots of a BUDGET round, empty ones included. */
  async ballotCount(tx: Tx, roundId: string): Promise<number> {
    const rows: { n: number }[] = await tx.query('SELECT count(*)::int AS n FROM budget_ballots WHERE round_id = $1', [
      roundId,
    ]);
    return rows[0].n;
  }
}
