/** Spanish texts of the new-proposal page (loaded with it, not with the first page). */
export const proposalTexts = {
  newTitle: 'Nueva propuesta',
  forChallenge: (title: string) => `Para el reto «${title}»`,
  title: 'Título',
  titleHint: 'De 5 a 150 caracteres.',
  summary: 'Resumen',
  summaryHint: 'Una o dos frases que expliquen la idea (10 a 500 caracteres).',
  body: 'Propuesta completa',
  bodyHint: 'Qué propones, cómo funcionaría y a quién beneficia (al menos 20 caracteres).',
  estimatedCost: 'Costo estimado en pesos (opcional)',
  submit: 'Enviar propuesta',
  sending: 'Enviando…',
  sent: 'Tu propuesta fue enviada.',
  signInFirst: 'Inicia sesión para proponer.',
};
