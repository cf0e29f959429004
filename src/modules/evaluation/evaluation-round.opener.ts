import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { OpensRounds } from '../rounds/round-closers.js';
import type { RoundOpenContext, RoundOpener } from '../rounds/round-hooks.js';
import { JuryService } from './jury.service.js';

/** Opening an EVALUATION round: the jury assignments among the proposals still in the running (RULES §6). */
@Injectable()
@OpensRounds('EVALUATION')
export class EvaluationRoundOpener implements RoundOpener {
  constructor(private readonly jury: JuryService) {}

  open(tx: Tx, context: RoundOpenContext): Promise<void> {
    return this.jury.assignRound(tx, context.challenge, context.round);
  }
}
