import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { ChallengeResult } from './challenge-result.entity.js';
import { ResultEntry } from './result-entry.entity.js';

/** The published results of finished challenges: written once, by the closer of the final round. */
@Injectable()
export class ResultsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertResults(tx: Tx, result: ChallengeResult, entries: ResultEntry[]): Promise<void> {
    await tx.insert(ChallengeResult, result);
    if (entries.length) await tx.insert(ResultEntry, entries);
  }

  resultsOf(challengeIds: readonly string[]): Promise<ChallengeResult[]> {
    if (!challengeIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(ChallengeResult).findBy({ challengeId: In([...challengeIds]) });
  }

  entriesOf(challengeIds: readonly string[]): Promise<ResultEntry[]> {
    if (!challengeIds.length) return Promise.resolve([]);
    return this.dataSource
      .getRepository(ResultEntry)
      .find({ where: { challengeId: In([...challengeIds]) }, order: { rank: 'ASC' } });
  }

  entriesOfProposals(proposalIds: readonly string[]): Promise<ResultEntry[]> {
    if (!proposalIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(ResultEntry).findBy({ proposalId: In([...proposalIds]) });
  }

  /** What the open-data export lists as projects: the final round's proposals in results order, with title, cost and approvals. */
  async exportProjects(challengeId: string): Promise<ExportedProject[]> {
    return this.dataSource.query(
      `SELECT p.id, p.title, p.estimated_cost::text AS cost, coalesce(e.votes, 0)::int AS votes, e.is_winner AS "isWinner"
         FROM result_entries e JOIN proposals p ON p.id = e.proposal_id WHERE e.challenge_id = $1 ORDER BY e.rank`,
      [challengeId],
    );
  }
}

export interface ExportedProject {
  id: string;
  title: string;
  cost: string;
  votes: number;
  isWinner: boolean;
}
