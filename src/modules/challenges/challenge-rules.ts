import type { ErrorReason } from '../../common/domain-error.js';

/** The definition rules of a challenge (RULES §3), as pure functions over a plan. */

export type RoundKind = 'SUBMISSION' | 'VOTING' | 'EVALUATION';
export type VotingMethod = 'SINGLE' | 'MULTIPLE' | 'BUDGET';
export type BudgetRule = 'GREEDY' | 'EQUAL_SHARES';

export interface RoundPlan {
  kind: RoundKind;
  title: string;
  opensAt: Date;
  closesAt: Date;
  advanceCount: number | null;
}

export interface CriterionPlan {
  name: string;
  weight: number;
  maxScore: number;
}

export interface SettingsPlan {
  winnerCount: number;
  votingMethod: VotingMethod;
  maxVotesPerVoter: number | null;
  /** Centavos; null: no cost cap on a ballot. */
  voterBudget: bigint | null;
  /** BUDGET ballot length limits (RULES §3, §5); null: no limit. An empty ballot is always allowed. */
  minProjectsPerBallot: number | null;
  maxProjectsPerBallot: number | null;
  budgetRule: BudgetRule | null;
  publicVoteWeight: number;
  normalizeJurorScores: boolean;
  blindEvaluation: boolean;
  minEvaluationsPerProposal: number;
  jurorsPerProposal: number | null;
  requireCurp: boolean;
  residentsOnly: boolean;
  showLiveTally: boolean;
}

export interface ChallengePlan {
  /** Centavos. */
  budget: bigint | null;
  settings: SettingsPlan;
  rounds: RoundPlan[];
  criteria: CriterionPlan[];
}

export type ViolationReason = Extract<ErrorReason, 'INVALID_SCHEDULE' | 'INVALID_STATE_TRANSITION'>;

export interface RuleViolation {
  /** The offending input field, spelled like a GraphQL input path: `rounds.2.closesAt`. */
  path: string;
  message: string;
  reason?: ViolationReason;
}

/** Settings as they arrive from an input: any field may be missing or null. */
export type SettingsInput = { [K in keyof SettingsPlan]?: SettingsPlan[K] | null };

export const MAX_CRITERION_SCORE = 100;

/**
 * Fills the contract defaults. Nullable settings without a default stay null; a BUDGET challenge
 * without voterBudget has no cost cap on a ballot (RULES §3).
 */
export function applySettingsDefaults(partial: SettingsInput): SettingsPlan {
  const votingMethod = partial.votingMethod ?? 'MULTIPLE';
  return {
    winnerCount: partial.winnerCount ?? 1,
    votingMethod,
    maxVotesPerVoter: partial.maxVotesPerVoter ?? null,
    voterBudget: partial.voterBudget ?? null,
    minProjectsPerBallot: partial.minProjectsPerBallot ?? null,
    maxProjectsPerBallot: partial.maxProjectsPerBallot ?? null,
    budgetRule: partial.budgetRule ?? null,
    publicVoteWeight: partial.publicVoteWeight ?? 0,
    normalizeJurorScores: partial.normalizeJurorScores ?? false,
    blindEvaluation: partial.blindEvaluation ?? true,
    minEvaluationsPerProposal: partial.minEvaluationsPerProposal ?? 1,
    jurorsPerProposal: partial.jurorsPerProposal ?? null,
    requireCurp: partial.requireCurp ?? false,
    residentsOnly: partial.residentsOnly ?? false,
    showLiveTally: partial.showLiveTally ?? true,
  };
}

/** Every rule the plan breaks; empty when the challenge may be saved as defined. */
export function challengePlanViolations(plan: ChallengePlan): RuleViolation[] {
  return [
    ...roundViolations(plan.rounds),
    ...advanceCountViolations(plan.rounds, plan.settings.winnerCount),
    ...criteriaViolations(plan.criteria, plan.rounds),
    ...winnerCountViolations(plan.settings),
    ...votingMethodViolations(plan),
    ...publicVoteWeightViolations(plan.settings, plan.rounds),
    ...evaluationSettingsViolations(plan.settings),
  ];
}

function scheduleProblem(path: string, message: string): RuleViolation {
  return { path, message, reason: 'INVALID_SCHEDULE' };
}

