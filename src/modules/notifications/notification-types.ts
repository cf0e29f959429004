/** Notification kinds, channels and default preferences (RULES §8). Pure: no Nest, no TypeORM. */

export const NOTIFICATION_TYPES = [
  'CHALLENGE_PUBLISHED',
  'ROUND_OPENED',
  'ROUND_CLOSING_SOON',
  'ROUND_CLOSED',
  'PROPOSAL_SUBMITTED',
  'PROPOSAL_ADVANCED',
  'PROPOSAL_ELIMINATED',
  'PROPOSAL_HIDDEN',
  'JURY_ASSIGNED',
  'EVALUATION_REMINDER',
  'RESULTS_PUBLISHED',
  'PROPOSAL_WON',
  'CHALLENGE_CANCELLED',
  'CO_AUTHOR_INVITED',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_CHANNELS = ['IN_APP', 'EMAIL'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const FOLLOW_TARGET_TYPES = ['CHALLENGE', 'UNIT', 'CATEGORY', 'STATE', 'MUNICIPALITY'] as const;
export type FollowTargetType = (typeof FOLLOW_TARGET_TYPES)[number];

/** E-mail is off by default only for the two most frequent, least personal kinds. */
const EMAIL_OFF_BY_DEFAULT: ReadonlySet<NotificationType> = new Set(['ROUND_OPENED', 'ROUND_CLOSED']);

export function defaultEnabled(type: NotificationType, channel: NotificationChannel): boolean {
  return channel === 'IN_APP' || !EMAIL_OFF_BY_DEFAULT.has(type);
}

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

export interface PreferenceRow {
  type: NotificationType;
  channel: NotificationChannel;
  enabled: boolean;
}

/** Every type × channel, the stored choices applied over the defaults, in a stable order. */
export function effectivePreferences(stored: readonly PreferenceRow[]): PreferenceRow[] {
  const chosen = new Map(stored.map((p) => [`${p.type}:${p.channel}`, p.enabled]));
  return NOTIFICATION_TYPES.flatMap((type) =>
    NOTIFICATION_CHANNELS.map((channel) => ({
      type,
      channel,
      enabled: chosen.get(`${type}:${channel}`) ?? defaultEnabled(type, channel),
    })),
  );
}
