import type { Tx } from '../../infrastructure/database/transactions.js';
import type { Challenge } from '../challenges/challenge.entity.js';
import type { Round } from '../challenges/round.entity.js';

/** What a closer sees and may fill in, inside the closing transaction (round row locked, already CLOSED). */
export interface RoundCloseContext {
  challenge: Challenge;
  /** Every round of the challenge, by position, locked. */
  rounds: Round[];
  round: Round;
  isFinal: boolean;
  /** Null when the clock closes the round; the unit ADMIN for closeRoundNow. */
  actorId: string | null;
  now: Date;
  /**
   * Proposal ids that go on / drop out, and (final round) the winners. With no proposals yet, all
   * stay empty: that is the default behaviour of the pipeline. Recorded in the round.closed and
   * results.published events.
   */
  outcome: { advanced: string[]; eliminated: string[]; winners: string[] };
}

/**
 * What happens when a round of one kind closes (freeze the tally or scores, move proposals on or out,
 * store the results after the final round), inside the close transaction; a throw rolls the close back
 * (the job retries). Each kind has exactly one, marked `@ClosesRounds(kind)` (round-closers.ts).
 */
export interface RoundCloser {
  close(tx: Tx, context: RoundCloseContext): Promise<void>;
}

export interface RoundOpenContext {
  challenge: Challenge;
  rounds: Round[];
  round: Round;
  now: Date;
}

/**
 * What else happens when a round of one kind opens, inside the opening transaction, e.g. the jury
 * assignments of an EVALUATION round (RULES §6). Marked `@OpensRounds(kind)`; a kind may have none.
 */
export interface RoundOpener {
  open(tx: Tx, context: RoundOpenContext): Promise<void>;
}
