import type { RoundKind, RuleViolation } from './challenge-rules.js';

/** The round state machine and the challenge phase derived from it (RULES §3). Pure: `now` is always given. */

export type { RuleViolation } from './challenge-rules.js';

export type RoundStatus = 'SCHEDULED' | 'OPEN' | 'CLOSED';
export type ChallengeStatus = 'DRAFT' | 'PUBLISHED' | 'FINISHED' | 'CANCELLED';
export type ChallengePhase =
  'DRAFT' | 'UPCOMING' | 'SUBMISSION' | 'VOTING' | 'EVALUATION' | 'INTERMISSION' | 'FINISHED' | 'CANCELLED';

export interface RoundState {
  id: string;
  position: number;
  kind: RoundKind;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  /** When it actually closed (CLOSED rounds; earlier than closesAt after closeRoundNow). */
  closedAt?: Date | null;
}

export type ReminderType = 'ROUND_CLOSING_SOON' | 'EVALUATION_REMINDER';

const HOUR_MS = 60 * 60 * 1000;
export const REMINDER_LEAD_MS: Record<RoundKind, number> = {
  SUBMISSION: 24 * HOUR_MS,
  VOTING: 24 * HOUR_MS,
  EVALUATION: 48 * HOUR_MS,
};

function byPosition(rounds: RoundState[]): RoundState[] {
  return [...rounds].sort((a, b) => a.position - b.position);
}

/** The OPEN round; should the data ever hold two, the earliest by position. */
export function currentRound(rounds: RoundState[]): RoundState | null {
  return byPosition(rounds).find((round) => round.status === 'OPEN') ?? null;
}

/**
 * A published challenge's phase follows its round statuses, not the clock: between a round's
 * closesAt and the close job running, the challenge still shows that round's phase.
 * INTERMISSION covers both the gap between rounds and the wait for results after the last one.
 */
export function derivePhase(status: ChallengeStatus, rounds: RoundState[]): ChallengePhase {
  if (status !== 'PUBLISHED') return status;
  const open = currentRound(rounds);
  if (open) return open.kind;
  return rounds.some((round) => round.status === 'CLOSED') ? 'INTERMISSION' : 'UPCOMING';
}

/**
 * The dates are the authority: a round accepts actions from opensAt (inclusive) to closesAt
 * (exclusive) even if its open job has not run yet. Rounds never overlap, so at most one round
 * of a challenge qualifies at any instant. A CLOSED round accepts nothing, whatever its dates say.
 */
export function isAcceptingActions(round: Pick<RoundState, 'status' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  return round.status !== 'CLOSED' && round.opensAt <= now && now < round.closesAt;
}

/**
 * What the round clock must do now. A round opens only once every earlier round is closed or
 * closing in this same pass, so apply `toClose` before `toOpen`. A round whose whole window
 * passed while the clock was stopped is still opened first and closed on the next pass, keeping
 * SCHEDULED → OPEN → CLOSED the only path. The caller filters out unpublished challenges.
 */
export function roundsDue(rounds: RoundState[], now: Date): { toClose: RoundState[]; toOpen: RoundState[] } {
  const ordered = byPosition(rounds);
  const toClose = ordered.filter((round) => round.status === 'OPEN' && round.closesAt <= now);
  const toOpen: RoundState[] = [];
  for (const round of ordered) {
    if (round.status === 'CLOSED' || toClose.includes(round)) continue;
    if (round.status === 'SCHEDULED' && round.opensAt <= now) toOpen.push(round);
    break; // later rounds wait for this one
  }
  return { toClose, toOpen };
}

/**
 * The status the dates give a round, ahead of the clock jobs: a round past its closesAt is
 * CLOSED and one past its opensAt is OPEN even if the job that records it has not run yet.
 */
export function roundStatusAt(round: Pick<RoundState, 'status' | 'opensAt' | 'closesAt'>, now: Date): RoundStatus {
  if (round.status === 'CLOSED' || round.closesAt <= now) return 'CLOSED';
  if (round.status === 'OPEN' || round.opensAt <= now) return 'OPEN';
  return 'SCHEDULED';
}

/**
 * Rules for moving a round's dates, judged on roundStatusAt so that a round nobody could act on
 * any more cannot be reopened, and one people may already act on cannot be pushed back.
 * An open round may only move closesAt; resending its current opensAt unchanged is accepted.
 * closesAt must lie in the future; a SCHEDULED round may get an opensAt in the past, which means
 * "open as soon as the previous round has closed". A round may open from the moment the previous one
 * actually closed: its closedAt when it was closed early (closeRoundNow), else its closesAt, so an early
 * close leaves no forced gap and the next round can be opened now.
 */
