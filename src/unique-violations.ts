import { UniqueViolations } from './infrastructure/database/unique-violations.js';
import { evaluationUniqueViolations } from './modules/evaluation/evaluation.errors.js';
import { identityUniqueViolations } from './modules/identity/identity.errors.js';
import { proposalsUniqueViolations } from './modules/proposals/proposals.errors.js';
import { votingUniqueViolations } from './modules/voting/voting.errors.js';

/**
 * Every feature's unique violations, merged explicitly (not registered by importing a file for its side
 * effects): the error formatter answers from this table, and a test checks that each constraint exists.
 */
export const uniqueViolations = new UniqueViolations({
  ...identityUniqueViolations,
  ...proposalsUniqueViolations,
  ...votingUniqueViolations,
  ...evaluationUniqueViolations,
});