function isValidDate(date: Date): boolean {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

function isPositiveInteger(value: number | null): value is number {
  return value !== null && Number.isInteger(value) && value >= 1;
}

function finalRound(rounds: RoundPlan[]): RoundPlan | undefined {
  return rounds[rounds.length - 1];
}

function roundViolations(rounds: RoundPlan[]): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (rounds.length < 2) {
    problems.push(scheduleProblem('rounds', `Un reto necesita al menos 2 rondas; se definieron ${rounds.length}.`));
  }
  rounds.forEach((round, index) => {
    const number = index + 1;
    const path = `rounds.${index}`;
    if (round.title.trim() === '') {
      problems.push(scheduleProblem(`${path}.title`, `La ronda ${number} necesita un título.`));
    }
    if (index === 0 && round.kind !== 'SUBMISSION') {
      problems.push(scheduleProblem(`${path}.kind`, 'La primera ronda debe ser de recepción de propuestas.'));
    }
    if (index > 0 && round.kind === 'SUBMISSION') {
      problems.push(
        scheduleProblem(
          `${path}.kind`,
          `La ronda ${number} no puede ser de recepción de propuestas: solo la primera lo es.`,
        ),
      );
    }
    problems.push(...roundDateViolations(rounds, index));
  });
  return problems;
}

function roundDateViolations(rounds: RoundPlan[], index: number): RuleViolation[] {
  const round = rounds[index];
  const number = index + 1;
  const path = `rounds.${index}`;
  const problems: RuleViolation[] = [];
  if (!isValidDate(round.opensAt)) {
    problems.push(scheduleProblem(`${path}.opensAt`, `La fecha de apertura de la ronda ${number} no es válida.`));
  }
  if (!isValidDate(round.closesAt)) {
    problems.push(scheduleProblem(`${path}.closesAt`, `La fecha de cierre de la ronda ${number} no es válida.`));
  }
  if (problems.length > 0) return problems;

  if (round.closesAt <= round.opensAt) {
    problems.push(scheduleProblem(`${path}.closesAt`, `La ronda ${number} debe cerrar después de abrir.`));
  }
  const previous = rounds[index - 1];
  if (previous && isValidDate(previous.closesAt) && round.opensAt < previous.closesAt) {
    problems.push(
      scheduleProblem(
        `${path}.opensAt`,
        `La ronda ${number} no puede abrir antes de que cierre la ronda ${number - 1}.`,
      ),
    );
  }
  return problems;
}

/**
 * advanceCount is optional on a non-final VOTING/EVALUATION round: null means every proposal
 * still running goes on to the next round (e.g. a public vote that only feeds publicVoteWeight).
 */
function advanceCountViolations(rounds: RoundPlan[], winnerCount: number): RuleViolation[] {
  const problems: RuleViolation[] = [];
  let previousCount: number | null = null;
  rounds.forEach((round, index) => {
    if (round.advanceCount === null) return;
    const number = index + 1;
    const path = `rounds.${index}.advanceCount`;
    if (index === rounds.length - 1) {
      problems.push(
        scheduleProblem(path, 'La última ronda no lleva número de propuestas que avanzan: define ganadores.'),
      );
      return;
    }
    if (round.kind === 'SUBMISSION') {
      problems.push(
        scheduleProblem(path, 'La ronda de recepción de propuestas no lleva número de propuestas que avanzan.'),
      );
      return;
    }
    if (!isPositiveInteger(round.advanceCount)) {
      problems.push(
        scheduleProblem(path, `En la ronda ${number}, las propuestas que avanzan deben ser un entero de 1 o más.`),
      );
      return;
    }
    if (isPositiveInteger(winnerCount) && round.advanceCount < winnerCount) {
      problems.push(
        scheduleProblem(
          path,
          `En la ronda ${number} avanzan ${round.advanceCount} propuestas, menos que los ${winnerCount} ganadores del reto.`,
        ),
      );
    }
    if (previousCount !== null && round.advanceCount > previousCount) {
      problems.push(
        scheduleProblem(
          path,
          `En la ronda ${number} no pueden avanzar más propuestas (${round.advanceCount}) que en una ronda anterior (${previousCount}).`,
        ),
      );
    }
    previousCount = round.advanceCount;
  });
  return problems;
}

