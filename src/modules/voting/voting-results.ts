import type { BudgetRule } from '../challenges/challenge-rules.js';
import { advancingProposalIds, rankProposals, type RankedProposal } from '../results/ranking.js';
import { equalSharesOutcome, greedyOutcome, type BudgetProject } from './budget-rules.js';
import type { ExactCentavos } from './budget-types.js';
import { NO_BALLOT_LIMITS, type BallotSettings } from './voting-rules.js';
import { rankTally, type TallyInput, type TallyRow } from './tally.js';

/**
 * What closing a voting round decides (RULES §5, §7), as pure functions: the frozen tally, who moves on,
 * and on the final round the published outcome with its Spanish explanation.
 */

export interface FrozenTallyRow extends TallyRow {
  advanced: boolean;
}

export interface RoundDecision {
  tally: FrozenTallyRow[];
  advanced: string[];
  eliminated: string[];
}

/**
 * A non-final round: rank by §7 (VOTES scoring: votes, then earlier submission, then id) and move the
 * first `advanceCount` on; null moves everyone on. The final round moves nobody (`advanceCount` ignored).
 */
export function decideRound(
  rows: TallyInput[],
  options: { isFinal: boolean; advanceCount: number | null },
): RoundDecision {
  const tally = rankTally(rows);
  if (options.isFinal)
    return { tally: tally.map((row) => ({ ...row, advanced: false })), advanced: [], eliminated: [] };
  const ranking = rankByVotes(rows);
  const advanced =
    options.advanceCount === null
      ? ranking.map((r) => r.proposalId)
      : advancingProposalIds(ranking, options.advanceCount);
  const moving = new Set(advanced);
  return {
    tally: tally.map((row) => ({ ...row, advanced: moving.has(row.proposalId) })),
    advanced,
    eliminated: ranking.map((r) => r.proposalId).filter((id) => !moving.has(id)),
  };
}

function rankByVotes(rows: TallyInput[]): RankedProposal[] {
  return rankProposals(
    rows.map((row) => ({
      proposalId: row.proposalId,
      submittedAt: row.submittedAt,
      votes: row.votes,
      juryScore: null,
      evaluationCount: 0,
    })),
    { scoring: 'VOTES', publicVoteWeight: 0, minEvaluations: 0 },
  );
}

export interface ResultLine {
  proposalId: string;
  rank: number;
  votes: number;
  voteScore: number;
  finalScore: number;
  isWinner: boolean;
  /** BUDGET: centavos funded (0 for unfunded proposals); null otherwise. */
  allocated: bigint | null;
}

export interface ComputedResults {
  method: string;
  lines: ResultLine[];
  /** In rank order. */
  winners: string[];
  totalVoters: number;
  totalVotes: number;
  /** BUDGET only, centavos. */
  budgetUsed: bigint | null;
}

/** Final VOTING round with SINGLE or MULTIPLE votes: the ranking by vote score, the first `winnerCount` win. */
export function votingResults(
  rows: TallyInput[],
  options: {
    votingMethod: 'SINGLE' | 'MULTIPLE';
    maxVotesPerVoter: number | null;
    winnerCount: number;
    totalVoters: number;
  },
): ComputedResults {
  const ranking = rankByVotes(rows);
  const winners = ranking.slice(0, options.winnerCount).map((r) => r.proposalId);
  const winning = new Set(winners);
  return {
    method: votingMethodText(options),
    lines: ranking.map((r) => ({
      proposalId: r.proposalId,
      rank: r.rank,
      votes: r.votes ?? 0,
      voteScore: r.voteScore ?? 0,
      finalScore: r.finalScore,
      isWinner: winning.has(r.proposalId),
      allocated: null,
    })),
    winners,
    totalVoters: options.totalVoters,
    totalVotes: rows.reduce((sum, row) => sum + row.votes, 0),
    budgetUsed: null,
  };
}

/**
 * Final BUDGET round: GREEDY or EQUAL_SHARES (add1) on the approval ballots, limit `budget` centavos.
 * `ballots` holds one entry per voter who submitted, empty ones included (n for equal shares).
 * Ranking: funded first in funding order, then the rest by approvals; winners are the funded set.
 */
