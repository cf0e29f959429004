import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';
import { ProposalsRepository } from './proposals.repository.js';

/**
 * Where proposals stand between rounds, written only here: the voting and evaluation closers move the ones that
 * advance on to the next round and take the rest out of the running, inside the transaction that closes the round.
 */
@Injectable()
export class ProposalStages {
  constructor(private readonly proposals: ProposalsRepository) {}

  moveOn(tx: Tx, proposalIds: string[], toStage: number): Promise<void> {
    return this.proposals.setStage(tx, proposalIds, toStage);
  }

  eliminate(tx: Tx, proposalIds: string[], inRound: number): Promise<void> {
    return this.proposals.setEliminated(tx, proposalIds, inRound);
  }
}
