import { User } from '../../modules/identity/user.entity.js';
import { AccountToken } from '../../modules/identity/account-token.entity.js';
import { RefreshToken } from '../../modules/identity/refresh-token.entity.js';
import { Challenge } from '../../modules/challenges/challenge.entity.js';
import { Criterion } from '../../modules/challenges/criterion.entity.js';
import { Round } from '../../modules/challenges/round.entity.js';
import { Proposal } from '../../modules/proposals/proposal.entity.js';
import { ProposalCoAuthor } from '../../modules/proposals/proposal-co-author.entity.js';
import { GovernmentUnit } from '../../modules/government-units/government-unit.entity.js';
import { UnitMembership } from '../../modules/government-units/unit-membership.entity.js';
import { AuditEvent } from '../../modules/audit/audit-event.entity.js';
import { Municipality } from '../../modules/territory/municipality.entity.js';
import { State } from '../../modules/territory/state.entity.js';
import { Vote } from '../../modules/voting/vote.entity.js';
import { VoteQuota } from '../../modules/voting/vote-quota.entity.js';
import { BudgetBallot } from '../../modules/voting/budget-ballot.entity.js';
import { BudgetBallotItem } from '../../modules/voting/budget-ballot-item.entity.js';
import { RoundTally } from '../../modules/voting/round-tally.entity.js';
import { ChallengeResult } from '../../modules/results/challenge-result.entity.js';
import { ResultEntry } from '../../modules/results/result-entry.entity.js';
import { JuryMember } from '../../modules/evaluation/jury-member.entity.js';
import { JuryConflict } from '../../modules/evaluation/jury-conflict.entity.js';
import { JuryAssignment } from '../../modules/evaluation/jury-assignment.entity.js';
import { Evaluation } from '../../modules/evaluation/evaluation.entity.js';
import { OutboxEvent } from '../outbox/outbox-event.entity.js';

/** Every TypeORM entity, so the app, the migration CLI and the tests see the same model. */
export const entities = [
  State,
  Municipality,
  AuditEvent,
  OutboxEvent,
  User,
  RefreshToken,
  AccountToken,
  GovernmentUnit,
  UnitMembership,
  Challenge,
  Round,
  Criterion,
  Proposal,
  ProposalCoAuthor,
  VoteQuota,
  Vote,
  BudgetBallot,
  BudgetBallotItem,
  RoundTally,
  ChallengeResult,
  ResultEntry,
  JuryMember,
  JuryConflict,
  JuryAssignment,
  Evaluation,
];
