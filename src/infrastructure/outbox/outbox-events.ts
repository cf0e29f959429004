/**
 * Every event a state change can record in the outbox, with its payload (ids and facts, never entities).
 * Dates travel as ISO strings. Consumers (round clock, notifications, open data) subscribe by type.
 */
export interface OutboxEvents {
  'challenge.published': { challengeId: string; rounds: { roundId: string; opensAt: string; closesAt: string }[] };
  'challenge.cancelled': { challengeId: string; reason: string };
  'round.rescheduled': { challengeId: string; roundId: string; opensAt: string; closesAt: string };
  'round.opened': { challengeId: string; roundId: string; position: number; kind: string };
  'round.closed': { challengeId: string; roundId: string; position: number; kind: string; advanced: string[]; eliminated: string[] };
  'results.published': { challengeId: string; winners: string[] };
  'round.closing_soon': { challengeId: string; roundId: string; closesAt: string };
  'evaluation.reminder': { challengeId: string; roundId: string; closesAt: string };
}

export type OutboxEventType = keyof OutboxEvents;
