import type { Tx } from '../../infrastructure/database/transactions.js';

/**
 * Port for RULES §4/§6 "not a juror of the challenge" (JUROR_CONFLICT). The jury table belongs to the
 * evaluation feature, later in the module order; its implementation is bound in src/ports.module.ts, and
 * the app does not start without one.
 */
export abstract class JurorCheck {
  abstract isJuror(userId: string, challengeId: string, tx?: Tx): Promise<boolean>;
}
