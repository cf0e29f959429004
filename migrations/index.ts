import { Foundation1732000000000 } from './1732000000000-Foundation.js';
import { Users1732000000100 } from './1732000000100-Users.js';
import { AccountTokens1732000000110 } from './1732000000110-AccountTokens.js';
import { GovernmentUnits1732000000200 } from './1732000000200-GovernmentUnits.js';
import { Challenges1732000000300 } from './1732000000300-Challenges.js';
import { Proposals1732000000400 } from './1732000000400-Proposals.js';
import { OutboxNotify1732000000410 } from './1732000000410-OutboxNotify.js';
import { AuditSequence1732000000425 } from './1732000000425-AuditSequence.js';
import { ProposalModeration1732000000420 } from './1732000000420-ProposalModeration.js';
import { Voting1732000000500 } from './1732000000500-Voting.js';
import { Notifications1732000000700 } from './1732000000700-Notifications.js';
import { Evaluation1732000000600 } from './1732000000600-Evaluation.js';
import { AnonymousInPublic1732000000800 } from './1732000000800-AnonymousInPublic.js';
import { AccountResilience1734100000000 } from './1734100000000-AccountResilience.js';
import { StampsWithinRounds1734300000000 } from './1734300000000-StampsWithinRounds.js';
import { BallotLimits1734400000000 } from './1734400000000-BallotLimits.js';
import { JurorPublicLabels1734500000000 } from './1734500000000-JurorPublicLabels.js';
import { CoAuthorInvitations1734500000100 } from './1734500000100-CoAuthorInvitations.js';
import { BallotExportKeys1734500000200 } from './1734500000200-BallotExportKeys.js';
import { AccountPrivacy1734600000000 } from './1734600000000-AccountPrivacy.js';
import { OutboxNotifyWithoutVotes1734700000000 } from './1734700000000-OutboxNotifyWithoutVotes.js';
import { SubmitBudgetBallotFunction1734700000100 } from './1734700000100-SubmitBudgetBallotFunction.js';
import { DropRedundantVoteIndex1734700000200 } from './1734700000200-DropRedundantVoteIndex.js';
import { WritesCheckAccountFacts1734800000000 } from './1734800000000-WritesCheckAccountFacts.js';

/** Every migration, oldest first, written by hand: add new ones here, then run `npm run db:schema`. */
export const migrations = [
  Foundation1732000000000,
  Users1732000000100,
  AccountTokens1732000000110,
  GovernmentUnits1732000000200,
  Challenges1732000000300,
  Proposals1732000000400,
  OutboxNotify1732000000410,
  ProposalModeration1732000000420,
  AuditSequence1732000000425,
  Voting1732000000500,
  Evaluation1732000000600,
  Notifications1732000000700,
  AnonymousInPublic1732000000800,
  AccountResilience1734100000000,
  StampsWithinRounds1734300000000,
  BallotLimits1734400000000,
  JurorPublicLabels1734500000000,
  CoAuthorInvitations1734500000100,
  BallotExportKeys1734500000200,
  AccountPrivacy1734600000000,
  OutboxNotifyWithoutVotes1734700000000,
  SubmitBudgetBallotFunction1734700000100,
  DropRedundantVoteIndex1734700000200,
  WritesCheckAccountFacts1734800000000,
];
