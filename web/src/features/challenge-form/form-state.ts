// The form's values (as typed), the checks of each step, which step a field lives in, and the API input.
import type { BudgetRule, ChallengeCategory, CreateChallengeInput, VotingMethod } from '../../gql/graphql';
import { roundsInput, scheduleProblems, type Problems, type RoundDraft } from './schedule-rules';
import { criteriaProblems, publicVoteWeight, publicWeightProblems, type CriterionDraft } from './weight-rules';

export interface FormValues {
  unitId: string;
  title: string;
  summary: string;
  description: string;
  category: ChallengeCategory | '';
  tags: string;
  rounds: RoundDraft[];
  votingMethod: VotingMethod;
  maxVotesPerVoter: string;
  budget: string;
  voterBudget: string;
  minProjectsPerBallot: string;
  maxProjectsPerBallot: string;
  budgetRule: BudgetRule;
  winnerCount: string;
  showLiveTally: boolean;
  residentsOnly: boolean;
  requireCurp: boolean;
  criteria: CriterionDraft[];
  blindEvaluation: boolean;
  jurorsPerProposal: string;
  normalizeJurorScores: boolean;
  publicWeight: string;
}

export const STEP_COUNT = 6;

export function emptyRound(kind: RoundDraft['kind'], title: string): RoundDraft {
  return { kind, title, opensAt: '', closesAt: '', advanceCount: '' };
}

export function initialValues(unitId: string, titles: Record<RoundDraft['kind'], string>): FormValues {
  return {
    unitId,
    title: '',
    summary: '',
    description: '',
    category: '',
    tags: '',
    rounds: [emptyRound('SUBMISSION', titles.SUBMISSION), emptyRound('VOTING', titles.VOTING)],
    votingMethod: 'MULTIPLE',
    maxVotesPerVoter: '3',
    budget: '',
    voterBudget: '',
    minProjectsPerBallot: '',
    maxProjectsPerBallot: '',
    budgetRule: 'GREEDY',
    winnerCount: '1',
    showLiveTally: true,
    residentsOnly: false,
    requireCurp: false,
    criteria: [],
    blindEvaluation: true,
    jurorsPerProposal: '',
    normalizeJurorScores: false,
    publicWeight: '0',
  };
}

export function hasEvaluation(values: FormValues): boolean {
  return values.rounds.some((round) => round.kind === 'EVALUATION');
}

/** The public vote can weigh only when the last round is an evaluation preceded by a voting round. */
export function publicWeightAllowed(values: FormValues): boolean {
  const last = values.rounds.length - 1;
  return values.rounds[last]?.kind === 'EVALUATION' && values.rounds.slice(0, last).some((r) => r.kind === 'VOTING');
}

