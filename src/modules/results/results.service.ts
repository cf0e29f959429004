import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { ChallengeResult } from './challenge-result.entity.js';
import { ResultEntry } from './result-entry.entity.js';
import { ResultsRepository, type ExportedProject } from './results.repository.js';

/** A challenge's outcome as the closer of its final round decided it (RULES §7). */
export interface NewResults {
  challengeId: string;
  /** The rule that produced the ranking, in Spanish. */
  method: string;
  totalVoters: number;
  totalVotes: number;
  /** BUDGET: the amount assigned, as a decimal; null otherwise. */
  budgetUsed: string | null;
  publishedAt: Date;
  /** One line per proposal, in rank order. */
  entries: Omit<ResultEntry, 'challengeId'>[];
}

/** The published results of a finished challenge: stored once by the VOTING or EVALUATION closer, then only read. */
@Injectable()
export class ResultsService {
  constructor(private readonly results: ResultsRepository) {}

  /** Stores the results inside the transaction that closes the final round; a second call fails (the challenge is the key). */
  async publish(tx: Tx, { entries, ...result }: NewResults): Promise<void> {
    await this.results.insertResults(
      tx,
      Object.assign(new ChallengeResult(), result),
      entries.map((entry) => Object.assign(new ResultEntry(), { challengeId: result.challengeId, ...entry })),
    );
  }

  /** The proposals of the published results in rank order, with title, cost and approvals (open-data ballots export). */
  exportProjects(challengeId: string): Promise<ExportedProject[]> {
    return this.results.exportProjects(challengeId);
  }
}
