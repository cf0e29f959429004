/**
 * The notification preferences table (RULES §8): one row per kind of notice, one switch per channel, in an order
 * a citizen reads (their challenges first, their proposals next, jury notices only for jurors).
 */

export type NotificationChannel = 'IN_APP' | 'EMAIL';

export interface PreferenceFacts {
  type: string;
  channel: NotificationChannel;
  enabled: boolean;
}

export interface PreferenceRow {
  type: string;
  label: string;
  inApp: boolean;
  email: boolean;
}

const ORDER: { type: string; label: string; jurorsOnly?: true }[] = [
  { type: 'CHALLENGE_PUBLISHED', label: 'Se publicó un reto de algo que sigues' },
  { type: 'ROUND_OPENED', label: 'Abrió una ronda de un reto que sigues' },
  { type: 'ROUND_CLOSING_SOON', label: 'Una ronda de un reto que sigues cierra en menos de 24 horas' },
  { type: 'ROUND_CLOSED', label: 'Cerró una ronda de un reto que sigues' },
  { type: 'RESULTS_PUBLISHED', label: 'Se publicaron los resultados de un reto que sigues' },
  { type: 'CHALLENGE_CANCELLED', label: 'Se canceló un reto que sigues' },
  { type: 'PROPOSAL_SUBMITTED', label: 'Se envió una propuesta tuya' },
  { type: 'PROPOSAL_ADVANCED', label: 'Una propuesta tuya pasó a la siguiente ronda' },
  { type: 'PROPOSAL_ELIMINATED', label: 'Una propuesta tuya no pasó a la siguiente ronda' },
  { type: 'PROPOSAL_WON', label: 'Una propuesta tuya ganó' },
  { type: 'PROPOSAL_HIDDEN', label: 'Una propuesta tuya fue ocultada o marcada como no elegible' },
  { type: 'JURY_ASSIGNED', label: 'Te asignaron propuestas para evaluar', jurorsOnly: true },
  { type: 'EVALUATION_REMINDER', label: 'Tienes evaluaciones pendientes y la ronda cierra pronto', jurorsOnly: true },
];

/** Rows in reading order; a type the page does not know yet goes last under its own name, never dropped. */
export function preferenceRows(preferences: readonly PreferenceFacts[], isJuror: boolean): PreferenceRow[] {
  const enabled = (type: string, channel: NotificationChannel) =>
    preferences.some((p) => p.type === type && p.channel === channel && p.enabled);
  const present = new Set(preferences.map((p) => p.type));
  const known = ORDER.filter((o) => present.has(o.type) && (isJuror || !o.jurorsOnly));
  const unknown = [...present].filter((type) => !ORDER.some((o) => o.type === type));
  return [...known, ...unknown.map((type) => ({ type, label: type }))].map(({ type, label }) => ({
    type,
    label,
    inApp: enabled(type, 'IN_APP'),
    email: enabled(type, 'EMAIL'),
  }));
}

export const channelLabel: Record<NotificationChannel, string> = {
  IN_APP: 'En la plataforma',
  EMAIL: 'Por correo',
};

/** Accessible name of one switch: the row and the column, as a person reads the table. */
export function switchLabel(row: PreferenceRow, channel: NotificationChannel): string {
  return `${row.label}: ${channelLabel[channel].toLowerCase()}`;
}
