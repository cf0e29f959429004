import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { JurorCheck } from '../proposals/juror-check.js';
import { EvaluationRepository } from './evaluation.repository.js';

/** Jurors neither propose nor vote in their challenge (RULES §4, §6): the proposals feature's JurorCheck port. */
@Injectable()
export class EvaluationJurorCheck extends JurorCheck {
  constructor(private readonly repo: EvaluationRepository) {
    super();
  }

  isJuror(userId: string, challengeId: string, tx?: Tx): Promise<boolean> {
    return this.repo.isJuror(challengeId, userId, tx);
  }
}