/** Criteria without an EVALUATION round are refused: nobody would ever score against them. */
function criteriaViolations(criteria: CriterionPlan[], rounds: RoundPlan[]): RuleViolation[] {
  const hasEvaluation = rounds.some((round) => round.kind === 'EVALUATION');
  if (hasEvaluation && criteria.length === 0) {
    return [{ path: 'criteria', message: 'Las rondas de evaluación necesitan al menos un criterio.' }];
  }
  if (!hasEvaluation && criteria.length > 0) {
    return [{ path: 'criteria', message: 'Solo se definen criterios cuando el reto tiene una ronda de evaluación.' }];
  }
  const problems: RuleViolation[] = [];
  const seenNames = new Set<string>();
  criteria.forEach((criterion, index) => {
    const number = index + 1;
    const path = `criteria.${index}`;
    const name = criterion.name.trim().toLocaleLowerCase('es-MX');
    if (name === '') {
      problems.push({ path: `${path}.name`, message: `El criterio ${number} necesita un nombre.` });
    } else if (seenNames.has(name)) {
      problems.push({ path: `${path}.name`, message: `Ya hay otro criterio llamado «${criterion.name.trim()}».` });
    }
    seenNames.add(name);
    if (!(Number.isFinite(criterion.weight) && criterion.weight > 0)) {
      problems.push({ path: `${path}.weight`, message: `El peso del criterio ${number} debe ser mayor que cero.` });
    }
    if (!(
      Number.isInteger(criterion.maxScore) &&
      criterion.maxScore >= 1 &&
      criterion.maxScore <= MAX_CRITERION_SCORE
    )) {
      problems.push({
        path: `${path}.maxScore`,
        message: `La calificación máxima del criterio ${number} debe ser un entero entre 1 y ${MAX_CRITERION_SCORE}.`,
      });
    }
  });
  return problems;
}

function winnerCountViolations(settings: SettingsPlan): RuleViolation[] {
  if (isPositiveInteger(settings.winnerCount)) return [];
  return [{ path: 'settings.winnerCount', message: 'El número de ganadores debe ser un entero de 1 o más.' }];
}

function votingMethodViolations(plan: ChallengePlan): RuleViolation[] {
  const { settings, budget } = plan;
  const problems: RuleViolation[] = [];

  if (settings.votingMethod === 'MULTIPLE') {
    if (!isPositiveInteger(settings.maxVotesPerVoter)) {
      problems.push({
        path: 'settings.maxVotesPerVoter',
        message: 'Con voto múltiple indica cuántos votos tiene cada persona (un entero de 1 o más).',
      });
    }
  } else if (settings.maxVotesPerVoter !== null) {
    problems.push({
      path: 'settings.maxVotesPerVoter',
      message: 'El número de votos por persona solo aplica al voto múltiple.',
    });
  }

  if (budget !== null && budget <= 0n) {
    problems.push({ path: 'budget', message: 'Si el reto tiene presupuesto, debe ser mayor que cero.' });
  }

  if (settings.votingMethod === 'BUDGET') {
    problems.push(...participatoryBudgetViolations(plan));
  } else {
    if (settings.budgetRule !== null) {
      problems.push({
        path: 'settings.budgetRule',
        message: 'La regla de asignación solo aplica al presupuesto participativo.',
      });
    }
    if (settings.voterBudget !== null) {
      problems.push({
        path: 'settings.voterBudget',
        message: 'El presupuesto por votante solo aplica al presupuesto participativo.',
      });
    }
    for (const field of ['minProjectsPerBallot', 'maxProjectsPerBallot'] as const) {
      if (settings[field] !== null) {
        problems.push({
          path: `settings.${field}`,
          message: 'Los límites de propuestas por boleta solo aplican al presupuesto participativo.',
        });
      }
    }
  }
  return problems;
}

/**
 * A null voterBudget means no cost cap; any positive one is accepted, even above the whole budget
 * (cities that decide by Equal Shares let voters approve more than the budget).
 */
