// The rubric and the results formula as the official types them: criterion weights are percentages that
// must add up to 100, the jury and public weights add up to 100, and a worked example shows the score a
// proposal would get with exactly these numbers (docs/results.md §1 and §5).
import type { Problems } from './schedule-rules';

export interface CriterionDraft {
  name: string;
  description: string;
  /** Percentage as typed ("60"). */
  weight: string;
  /** Integer as typed ("10"). */
  maxScore: string;
}

export const NAME_MIN = 3;
export const NAME_MAX = 150;
export const MAX_SCORE = 100;
/** The key of the "weights do not add up" problem, shown beside the weights. */
export const WEIGHT_SUM = 'criteria.weights';

function numberOf(value: string): number {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Sum of the typed weights, ignoring what is not a number. */
export function weightSum(criteria: readonly CriterionDraft[]): number {
  return round2(criteria.reduce((sum, c) => sum + (Number.isFinite(numberOf(c.weight)) ? numberOf(c.weight) : 0), 0));
}

export function criteriaProblems(criteria: readonly CriterionDraft[]): Problems {
  const problems: Problems = {};
  if (criteria.length === 0) {
    problems.criteria = 'La evaluación del jurado necesita al menos un criterio.';
    return problems;
  }
  const seen = new Set<string>();
  let weightsValid = true;
  criteria.forEach((criterion, index) => {
    const number = index + 1;
    const path = `criteria.${index}`;
    const name = criterion.name.trim();
    const key = name.toLocaleLowerCase('es-MX');
    if (name === '') problems[`${path}.name`] = `El criterio ${number} necesita un nombre.`;
    else if (name.length < NAME_MIN || name.length > NAME_MAX) {
      problems[`${path}.name`] = `El nombre del criterio ${number} debe tener de ${NAME_MIN} a ${NAME_MAX} caracteres.`;
    } else if (seen.has(key)) problems[`${path}.name`] = `Ya hay otro criterio llamado «${name}».`;
    seen.add(key);
    const weight = numberOf(criterion.weight);
    if (!(Number.isFinite(weight) && weight > 0 && weight <= 100)) {
      problems[`${path}.weight`] = `El peso del criterio ${number} debe ser un porcentaje mayor que 0 y hasta 100.`;
      weightsValid = false;
    }
    const maxScore = numberOf(criterion.maxScore);
    if (!(Number.isInteger(maxScore) && maxScore >= 1 && maxScore <= MAX_SCORE)) {
      problems[`${path}.maxScore`] =
        `La calificación máxima del criterio ${number} debe ser un entero entre 1 y ${MAX_SCORE}.`;
    }
  });
  const sum = weightSum(criteria);
  if (weightsValid && sum !== 100) {
    problems[WEIGHT_SUM] = `Los pesos de los criterios suman ${sum} %; deben sumar 100 %.`;
  }
  return problems;
}

/** Public-vote weight as typed (percentage); the jury weighs the rest. */
export function publicWeightProblems(publicWeight: string, allowed: boolean): Problems {
  const value = numberOf(publicWeight === '' ? '0' : publicWeight);
  if (!(Number.isFinite(value) && value >= 0 && value <= 100)) {
    return { 'settings.publicVoteWeight': 'El peso del voto público debe ser un porcentaje entre 0 y 100.' };
  }
  if (value > 0 && !allowed) {
    return {
      'settings.publicVoteWeight':
        'El voto público solo puede pesar en el resultado cuando la última ronda es de evaluación y antes hay una ronda de votación.',
    };
  }
  return {};
}

/** 0..1 for the API. */
export function publicVoteWeight(publicWeight: string): number {
  const value = numberOf(publicWeight === '' ? '0' : publicWeight);
  return Number.isFinite(value) ? round2(value) / 100 : 0;
}

export interface ExampleLine {
  name: string;
  score: number;
  maxScore: number;
  weight: number;
}

export interface WorkedExample {
  lines: ExampleLine[];
  /** 0..100, rounded to 2 decimals. */
  jury: number;
  /** The example's vote score (half the votes of the most voted proposal). */
  vote: number;
  publicWeight: number;
  final: number;
}

/** Illustrative shares of each criterion's maximum, in turn. */
const SHARES = [0.8, 0.6, 0.9, 0.5, 0.7];
export const EXAMPLE_VOTE_SCORE = 50;

/**
 * A proposal scored at 80 %, 60 %, 90 %… of each criterion's maximum and with half the votes of the most
 * voted one: jury = 100·Σ w·(s/max)/Σ w, final = (1 − p)·jury + p·vote. Null until the rubric is valid.
 */
export function workedExample(criteria: readonly CriterionDraft[], publicWeight: string): WorkedExample | null {
  const valid = Object.keys(criteriaProblems(criteria)).length === 0;
  const p = numberOf(publicWeight === '' ? '0' : publicWeight);
  if (!valid || !(Number.isFinite(p) && p >= 0 && p <= 100)) return null;
  const lines = criteria.map((c, i) => {
    const maxScore = numberOf(c.maxScore);
    return {
      name: c.name.trim(),
      maxScore,
      weight: numberOf(c.weight),
      score: Math.round(maxScore * SHARES[i % SHARES.length]),
    };
  });
  const totalWeight = lines.reduce((sum, l) => sum + l.weight, 0);
  const jury = round2((100 * lines.reduce((sum, l) => sum + l.weight * (l.score / l.maxScore), 0)) / totalWeight);
  const share = p / 100;
  return {
    lines,
    jury,
    vote: EXAMPLE_VOTE_SCORE,
    publicWeight: p,
    final: round2((1 - share) * jury + share * EXAMPLE_VOTE_SCORE),
  };
}
