import type { Round } from '../challenges/round.entity.js';

/**
 * When the jury may still change (RULES §6): the challenge is a DRAFT or PUBLISHED one with an EVALUATION
 * round that has not closed yet. Returns the reason it may not, or null.
 */
export function juryChangeRefusal(
  status: string,
  rounds: Pick<Round, 'kind' | 'status'>[],
): 'NO_EVALUATION' | 'CLOSED' | null {
  const evaluation = rounds.filter((r) => r.kind === 'EVALUATION');
  if (!evaluation.length) return 'NO_EVALUATION';
  if (status !== 'DRAFT' && status !== 'PUBLISHED') return 'CLOSED';
  return evaluation.some((r) => r.status !== 'CLOSED') ? null : 'CLOSED';
}

/** The EVALUATION round whose assignments are live: the one recorded OPEN. */
export function openEvaluationRound<R extends Pick<Round, 'kind' | 'status'>>(rounds: R[]): R | null {
  return rounds.find((r) => r.kind === 'EVALUATION' && r.status === 'OPEN') ?? null;
}

/** The EVALUATION round open by its dates now (the authority for accepting evaluations). */
export function evaluationRoundOpenAt<R extends Pick<Round, 'kind' | 'status' | 'opensAt' | 'closesAt'>>(
  rounds: R[],
  now: Date,
): R | null {
  return (
    rounds.find((r) => r.kind === 'EVALUATION' && r.status !== 'CLOSED' && r.opensAt <= now && now < r.closesAt) ?? null
  );
}

/** The open EVALUATION round, else the last one that opened: where a juror's assignments are listed. */
export function currentOrLastEvaluationRound<R extends Pick<Round, 'kind' | 'status' | 'position'>>(
  rounds: R[],
): R | null {
  const opened = rounds
    .filter((r) => r.kind === 'EVALUATION' && r.status !== 'SCHEDULED')
    .sort((a, b) => b.position - a.position);
  return opened.find((r) => r.status === 'OPEN') ?? opened[0] ?? null;
}
