/** The header bell's texts: their own tiny module, so the first load carries nothing of the notices page. */
export const bellTexts = {
  name: 'Avisos',
  arrived: (title: string) => `Nuevo aviso: ${title}`,
};

/**
 * Said after "Avisos" but hidden from view (the badge shows the number), so the bell's accessible name is
 * "Avisos (3 sin leer)", or just "Avisos" at zero. Browsers put a space before hidden text, hence no comma.
 */
export function bellUnreadText(unread: number): string {
  return unread > 0 ? `(${unread.toLocaleString('es-MX')} sin leer)` : '';
}

/** The visible count beside the bell: none at zero, "99+" past 99 so the header keeps its width. */
export function bellBadge(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}
