import type { AddRefusal, BallotLimits, BallotState, BallotSummary, SubmitRefusal } from './ballot-rules';
import { formatCentavos } from './money';

/** Spanish texts of the ballot page; numbers formatted for es-MX. */

function projects(n: number): string {
  return n === 1 ? '1 proyecto' : `${n} proyectos`;
}

export const ballotTexts = {
  title: (challenge: string) => `Tu boleta: «${challenge}»`,
  confirmationTitle: 'Tu boleta está guardada',
  backToChallenge: (challenge: string) => `Volver al reto «${challenge}»`,
  legend: 'Proyectos que apruebas',
  cost: (amount: string) => `Costo estimado: ${amount}`,
  closes: (when: string) => `Puedes cambiar tu boleta hasta el ${when}; cuenta la última que envíes.`,
  submit: 'Enviar mi boleta',
  replace: 'Reemplazar mi boleta',
  signIn: 'Inicia sesión para llenar tu boleta',
  notBudget: 'Este reto no se decide con boleta de presupuesto: se vota propuesta por propuesta.',
  closed: 'La boleta no está abierta: la votación ya cerró o aún no empieza.',
  added: (title: string) => `Agregaste «${title}».`,
  removed: (title: string) => `Quitaste «${title}».`,
  leaveTitle: 'Tienes cambios sin enviar',
  leaveBody: 'Si sales ahora, tu boleta se queda como estaba la última vez que la enviaste.',
  stay: 'Seguir en mi boleta',
  leave: 'Salir sin enviar',
  counted: 'Esto es lo que cuenta de tu boleta:',
  emptyBallot: 'Enviaste una boleta vacía: no apruebas ningún proyecto.',
  sentAt: (when: string) => `Enviada el ${when}.`,
  total: (amount: string) => `Total: ${amount}`,
  change: 'Cambiar mi boleta',
  none: 'Aún no envías tu boleta',
  fill: 'Llenar tu boleta',
  counter(summary: BallotSummary, limits: BallotLimits): string {
    return limits.maxProjects === null
      ? `${projects(summary.count)} en tu boleta`
      : `${summary.count} de ${limits.maxProjects} proyectos`;
  },

  budgetLine(summary: BallotSummary, limits: BallotLimits): string {
    if (limits.voterBudget === null || summary.remaining === null)
      return `Total de tu boleta: ${formatCentavos(summary.total)} (sin tope por persona)`;
    return `Usas ${formatCentavos(summary.total)} de ${formatCentavos(limits.voterBudget)}; te quedan ${formatCentavos(summary.remaining)}`;
  },

  limitsLine(limits: BallotLimits): string | null {
    const { minProjects: min, maxProjects: max } = limits;
    if (min !== null && max !== null) return `Elige de ${min} a ${max} proyectos, o deja la boleta vacía.`;
    if (min !== null) return `Elige al menos ${projects(min)}, o deja la boleta vacía.`;
    if (max !== null) return `Puedes elegir hasta ${projects(max)}.`;
    return null;
  },

  addRefusal(refusal: AddRefusal): string {
    switch (refusal.kind) {
      case 'DOES_NOT_FIT':
        return `No cabe: cuesta ${formatCentavos(refusal.cost)} y te quedan ${formatCentavos(refusal.remaining)}.`;
      case 'BALLOT_FULL':
        return `Ya elegiste el máximo de ${projects(refusal.maxProjects)}; quita uno para elegir este.`;
    }
  },

  submitRefusal(refusal: SubmitRefusal): string {
    switch (refusal.kind) {
      case 'OVER_BUDGET':
        return `Tu boleta suma ${formatCentavos(refusal.total)} y tu presupuesto es de ${formatCentavos(refusal.voterBudget)}.`;
      case 'TOO_SHORT':
        return `Elige al menos ${projects(refusal.minProjects)} (llevas ${refusal.count}), o deja la boleta vacía.`;
      case 'TOO_LONG':
        return `Elige como máximo ${projects(refusal.maxProjects)} (llevas ${refusal.count}).`;
    }
  },

  state(state: BallotState): string {
    switch (state) {
      case 'NOT_SENT':
        return 'Aún no envías tu boleta';
      case 'SAVED':
        return 'Tu boleta está guardada';
      case 'UNSENT_CHANGES':
        return 'Tienes cambios sin enviar';
    }
  },
};
