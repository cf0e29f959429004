/**
 * Jury scoring (RULES §7): evaluation totals, per-proposal jury scores and the
 * optional per-juror normalisation that cancels out harsh or lenient jurors.
 */

export interface CriterionWeight {
  id: string;
  weight: number;
  maxScore: number;
}

export interface ScoredEvaluation {
  jurorId: string;
  proposalId: string;
  total: number;
}

export interface JuryScore {
  proposalId: string;
  juryScore: number;
  evaluationCount: number;
}

export interface JuryScoresResult {
  scores: Map<string, JuryScore>;
  /** Normalised total of each evaluation, keyed by `evaluationKey`; null when not normalising. */
  normalizedTotals: Map<string, number> | null;
}

/**
 * Totals live in [0, 100]; a spread below this is floating-point noise from
 * identical totals, and dividing by it would turn noise into z-scores of ±1.
 */
const NEGLIGIBLE_STD_DEV = 1e-9;

export function evaluationKey(jurorId: string, proposalId: string): string {
  return `${jurorId}:${proposalId}`;
}

/** `100 · Σ w_c·(s_c / max_c) / Σ w_c`; an unscored criterion counts as 0, no weight at all gives 0. */
export function evaluationTotal(criteria: CriterionWeight[], scores: ReadonlyMap<string, number>): number {
  let weightSum = 0;
  let weighted = 0;
  for (const criterion of criteria) {
    weightSum += criterion.weight;
    weighted += (criterion.weight * (scores.get(criterion.id) ?? 0)) / criterion.maxScore;
  }
  return weightSum === 0 ? 0 : (100 * weighted) / weightSum;
}

export function juryScores(evaluations: ScoredEvaluation[], normalize: boolean): JuryScoresResult {
  assertOneEvaluationPerJurorAndProposal(evaluations);
  if (!normalize) {
    return { scores: meanPerProposal(evaluations, (evaluation) => evaluation.total), normalizedTotals: null };
  }

  const roundMean = mean(evaluations.map((evaluation) => evaluation.total));
  const roundStdDev = populationStdDev(evaluations.map((evaluation) => evaluation.total));
  const zScores = jurorZScores(evaluations);
  const backToScale = (z: number) => clamp(roundMean + roundStdDev * z, 0, 100);

  const meanZ = meanPerProposal(evaluations, (evaluation) => zScores.get(evaluation)!);
  const scores = new Map<string, JuryScore>();
  for (const [proposalId, score] of meanZ) {
    scores.set(proposalId, { ...score, juryScore: backToScale(score.juryScore) });
  }
  const normalizedTotals = new Map<string, number>();
  for (const evaluation of evaluations) {
    normalizedTotals.set(
      evaluationKey(evaluation.jurorId, evaluation.proposalId),
      backToScale(zScores.get(evaluation)!),
    );
  }
  return { scores, normalizedTotals };
}

/** Each evaluation's z-score within its own juror's totals; 0 for a juror with no spread or a single evaluation. */
function jurorZScores(evaluations: ScoredEvaluation[]): Map<ScoredEvaluation, number> {
  const byJuror = groupBy(evaluations, (evaluation) => evaluation.jurorId);
  const zScores = new Map<ScoredEvaluation, number>();
  for (const jurorEvaluations of byJuror.values()) {
    const totals = jurorEvaluations.map((evaluation) => evaluation.total);
    const jurorMean = mean(totals);
    const jurorStdDev = populationStdDev(totals);
    for (const evaluation of jurorEvaluations) {
      zScores.set(evaluation, jurorStdDev < NEGLIGIBLE_STD_DEV ? 0 : (evaluation.total - jurorMean) / jurorStdDev);
    }
  }
  return zScores;
}

function meanPerProposal(
  evaluations: ScoredEvaluation[],
  valueOf: (evaluation: ScoredEvaluation) => number,
): Map<string, JuryScore> {
  const scores = new Map<string, JuryScore>();
  for (const [proposalId, proposalEvaluations] of groupBy(evaluations, (evaluation) => evaluation.proposalId)) {
    scores.set(proposalId, {
      proposalId,
      juryScore: mean(proposalEvaluations.map(valueOf)),
      evaluationCount: proposalEvaluations.length,
    });
  }
  return scores;
}

function assertOneEvaluationPerJurorAndProposal(evaluations: ScoredEvaluation[]): void {
  const seen = new Set<string>();
  for (const evaluation of evaluations) {
    const key = evaluationKey(evaluation.jurorId, evaluation.proposalId);
    if (seen.has(key)) throw new Error(`Juror ${evaluation.jurorId} evaluated proposal ${evaluation.proposalId} twice`);
    seen.add(key);
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function populationStdDev(values: number[]): number {
  if (values.length === 0) return 0;
  const average = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