function participatoryBudgetViolations({ budget, settings, rounds }: ChallengePlan): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (budget === null) {
    problems.push({ path: 'budget', message: 'Un presupuesto participativo necesita un presupuesto total.' });
  }
  if (settings.budgetRule === null) {
    problems.push({
      path: 'settings.budgetRule',
      message: 'Un presupuesto participativo necesita una regla de asignación (GREEDY o EQUAL_SHARES).',
    });
  }
  const voterBudget = settings.voterBudget;
  if (voterBudget !== null && voterBudget <= 0n) {
    problems.push({ path: 'settings.voterBudget', message: 'El presupuesto por votante debe ser mayor que cero.' });
  }
  problems.push(...ballotLengthViolations(settings));
  const last = finalRound(rounds);
  if (last && last.kind !== 'VOTING') {
    problems.push({
      path: 'settings.votingMethod',
      message:
        'En un presupuesto participativo la última ronda debe ser de votación: su resultado son los proyectos financiados.',
    });
  }
  return problems;
}

/** 1 ≤ minProjectsPerBallot ≤ maxProjectsPerBallot, each optional. */
function ballotLengthViolations({
  minProjectsPerBallot: min,
  maxProjectsPerBallot: max,
}: SettingsPlan): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (min !== null && !isPositiveInteger(min)) {
    problems.push({
      path: 'settings.minProjectsPerBallot',
      message: 'El mínimo de propuestas por boleta debe ser un entero de 1 o más, o dejarse vacío.',
    });
  }
  if (max !== null && !isPositiveInteger(max)) {
    problems.push({
      path: 'settings.maxProjectsPerBallot',
      message: 'El máximo de propuestas por boleta debe ser un entero de 1 o más, o dejarse vacío.',
    });
  }
  if (isPositiveInteger(min) && isPositiveInteger(max) && min > max) {
    problems.push({
      path: 'settings.minProjectsPerBallot',
      message: `El mínimo de propuestas por boleta (${min}) no puede ser mayor que el máximo (${max}).`,
    });
  }
  return problems;
}

function publicVoteWeightViolations(settings: SettingsPlan, rounds: RoundPlan[]): RuleViolation[] {
  const weight = settings.publicVoteWeight;
  const path = 'settings.publicVoteWeight';
  if (!(Number.isFinite(weight) && weight >= 0 && weight <= 1)) {
    return [{ path, message: 'El peso del voto público debe estar entre 0 y 1.' }];
  }
  if (weight === 0) return [];
  const lastIndex = rounds.length - 1;
  const endsInEvaluation = rounds[lastIndex]?.kind === 'EVALUATION';
  const votingBeforeIt = rounds.slice(0, lastIndex).some((round) => round.kind === 'VOTING');
  if (endsInEvaluation && votingBeforeIt) return [];
  return [
    {
      path,
      message:
        'El voto público solo puede pesar en el resultado cuando la última ronda es de evaluación y antes hay una ronda de votación.',
    },
  ];
}

/**
 * minEvaluationsPerProposal is checked even without evaluation rounds (its default is 1, harmless).
 * With a fixed number of jurors per proposal, requiring more evaluations than jurors could never be met.
 */
function evaluationSettingsViolations(settings: SettingsPlan): RuleViolation[] {
  const problems: RuleViolation[] = [];
  const { minEvaluationsPerProposal, jurorsPerProposal } = settings;
  if (!isPositiveInteger(minEvaluationsPerProposal)) {
    problems.push({
      path: 'settings.minEvaluationsPerProposal',
      message: 'El mínimo de evaluaciones por propuesta debe ser un entero de 1 o más.',
    });
  }
  if (jurorsPerProposal !== null && !isPositiveInteger(jurorsPerProposal)) {
    problems.push({
      path: 'settings.jurorsPerProposal',
      message: 'Los jurados por propuesta deben ser un entero de 1 o más, o dejarse vacío.',
    });
  }
  if (
    isPositiveInteger(minEvaluationsPerProposal) &&
    isPositiveInteger(jurorsPerProposal) &&
    minEvaluationsPerProposal > jurorsPerProposal
  ) {
    problems.push({
      path: 'settings.minEvaluationsPerProposal',
      message: `Se piden ${minEvaluationsPerProposal} evaluaciones por propuesta pero solo se asignan ${jurorsPerProposal} jurados a cada una.`,
    });
  }
  return problems;
}
