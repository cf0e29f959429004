/** Spanish texts of the Avisos page (RULES §8: what the platform tells each person). */
export const noticesTexts = {
  title: 'Avisos',
  intro: 'Lo que pasó en los retos que sigues y con tus propuestas, lo más reciente primero.',
  preferencesLink: 'Elegir qué avisos recibo',
  unreadOnly: 'Solo sin leer',
  markAll: 'Marcar todos como leídos',
  markOne: 'Marcar como leído',
  unread: 'Sin leer',
  loadMore: 'Cargar más',
  count: (n: number, unreadOnly: boolean) =>
    `${n.toLocaleString('es-MX')} ${n === 1 ? 'aviso' : 'avisos'}${unreadOnly ? ' sin leer' : ''}`,
  none: 'Todavía no tienes avisos. Sigue un reto y aquí verás cuando abra o cierre una ronda y sus resultados.',
  noneUnread: 'No tienes avisos sin leer.',
  markedAll: (n: number) =>
    n === 0
      ? 'No había avisos sin leer.'
      : n === 1
        ? 'Marcamos 1 aviso como leído.'
        : `Marcamos ${n} avisos como leídos.`,
  markedOne: 'Aviso marcado como leído.',
  loadedMore: (n: number) => (n === 1 ? 'Se cargó 1 aviso más.' : `Se cargaron ${n} avisos más.`),
  challengeLink: (title: string) => `Ver el reto «${title}»`,
  proposalLink: (title: string) => `Ver el reto de la propuesta «${title}»`,
};
