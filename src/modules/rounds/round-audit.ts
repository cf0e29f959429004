/** Spanish summaries of the round clock's audit events (RULES §9). Pure. */

interface Named {
  position: number;
  title: string;
}

const name = (round: Named) => `la ronda ${round.position} «${round.title}»`;

/** `2030-01-01 10:00 UTC` — dates in the public log are read by people. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function openedSummary(round: Named): string {
  return `Abrió ${name(round)}`;
}

export function closedSummary(round: Named, early: boolean): string {
  return `Cerró ${name(round)}${early ? ' antes de su fecha de cierre' : ''}`;
}

export function rescheduledSummary(
  round: Named,
  from: { opensAt: Date; closesAt: Date },
  to: { opensAt: Date; closesAt: Date },
): string {
  const changes: string[] = [];
  if (from.opensAt.getTime() !== to.opensAt.getTime())
    changes.push(`apertura ${formatUtc(from.opensAt)} → ${formatUtc(to.opensAt)}`);
  if (from.closesAt.getTime() !== to.closesAt.getTime())
    changes.push(`cierre ${formatUtc(from.closesAt)} → ${formatUtc(to.closesAt)}`);
  return `Reprogramó ${name(round)}: ${changes.length ? changes.join('; ') : 'sin cambios de fecha'}`;
}

export function resultsSummary(challengeTitle: string): string {
  return `Publicó los resultados del reto «${challengeTitle}»`;
}
