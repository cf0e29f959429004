import type { FieldProblem } from '../../common/domain-error.js';
import { evaluationKey, evaluationTotal, juryScores, type CriterionWeight } from './jury-scores.js';
import { rankProposals, type RankedProposal, type RankScoring } from '../results/ranking.js';

/**
 * Pure rules of the jury feature (RULES §6, §7): validating a scoresheet, the public juror labels,
 * and what closing an EVALUATION round decides. No Nest, no TypeORM.
 */

export interface ScoreInput {
  criterionId: string;
  score: number;
}

export interface CriterionSpec extends CriterionWeight {
  position: number;
}

/**
 * Every criterion of the challenge scored exactly once with an integer 0..maxScore. Paths name the
 * input element (`scores.N.score`, `scores.N.criterionId`) or the list (`scores`) when one is missing.
 */
export function scoreProblems(criteria: CriterionSpec[], scores: ScoreInput[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const seen = new Set<string>();
  scores.forEach((entry, index) => {
    const criterion = byId.get(entry.criterionId);
    if (!criterion) {
      problems.push({ path: `scores.${index}.criterionId`, message: 'Ese criterio no pertenece a este reto.' });
      return;
    }
    if (seen.has(criterion.id)) {
      problems.push({
        path: `scores.${index}.criterionId`,
        message: `El criterio «${criterionName(criterion)}» está calificado más de una vez.`,
      });
      return;
    }
    seen.add(criterion.id);
    if (!Number.isInteger(entry.score) || entry.score < 0 || entry.score > criterion.maxScore) {
      problems.push({
        path: `scores.${index}.score`,
        message: `La calificación debe ser un número entero entre 0 y ${criterion.maxScore}.`,
      });
    }
  });
  const missing = criteria.filter((c) => !seen.has(c.id) && !scores.some((s) => s.criterionId === c.id));
  if (missing.length) {
    problems.push({
      path: 'scores',
      message: `Falta calificar ${missing.length === 1 ? 'un criterio' : `${missing.length} criterios`}: cada criterio del reto se califica una vez.`,
    });
  }
  return problems;
}

function criterionName(criterion: CriterionSpec & { name?: string }): string {
  return criterion.name ?? `#${criterion.position}`;
}

/** Scores in the order of the challenge's criteria, and their weighted total. */
export function scoresheet(criteria: CriterionSpec[], scores: ScoreInput[]): { scores: ScoreInput[]; total: number } {
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s.score]));
  const ordered = [...criteria].sort((a, b) => a.position - b.position);
  return {
    scores: ordered.map((c) => ({ criterionId: c.id, score: byCriterion.get(c.id)! })),
    total: evaluationTotal(ordered, byCriterion),
  };
}

/**
 * "Jurado 1", "Jurado 2"… in the order of each juror's random `publicLabelKey` (issue #16): stable for the
 * challenge once its jury is settled (labels are only published then), unrelated to the order jurors were
 * added or to the public jury list. The open-data evaluations query orders by the same key.
 */
export function jurorLabels(jurors: { id: string; publicLabelKey: string }[]): Map<string, string> {
  const ordered = [...jurors].sort(
    (a, b) => compareText(a.publicLabelKey, b.publicLabelKey) || compareText(a.id, b.id),
  );
  return new Map(ordered.map((juror, index) => [juror.id, `Jurado ${index + 1}`]));
}

export interface RoundEvaluation {
  jurorId: string;
  proposalId: string;
  total: number;
  scores: ScoreInput[];
}

export interface EvaluationRoundInput {
  /** Proposals in the running in this round. */
  proposals: { id: string; submittedAt: number }[];
  /** The round's evaluations (of any proposal; those of proposals out of the running are ignored). */
  evaluations: RoundEvaluation[];
  criteria: CriterionSpec[];
  /** Votes of each proposal in the latest VOTING round it took part in; null when the challenge has no VOTING round before. */
  votes: Map<string, number> | null;
  normalize: boolean;
  minEvaluations: number;
  scoring: RankScoring;
  publicVoteWeight: number;
}

export interface EvaluationRoundLine extends RankedProposal {
  criterionAverages: { criterionId: string; average: number }[];
  jurorTotals: { jurorId: string; total: number; normalized: number | null }[];
}

/**
 * The ranking of an EVALUATION round (RULES §7): jury scores (mean of totals, or the per-juror z-score
 * normalisation mapped back to 0..100), quorum, the vote score when the public vote counts, and the tie
 * chain. Jury scores and normalisation use only evaluations of proposals still in the running.
 */