export function budgetResults(
  projects: BudgetProject[],
  ballots: string[][],
  options: { rule: BudgetRule; budget: bigint; ballot?: BallotSettings },
): ComputedResults {
  const outcome =
    options.rule === 'EQUAL_SHARES'
      ? equalSharesOutcome(projects, ballots, options.budget)
      : greedyOutcome(projects, ballots, options.budget);
  const funded = new Set(outcome.funded);
  const maxApprovals = Math.max(0, ...outcome.approvals.values());
  const lines = outcome.ranking.map((proposalId, index) => {
    const votes = outcome.approvals.get(proposalId) ?? 0;
    const voteScore = maxApprovals === 0 ? 0 : (100 * votes) / maxApprovals;
    return {
      proposalId,
      rank: index + 1,
      votes,
      voteScore,
      finalScore: voteScore,
      isWinner: funded.has(proposalId),
      allocated: outcome.allocated.get(proposalId) ?? 0n,
    };
  });
  const projectIds = new Set(projects.map((p) => p.id));
  return {
    method: budgetMethodText({
      rule: options.rule,
      budget: options.budget,
      voters: ballots.length,
      used: outcome.totalCost,
      endowment: outcome.endowment ?? null,
      ballot: options.ballot ?? NO_BALLOT_LIMITS,
    }),
    lines,
    winners: outcome.funded,
    totalVoters: ballots.length,
    totalVotes: ballots.reduce((sum, ballot) => sum + new Set(ballot.filter((id) => projectIds.has(id))).size, 0),
    budgetUsed: outcome.totalCost,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function votingMethodText(options: {
  votingMethod: 'SINGLE' | 'MULTIPLE';
  maxVotesPerVoter: number | null;
  winnerCount: number;
}): string {
  const ballot =
    options.votingMethod === 'SINGLE'
      ? 'Votación de mayoría simple: cada persona emitió un solo voto.'
      : `Votación múltiple: cada persona pudo apoyar hasta ${plural(options.maxVotesPerVoter ?? 1, 'propuesta distinta', 'propuestas distintas')}, con un voto por propuesta.`;
  return (
    `${ballot} Las propuestas se ordenan por número de votos de la ronda final (puntaje = 100 × votos / máximo de votos); ` +
    'los empates se resuelven a favor de la propuesta enviada primero y, después, por su identificador. ' +
    `${options.winnerCount === 1 ? 'Gana la primera propuesta' : `Ganan las primeras ${options.winnerCount} propuestas`} de la clasificación.`
  );
}

/** "$1,234,567.89 MXN" from centavos. */
export function pesos(centavos: bigint): string {
  const whole = (centavos / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${whole}.${(centavos % 100n).toString().padStart(2, '0')} MXN`;
}

/** The ballot rules in plain Spanish, e.g. "cada persona aprobó entre 2 y 15 propuestas, sin límite de costo". */
export function ballotSettingsText({ voterBudget, minProjects, maxProjects }: BallotSettings): string {
  const count =
    minProjects !== null && maxProjects !== null
      ? minProjects === maxProjects
        ? `exactamente ${plural(minProjects, 'propuesta', 'propuestas')}`
        : `entre ${minProjects} y ${maxProjects} propuestas`
      : minProjects !== null
        ? `al menos ${plural(minProjects, 'propuesta', 'propuestas')}`
        : maxProjects !== null
          ? `hasta ${plural(maxProjects, 'propuesta', 'propuestas')}`
          : 'las propuestas que quiso';
  const cost =
    voterBudget === null
      ? 'sin límite de costo'
      : `con un costo total de hasta ${pesos(voterBudget)} (su presupuesto individual)`;
  return `cada persona aprobó ${count}, ${cost}; una boleta vacía también contó`;
}

/** Exact centavos rounded down to the centavo, for display. */
function roundedDown(amount: ExactCentavos): bigint {
  return amount.numerator / amount.denominator;
}

export function budgetMethodText(o: {
  rule: BudgetRule;
  budget: bigint;
  voters: number;
  used: bigint;
  endowment: ExactCentavos | null;
  ballot: BallotSettings;
}): string {
  const common = `Presupuesto participativo con boletas de aprobación: ${ballotSettingsText(o.ballot)}. Presupuesto total: ${pesos(o.budget)}; ${plural(o.voters, 'persona envió', 'personas enviaron')} boleta.`;
  const leftover = `Se asignaron ${pesos(o.used)}; el sobrante (${pesos(o.budget - o.used)}) no se reparte.`;
  if (o.rule === 'GREEDY') {
    return (
      `${common} Regla voraz (greedy): las propuestas se ordenan por número de aprobaciones (empates: menor costo, envío más temprano, identificador) ` +
      `y cada una se financia si su costo todavía cabe en lo que queda del presupuesto; las que no caben se saltan. ${leftover}`
    );
  }
  const share =
    o.endowment === null
      ? ''
      : ` La parte final de cada persona fue de ${pesos(roundedDown(o.endowment))}${o.endowment.denominator === 1n ? '' : ' (redondeada al centavo; el cálculo usa la cantidad exacta)'}.`;
  return (
    `${common} Método de Partes Iguales (Method of Equal Shares, regla equalshares/add1 de pabulib): el presupuesto se reparte en partes iguales entre quienes votaron; ` +
    'en cada paso se financia la propuesta que sus votantes pueden pagar entre todos con la menor aportación máxima por persona (ρ), ' +
    'y cada votante paga como mucho esa cantidad de su parte; un proyecto sin costo se financia si alguien lo aprueba. ' +
    'Compleción add1: la parte por persona empieza en el presupuesto total dividido exactamente entre quienes votaron (aunque sea menos de un peso) ' +
    'y se aumenta de peso en peso mientras el resultado siga cabiendo en el presupuesto.' +
    `${share} ${leftover}`
  );
}
