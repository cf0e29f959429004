/** A valid CreateChallengeInput whose rounds start `startInMs` from now and last `roundMs` each. */
export function challengeInput(
  unitId: string,
  options: { startInMs?: number; roundMs?: number; title?: string; overrides?: Record<string, unknown> } = {},
) {
  const start = Date.now() + (options.startInMs ?? 3600_000);
  const roundMs = options.roundMs ?? 86_400_000;
  const at = (i: number) => new Date(start + i * roundMs).toISOString();
  return {
    unitId,
    title: options.title ?? 'Agua limpia en las escuelas de Puebla',
    summary: 'Ideas para que cada escuela pública tenga agua potable todo el año.',
    description: 'Buscamos propuestas de la ciudadanía para llevar agua potable a las escuelas públicas del estado.',
    category: 'WATER',
    tags: ['agua', 'escuelas'],
    settings: { votingMethod: 'MULTIPLE', maxVotesPerVoter: 3, winnerCount: 1 },
    rounds: [
      { kind: 'SUBMISSION', title: 'Recepción de propuestas', opensAt: at(0), closesAt: at(1) },
      { kind: 'VOTING', title: 'Votación ciudadana', opensAt: at(1), closesAt: at(2) },
    ],
    ...options.overrides,
  };
}
