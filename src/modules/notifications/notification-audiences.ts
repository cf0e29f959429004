import type { OutboxEvents, OutboxEventType } from '../../infrastructure/outbox/outbox-events.js';
import type { FollowTargetType, NotificationType } from './notification-types.js';

/** Who receives one kind of notification for an event (RULES §8). Pure: built from the event and the challenge. */
export type AudienceSource =
  | { followers: { targetType: FollowTargetType; targetId: string }[] }
  | { authorsOf: string[] }
  | { users: string[] }
  /** Jurors of an EVALUATION round who still have assignments without an evaluation. */
  | { pendingJurorsOf: string };

export type Audience = AudienceSource & {
  type: NotificationType;
  /**
   * Lower wins: a person reached by several audiences of one event gets only the most specific notification
   * (an author whose proposal advanced gets PROPOSAL_ADVANCED, not also ROUND_CLOSED).
   */
  priority: number;
};

export interface ChallengeFacts {
  unitId: string;
  category: string;
  level: 'FEDERAL' | 'STATE' | 'MUNICIPAL';
  stateCode: string | null;
  municipalityCode: string | null;
}

/** The events notifications consume; `proposal.*` come from the proposals module. */
export const NOTIFYING_EVENTS = [
  'challenge.published',
  'challenge.cancelled',
  'round.opened',
  'round.closing_soon',
  'round.closed',
  'results.published',
  'evaluation.reminder',
  'jury.assigned',
  'proposal.submitted',
  'proposal.hidden',
  'proposal.ineligible',
  'co_author.invited',
] as const satisfies readonly OutboxEventType[];
export type NotifyingEvent = (typeof NOTIFYING_EVENTS)[number];

const challengeFollowers = (challengeId: string) => ({
  followers: [{ targetType: 'CHALLENGE' as const, targetId: challengeId }],
});

/** The audiences of an event, most specific first. `challenge` is null only when the challenge is gone. */
export function audiencesOf<T extends NotifyingEvent>(
  type: T,
  payload: OutboxEvents[T],
  challenge: ChallengeFacts | null,
): Audience[] {
  switch (type) {
    case 'challenge.published': {
      if (!challenge) return [];
      const targets: { targetType: FollowTargetType; targetId: string }[] = [
        { targetType: 'UNIT', targetId: challenge.unitId },
        { targetType: 'CATEGORY', targetId: challenge.category },
      ];
      if (challenge.level === 'STATE' && challenge.stateCode)
        targets.push({ targetType: 'STATE', targetId: challenge.stateCode.trim() });
      if (challenge.level === 'MUNICIPAL' && challenge.municipalityCode)
        targets.push({ targetType: 'MUNICIPALITY', targetId: challenge.municipalityCode.trim() });
      return [{ type: 'CHALLENGE_PUBLISHED', priority: 1, followers: targets }];
    }
    case 'round.opened':
      return [
        {
          type: 'ROUND_OPENED',
          priority: 1,
          ...challengeFollowers((payload as OutboxEvents['round.opened']).challengeId),
        },
      ];
    case 'round.closing_soon':
      return [
        {
          type: 'ROUND_CLOSING_SOON',
          priority: 1,
          ...challengeFollowers((payload as OutboxEvents['round.closing_soon']).challengeId),
        },
      ];
    case 'challenge.cancelled':
      return [
        {
          type: 'CHALLENGE_CANCELLED',
          priority: 1,
          ...challengeFollowers((payload as OutboxEvents['challenge.cancelled']).challengeId),
        },
      ];
    case 'round.closed': {
      const p = payload as OutboxEvents['round.closed'];
      return [
        { type: 'PROPOSAL_ADVANCED', priority: 1, authorsOf: p.advanced ?? [] },
        { type: 'PROPOSAL_ELIMINATED', priority: 2, authorsOf: p.eliminated ?? [] },
        { type: 'ROUND_CLOSED', priority: 3, ...challengeFollowers(p.challengeId) },
      ];
    }
    case 'results.published': {
      const p = payload as OutboxEvents['results.published'];
      return [
        { type: 'PROPOSAL_WON', priority: 1, authorsOf: p.winners ?? [] },
        { type: 'RESULTS_PUBLISHED', priority: 2, ...challengeFollowers(p.challengeId) },
      ];
    }
    case 'evaluation.reminder':
      return [
        {
          type: 'EVALUATION_REMINDER',
          priority: 1,
          pendingJurorsOf: (payload as OutboxEvents['evaluation.reminder']).roundId,
        },
      ];
    case 'jury.assigned':
      return [{ type: 'JURY_ASSIGNED', priority: 1, users: [(payload as OutboxEvents['jury.assigned']).jurorUserId] }];
    case 'proposal.submitted':
      return [
        { type: 'PROPOSAL_SUBMITTED', priority: 1, users: (payload as OutboxEvents['proposal.submitted']).authorIds },
      ];
    case 'proposal.hidden':
    case 'proposal.ineligible':
      return [{ type: 'PROPOSAL_HIDDEN', priority: 1, users: (payload as OutboxEvents['proposal.hidden']).authorIds }];
    case 'co_author.invited':
      return [
        { type: 'CO_AUTHOR_INVITED', priority: 1, users: (payload as OutboxEvents['co_author.invited']).inviteeIds },
      ];
    default:
      return [];
  }
}