export function tagList(tags: string): string[] {
  return tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

function integerOrNull(value: string): number | null {
  return value.trim() === '' ? null : Number(value.trim());
}

function isPositiveInteger(value: string): boolean {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isInteger(n) && n >= 1;
}

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

function money(value: string): string {
  return value.trim().replace(/[$\s,]/g, '');
}

function basicsProblems(values: FormValues): Problems {
  const problems: Problems = {};
  const title = values.title.trim().length;
  if (title < 10 || title > 150) problems.title = 'El título debe tener de 10 a 150 caracteres.';
  const summary = values.summary.trim().length;
  if (summary < 10 || summary > 500) problems.summary = 'El resumen debe tener de 10 a 500 caracteres.';
  const description = values.description.trim().length;
  if (description < 20 || description > 20_000) {
    problems.description = 'La descripción debe tener de 20 a 20 000 caracteres.';
  }
  if (!values.category) problems.category = 'Elige el tema del reto.';
  const tags = tagList(values.tags);
  if (tags.length > 10) problems.tags = 'Usa hasta 10 etiquetas.';
  else if (tags.some((tag) => tag.length > 40)) problems.tags = 'Cada etiqueta puede tener hasta 40 caracteres.';
  return problems;
}

function votingProblems(values: FormValues): Problems {
  const problems: Problems = {};
  if (values.votingMethod === 'MULTIPLE' && !isPositiveInteger(values.maxVotesPerVoter)) {
    problems['settings.maxVotesPerVoter'] =
      'Con voto múltiple indica cuántos votos tiene cada persona (un entero de 1 o más).';
  }
  const budget = money(values.budget);
  if (budget !== '' && (!MONEY.test(budget) || Number(budget) <= 0)) {
    problems.budget = 'El presupuesto debe ser una cantidad en pesos mayor que cero, p. ej. 1500000.';
  }
  if (values.votingMethod === 'BUDGET') {
    if (budget === '') problems.budget ??= 'Un presupuesto participativo necesita un presupuesto total.';
    const voter = money(values.voterBudget);
    if (voter !== '' && (!MONEY.test(voter) || Number(voter) <= 0)) {
      problems['settings.voterBudget'] = 'El presupuesto por votante debe ser una cantidad en pesos mayor que cero.';
    }
    Object.assign(problems, ballotLengthProblems(values));
    if (values.rounds[values.rounds.length - 1]?.kind !== 'VOTING') {
      problems['settings.votingMethod'] =
        'En un presupuesto participativo la última ronda debe ser de votación: su resultado son los proyectos financiados.';
    }
  }
  if (!isPositiveInteger(values.winnerCount)) {
    problems['settings.winnerCount'] = 'El número de ganadores debe ser un entero de 1 o más.';
  }
  return problems;
}

/** Optional ballot length (RULES §5): each bound a whole number of projects, the maximum not below the minimum. */
function ballotLengthProblems({ minProjectsPerBallot: min, maxProjectsPerBallot: max }: FormValues): Problems {
  const problems: Problems = {};
  if (min.trim() !== '' && !isPositiveInteger(min)) {
    problems['settings.minProjectsPerBallot'] =
      'El mínimo de proyectos por boleta debe ser un entero de 1 o más, o dejarse vacío.';
  }
  if (max.trim() !== '' && !isPositiveInteger(max)) {
    problems['settings.maxProjectsPerBallot'] =
      'El máximo de proyectos por boleta debe ser un entero de 1 o más, o dejarse vacío.';
  } else if (isPositiveInteger(min) && isPositiveInteger(max) && Number(max) < Number(min)) {
    problems['settings.maxProjectsPerBallot'] = 'El máximo de proyectos por boleta no puede ser menor que el mínimo.';
  }
  return problems;
}

function evaluationProblems(values: FormValues): Problems {
  if (!hasEvaluation(values)) return {};
  const problems: Problems = { ...criteriaProblems(values.criteria) };
  if (values.jurorsPerProposal.trim() !== '' && !isPositiveInteger(values.jurorsPerProposal)) {
    problems['settings.jurorsPerProposal'] =
      'Los jurados por propuesta deben ser un entero de 1 o más, o dejarse vacío.';
  }
  return { ...problems, ...publicWeightProblems(values.publicWeight, publicWeightAllowed(values)) };
}

function winners(values: FormValues): number {
  return Number(values.winnerCount) || 1;
}

/** The problems of one step (0-based), all of them complete (before moving on or saving). */
export function stepProblems(step: number, values: FormValues): Problems {
  switch (step) {
    case 0:
      return basicsProblems(values);
    case 1:
      return scheduleProblems(values.rounds, { winnerCount: winners(values), complete: true });
    case 2:
      return votingProblems(values);
    case 4:
      return evaluationProblems(values);
    default:
      return {};
  }
}

/** Live schedule checks while typing in step 2. */
export function liveScheduleProblems(values: FormValues): Problems {
  return scheduleProblems(values.rounds, { winnerCount: winners(values), complete: false });
}

export function allProblems(values: FormValues): Problems {
  return Object.assign({}, ...Array.from({ length: STEP_COUNT }, (_, step) => stepProblems(step, values))) as Problems;
}

const VOTING_SETTINGS = [
  'votingMethod',
  'maxVotesPerVoter',
  'voterBudget',
  'budgetRule',
  'winnerCount',
  'showLiveTally',
];
const ELIGIBILITY_SETTINGS = ['residentsOnly', 'requireCurp'];

/** Which step shows the field at `path` (API paths included: `rounds.1.opensAt`, `settings.budgetRule`). */
export function stepOf(path: string): number {
  const [head, second] = path.split('.');
  if (head === 'rounds') return 1;
  if (head === 'budget') return 2;
  if (head === 'criteria') return 4;
  if (head === 'settings') {
    if (VOTING_SETTINGS.includes(second) || second?.endsWith('ProjectsPerBallot')) return 2;
    if (ELIGIBILITY_SETTINGS.includes(second)) return 3;
    return 4;
  }
  return 0;
}

/** The API input; `unitId` is dropped by the caller for updates. */
export function challengeInput(values: FormValues): CreateChallengeInput {
  const evaluation = hasEvaluation(values);
  const method = values.votingMethod;
  const budget = money(values.budget);
  const voterBudget = money(values.voterBudget);
  return {
    unitId: values.unitId,
    title: values.title.trim(),
    summary: values.summary.trim(),
    description: values.description.trim(),
    category: values.category as ChallengeCategory,
    tags: tagList(values.tags),
    budget: budget === '' ? null : budget,
    rounds: roundsInput(values.rounds),
    criteria: evaluation
      ? values.criteria.map((c) => ({
          name: c.name.trim(),
          description: c.description.trim() || null,
          weight: Number(c.weight.trim().replace(',', '.')),
          maxScore: Number(c.maxScore.trim()),
        }))
      : [],
    settings: {
      votingMethod: method,
      maxVotesPerVoter: method === 'MULTIPLE' ? integerOrNull(values.maxVotesPerVoter) : null,
      voterBudget: method === 'BUDGET' && voterBudget !== '' ? voterBudget : null,
      minProjectsPerBallot: method === 'BUDGET' ? integerOrNull(values.minProjectsPerBallot) : null,
      maxProjectsPerBallot: method === 'BUDGET' ? integerOrNull(values.maxProjectsPerBallot) : null,
      budgetRule: method === 'BUDGET' ? values.budgetRule : null,
      winnerCount: integerOrNull(values.winnerCount) ?? 1,
      showLiveTally: values.showLiveTally,
      residentsOnly: values.residentsOnly,
      requireCurp: values.requireCurp,
      blindEvaluation: values.blindEvaluation,
      jurorsPerProposal: evaluation ? integerOrNull(values.jurorsPerProposal) : null,
      normalizeJurorScores: evaluation && values.normalizeJurorScores,
      publicVoteWeight: evaluation && publicWeightAllowed(values) ? publicVoteWeight(values.publicWeight) : 0,
    },
  };
}
