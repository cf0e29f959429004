/**
 * The one rule for when a proposal becomes public (issue #16, RULES §4 and §9): once it was ever
 * submitted. `submitted_at` is set on DRAFT → SUBMITTED and never cleared, so a draft withdrawn without
 * ever being submitted stays private for good (status WITHDRAWN, submitted_at NULL), while a submitted
 * proposal that was later withdrawn, hidden or ruled ineligible stays on the public record.
 *
 * Every public path uses it: the GraphQL lists and single reads, participant counts, and every
 * open-data query, count and fingerprint. A status test (`status <> 'DRAFT'`) is never the rule.
 */

/** SQL predicate on the proposals row aliased `alias`. */
export function everSubmittedSql(alias: string): string {
  return `${alias}.submitted_at IS NOT NULL`;
}

/** The same rule on a loaded proposal. */
export function wasEverSubmitted(proposal: { submittedAt: Date | null }): boolean {
  return proposal.submittedAt !== null;
}