export function rankEvaluationRound(input: EvaluationRoundInput): EvaluationRoundLine[] {
  const running = new Set(input.proposals.map((p) => p.id));
  const evaluations = input.evaluations.filter((e) => running.has(e.proposalId));
  const { scores, normalizedTotals } = juryScores(evaluations, input.normalize);
  const ranking = rankProposals(
    input.proposals.map((p) => ({
      proposalId: p.id,
      submittedAt: p.submittedAt,
      votes: input.votes ? (input.votes.get(p.id) ?? 0) : null,
      juryScore: scores.get(p.id)?.juryScore ?? null,
      evaluationCount: scores.get(p.id)?.evaluationCount ?? 0,
    })),
    { scoring: input.scoring, publicVoteWeight: input.publicVoteWeight, minEvaluations: input.minEvaluations },
  );
  const ordered = [...input.criteria].sort((a, b) => a.position - b.position);
  return ranking.map((line) => {
    const own = evaluations.filter((e) => e.proposalId === line.proposalId);
    return {
      ...line,
      criterionAverages:
        own.length === 0
          ? []
          : ordered.map((c) => ({
              criterionId: c.id,
              average:
                own.reduce((sum, e) => sum + (e.scores.find((s) => s.criterionId === c.id)?.score ?? 0), 0) /
                own.length,
            })),
      jurorTotals: own.map((e) => ({
        jurorId: e.jurorId,
        total: e.total,
        normalized: normalizedTotals?.get(evaluationKey(e.jurorId, e.proposalId)) ?? null,
      })),
    };
  });
}

const percent = (w: number) => `${Number((w * 100).toFixed(2))} %`;

/** The Spanish explanation stored with the results of a challenge whose final round is an EVALUATION round. */
export function evaluationMethodText(o: {
  criteria: (CriterionSpec & { name: string })[];
  normalize: boolean;
  minEvaluations: number;
  publicVoteWeight: number;
  hasVoting: boolean;
  winnerCount: number;
}): string {
  const weightSum = o.criteria.reduce((sum, c) => sum + c.weight, 0);
  const criteria = [...o.criteria]
    .sort((a, b) => a.position - b.position)
    .map(
      (c) =>
        `«${c.name}» (peso ${c.weight}, ${percent(c.weight / weightSum)} del total; calificación de 0 a ${c.maxScore})`,
    )
    .join(', ');
  const total = `Cada integrante del jurado calificó cada criterio; el total de una evaluación es 100 × Σ peso × (calificación / máximo) / Σ pesos, de 0 a 100. Criterios: ${criteria}.`;
  const jury = o.normalize
    ? 'Puntaje del jurado normalizado: los totales de cada jurado se convierten en puntajes z respecto a su propio promedio y desviación estándar (poblacional; 0 si no hay dispersión o si evaluó una sola propuesta), se promedian por propuesta y se llevan de nuevo a la escala 0..100 como μ + σ·z̄ con el promedio μ y la desviación σ de todos los totales de la ronda (limitado a 0..100). Así un jurado severo o generoso no pesa más que los demás.'
    : 'Puntaje del jurado: promedio de los totales de sus evaluaciones.';
  const quorum = `Las propuestas con menos de ${o.minEvaluations} ${o.minEvaluations === 1 ? 'evaluación' : 'evaluaciones'} quedan después de todas las que la alcanzaron.`;
  const w = o.publicVoteWeight;
  const final =
    w > 0 && o.hasVoting
      ? `Puntaje final = ${percent(1 - w)} × puntaje del jurado + ${percent(w)} × puntaje del voto público, donde el puntaje del voto es 100 × votos / máximo de votos entre las propuestas clasificadas, con los votos de la última ronda de votación en la que participó cada propuesta.`
      : 'Puntaje final = puntaje del jurado (el voto público no cuenta en esta etapa).';
  const ties =
    'Empates: puntaje final, luego puntaje del jurado, luego votos, luego envío más temprano y, por último, identificador.';
  const winners =
    o.winnerCount === 1
      ? 'Gana la primera propuesta de la clasificación.'
      : `Ganan las primeras ${o.winnerCount} propuestas de la clasificación.`;
  const example =
    'Ejemplo: con pesos 3 y 1 y máximos 10 y 5, las calificaciones 8 y 4 dan un total de 100 × (3 × 8/10 + 1 × 4/5) / 4 = 80; ' +
    (w > 0 && o.hasVoting
      ? `un puntaje del jurado de 43.53 y un puntaje del voto de 100 dan ${percent(1 - w)} × 43.53 + ${percent(w)} × 100 = ${Number(((1 - w) * 43.53 + w * 100).toFixed(2))}.`
      : 'el puntaje final es el del jurado.') +
    ' Los archivos /open-data/challenges/{id}/evaluations.csv y tallies.csv permiten recalcularlo todo (docs/results.md).';
  return [total, jury, quorum, final, ties, winners, example].join(' ');
}

/** Code-point order, the same as PostgreSQL's for lower-case UUID text. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
