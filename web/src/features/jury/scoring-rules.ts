/**
 * Pure rules of the juror pages: the live weighted total of a scoresheet (the server's RULES §7 formula, so the
 * number shown is the one stored), which EVALUATION round a challenge is in, what comes next after saving, and
 * where the server's score problems (`scores.N.score`) belong on the page. No React, no GraphQL.
 */

export interface CriterionWeight {
  id: string;
  weight: number;
  maxScore: number;
}

/** `100 · Σ w·(s / max) / Σ w`; an unscored criterion counts as 0; no weight at all gives 0. */
export function weightedTotal(criteria: readonly CriterionWeight[], scores: Readonly<Record<string, number>>): number {
  let weightSum = 0;
  let weighted = 0;
  for (const criterion of criteria) {
    weightSum += criterion.weight;
    weighted += (criterion.weight * (scores[criterion.id] ?? 0)) / criterion.maxScore;
  }
  return weightSum > 0 ? (100 * weighted) / weightSum : 0;
}

/** Criteria not scored yet, in the order given. */
export function unscored<T extends { id: string }>(
  criteria: readonly T[],
  scores: Readonly<Record<string, number>>,
): T[] {
  return criteria.filter((c) => scores[c.id] === undefined);
}

export interface RoundLike {
  kind: string;
  status: string;
  opensAt: string;
}

/** The EVALUATION round the assignments belong to: the open one, else the last one that opened, else the next. */
export function evaluationRound<R extends RoundLike>(rounds: readonly R[]): R | null {
  const evaluation = rounds.filter((r) => r.kind === 'EVALUATION');
  return (
    evaluation.find((r) => r.status === 'OPEN') ??
    [...evaluation].reverse().find((r) => r.status === 'CLOSED') ??
    evaluation.find((r) => r.status === 'SCHEDULED') ??
    null
  );
}

/** The next proposal still without an evaluation after `current` (wrapping around), or null when all are saved. */
export function nextToEvaluate(
  assignments: readonly { proposalId: string; saved: boolean }[],
  current: string,
): string | null {
  const at = assignments.findIndex((a) => a.proposalId === current);
  const ordered = [...assignments.slice(at + 1), ...assignments.slice(0, Math.max(at, 0))];
  return ordered.find((a) => !a.saved && a.proposalId !== current)?.proposalId ?? null;
}

/**
 * Field problems as the scoring form shows them: `scores.N.*` at the criterion sent in position N (the page's
 * field `criterio-<id>`), `scores` for the whole scoresheet, anything else (the comment) unchanged.
 */
export function problemsAtCriteria(
  fields: Readonly<Record<string, string>>,
  sentCriterionIds: readonly string[],
): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = /^scores\.(\d+)(\.|$)/.exec(path);
    const criterionId = match ? sentCriterionIds[Number(match[1])] : undefined;
    const name = criterionId ? criterionField(criterionId) : match ? 'scores' : path;
    placed[name] ??= message;
  }
  return placed;
}

/** The page's field name of one criterion (its fieldset and its first radio's id prefix). */
export function criterionField(criterionId: string): string {
  return `criterio-${criterionId}`;
}