export function rescheduleViolations(
  rounds: RoundState[],
  roundId: string,
  change: { opensAt?: Date; closesAt: Date },
  now: Date,
): RuleViolation[] {
  const ordered = byPosition(rounds);
  const index = ordered.findIndex((round) => round.id === roundId);
  if (index === -1) return [{ path: 'roundId', message: 'La ronda no pertenece a este reto.' }];
  const round = ordered[index];

  const status = roundStatusAt(round, now);
  if (status === 'CLOSED') {
    return [stateProblem('closesAt', 'La ronda ya cerró; sus fechas ya no se pueden cambiar.')];
  }
  if (status === 'OPEN' && change.opensAt && change.opensAt.getTime() !== round.opensAt.getTime()) {
    return [stateProblem('opensAt', 'La ronda ya está abierta; solo se puede cambiar su fecha de cierre.')];
  }

  const opensAt = change.opensAt ?? round.opensAt;
  const { closesAt } = change;
  const invalid = [
    ...(isValidDate(opensAt) ? [] : [scheduleProblem('opensAt', 'La fecha de apertura no es válida.')]),
    ...(isValidDate(closesAt) ? [] : [scheduleProblem('closesAt', 'La fecha de cierre no es válida.')]),
  ];
  if (invalid.length > 0) return invalid;

  const problems: RuleViolation[] = [];
  if (closesAt <= opensAt) {
    problems.push(scheduleProblem('closesAt', 'La ronda debe cerrar después de abrir.'));
  }
  if (closesAt <= now) {
    problems.push(scheduleProblem('closesAt', 'La nueva fecha de cierre ya pasó; elige una fecha futura.'));
  }
  const previous = ordered[index - 1];
  const previousEnd = previous && actualClose(previous);
  if (previousEnd && opensAt < previousEnd) {
    problems.push(
      scheduleProblem(
        'opensAt',
        previousEnd < previous.closesAt
          ? 'La ronda no puede abrir antes del momento en que se cerró la ronda anterior.'
          : 'La ronda no puede abrir antes de que cierre la ronda anterior.',
      ),
    );
  }
  const next = ordered[index + 1];
  if (next && closesAt > next.opensAt) {
    problems.push(scheduleProblem('closesAt', 'La ronda no puede cerrar después de que abra la ronda siguiente.'));
  }
  return problems;
}

/** When a round stops accepting actions: its closedAt if it was closed before closesAt, else closesAt. */
export function actualClose(round: Pick<RoundState, 'status' | 'closesAt' | 'closedAt'>): Date {
  const closedAt = round.status === 'CLOSED' ? round.closedAt : null;
  return closedAt && closedAt < round.closesAt ? closedAt : round.closesAt;
}

/**
 * When to remind about a round closing: ROUND_CLOSING_SOON 24 h before a SUBMISSION or VOTING
 * round closes, EVALUATION_REMINDER 48 h before an EVALUATION round closes. A round shorter than
 * its lead time gets no reminder (it would arrive before the round opens). Exactly as long as the
 * lead time: the reminder goes out when the round opens.
 */
export function reminderAt(
  round: Pick<RoundState, 'kind' | 'opensAt' | 'closesAt'>,
): { type: ReminderType; at: Date } | null {
  const lead = REMINDER_LEAD_MS[round.kind];
  if (round.closesAt.getTime() - round.opensAt.getTime() < lead) return null;
  const type: ReminderType = round.kind === 'EVALUATION' ? 'EVALUATION_REMINDER' : 'ROUND_CLOSING_SOON';
  return { type, at: new Date(round.closesAt.getTime() - lead) };
}

/**
 * Only a DRAFT whose final round still closes in the future can be published. The final round is
 * the one closing last, so the rounds' order does not matter. The plan's other rules are
 * challengePlanViolations' job.
 */
export function canPublish(status: ChallengeStatus, rounds: Pick<RoundState, 'closesAt'>[], now: Date): boolean {
  if (status !== 'DRAFT' || rounds.length === 0) return false;
  const lastClose = Math.max(...rounds.map((round) => round.closesAt.getTime()));
  return lastClose > now.getTime();
}

function scheduleProblem(path: string, message: string): RuleViolation {
  return { path, message, reason: 'INVALID_SCHEDULE' };
}

function stateProblem(path: string, message: string): RuleViolation {
  return { path, message, reason: 'INVALID_STATE_TRANSITION' };
}

function isValidDate(date: Date): boolean {
  return date instanceof Date && !Number.isNaN(date.getTime());
}
