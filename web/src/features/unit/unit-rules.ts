/**
 * Pure rules of "Mi unidad": who may do what (mirroring the API's guards, which still decide), the dashboard's
 * grouping and attention counts, and dates typed in Mexico City time. No React, no GraphQL client.
 */

export type UnitRole = 'ADMIN' | 'EDITOR';
export type PlatformRole = 'CITIZEN' | 'MODERATOR' | 'ADMIN';
export type Phase =
  'DRAFT' | 'UPCOMING' | 'SUBMISSION' | 'VOTING' | 'INTERMISSION' | 'EVALUATION' | 'FINISHED' | 'CANCELLED';

/** What the person may do in a challenge of their unit (RULES §1, §3, §4, §6). */
export interface Capabilities {
  closeRound: boolean;
  reschedule: boolean;
  markIneligible: boolean;
  /** hideProposal/unhideProposal belong to the platform's moderation, not to the unit. */
  hide: boolean;
  manageJury: boolean;
  manageMembers: boolean;
}

export function capabilities(role: UnitRole | null, platformRole: PlatformRole): Capabilities {
  const staff = role === 'ADMIN' || role === 'EDITOR';
  const admin = role === 'ADMIN';
  return {
    closeRound: admin,
    reschedule: admin,
    markIneligible: staff || platformRole === 'ADMIN',
    hide: platformRole === 'MODERATOR' || platformRole === 'ADMIN',
    manageJury: staff,
    manageMembers: admin || platformRole === 'ADMIN',
  };
}

/** The phases in the order an official follows them on the dashboard. */
export const PHASE_ORDER: readonly Phase[] = [
  'SUBMISSION',
  'VOTING',
  'EVALUATION',
  'INTERMISSION',
  'UPCOMING',
  'DRAFT',
  'FINISHED',
  'CANCELLED',
];

export function groupByPhase<T extends { phase: Phase }>(challenges: readonly T[]): { phase: Phase; items: T[] }[] {
  return PHASE_ORDER.map((phase) => ({ phase, items: challenges.filter((c) => c.phase === phase) })).filter(
    (group) => group.items.length > 0,
  );
}

/** A round closing within this window needs attention. */
export const CLOSING_SOON_MS = 48 * 3600_000;

export interface AttentionFacts {
  phase: Phase;
  proposalCount: number;
  currentRound: { closesAt: string } | null;
}

export interface Attention {
  /** Submitted proposals of a challenge still receiving them: the unit reviews their eligibility. */
  toReview: number;
  /** The open round closes within CLOSING_SOON_MS (and has not closed yet). */
  closingSoon: boolean;
}

export function attention(facts: AttentionFacts, now: Date): Attention {
  const closesIn = facts.currentRound ? new Date(facts.currentRound.closesAt).getTime() - now.getTime() : null;
  return {
    toReview: facts.phase === 'SUBMISSION' ? facts.proposalCount : 0,
    closingSoon: closesIn !== null && closesIn > 0 && closesIn <= CLOSING_SOON_MS,
  };
}

/** Evaluations still to send: assigned minus evaluated, per juror, never negative. */
export function pendingEvaluations(progress: readonly ({ assigned: number; evaluated: number } | null)[]): number {
  return progress.reduce((sum, p) => sum + (p ? Math.max(0, p.assigned - p.evaluated) : 0), 0);
}

// ── dates typed in Mexico City time ──

const ZONE = 'America/Mexico_City';

/** Minutes to add to UTC to get Mexico City wall time at that instant (−360 without daylight saving). */
function zoneOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2027-03-12T18:00" typed as Mexico City time → "2027-03-13T00:00:00.000Z"; null when not a date. */
export function mexicoCityToIso(local: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) return null;
  // Two passes settle the offset on either side of a change of offset.
  let instant = asUtc - zoneOffsetMinutes(new Date(asUtc)) * 60_000;
  instant = asUtc - zoneOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

/** An instant as the value of a `datetime-local` field in Mexico City time: "2027-03-12T18:00". */
export function isoToMexicoCity(iso: string): string {
  const instant = new Date(iso);
  const wall = new Date(instant.getTime() + zoneOffsetMinutes(instant) * 60_000);
  return wall.toISOString().slice(0, 16);
}

/** What the rescheduling rules need of a round (RULES §3). */
export interface RoundTimes {
  status: 'SCHEDULED' | 'OPEN' | 'CLOSED';
  opensAt: string;
  closesAt: string;
  closedAt?: string | null;
}

/** When the previous round stopped accepting actions: its actual close if it was closed early, else its planned close. */
export function actualClose(round: RoundTimes): string {
  const closedAt = round.status === 'CLOSED' ? round.closedAt : null;
  return closedAt && Date.parse(closedAt) < Date.parse(round.closesAt) ? closedAt : round.closesAt;
}

/** «Abrir ahora» is offered for a round that has not opened when the round before it (if any) is closed. */
export function canOpenNow(round: RoundTimes, previous: RoundTimes | null, now: Date): boolean {
  if (round.status !== 'SCHEDULED' || Date.parse(round.opensAt) <= now.getTime()) return false;
  return previous === null || previous.status === 'CLOSED';
}

/** The opening «Abrir ahora» sends: now, never before the previous round's actual close (a browser clock a bit behind). */
export function openNowInstant(previous: RoundTimes | null, now: Date): string {
  const earliest = previous ? Date.parse(actualClose(previous)) : 0;
  return new Date(Math.max(now.getTime(), earliest)).toISOString();
}

/**
 * A typed opening (whole minutes) as the instant to send. The minute in which the previous round actually closed
 * means that instant, so typing "now" right after an early close is not refused for the seconds the form cannot show.
 */
export function typedOpening(local: string, previous: RoundTimes | null): string | null {
  const iso = mexicoCityToIso(local);
  if (!iso || !previous) return iso;
  const end = actualClose(previous);
  return Date.parse(iso) < Date.parse(end) && isoToMexicoCity(end) === local ? end : iso;
}
