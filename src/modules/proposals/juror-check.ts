import { Injectable } from '@nestjs/common';
import type { Tx } from '../../infrastructure/database/transactions.js';

export type IsJuror = (userId: string, challengeId: string, tx?: Tx) => Promise<boolean>;

/**
 * Hook for RULES §4/§6 "not a juror of the challenge" (JUROR_CONFLICT). The jury table belongs to the
 * evaluation issue, which comes later in the module order: its module calls `use()` from onModuleInit
 * with a real lookup. Until then nobody is a juror.
 */
@Injectable()
export class JurorCheck {
  private lookup: IsJuror = () => Promise.resolve(false);

  use(lookup: IsJuror): void {
    this.lookup = lookup;
  }

  isJuror(userId: string, challengeId: string, tx?: Tx): Promise<boolean> {
    return this.lookup(userId, challengeId, tx);
  }
}
