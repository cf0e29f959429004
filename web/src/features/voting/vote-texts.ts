import type { VoteBlock } from './vote-rules';

/** Spanish texts of voting: the counter, confirmations and why a vote is not possible, with the way forward. */

function votes(n: number): string {
  return n === 1 ? '1 voto' : `${n} votos`;
}

/** What the server's refusal reasons mean for the voter (RULES §4, §5, §10), each with what to do next. */
const refusalByReason: Record<string, string> = {
  EMAIL_NOT_VERIFIED: 'Para votar, confirma tu correo: abre el enlace que te enviamos o pide uno nuevo en Tu cuenta.',
  CURP_REQUIRED: 'Este reto pide CURP verificada para votar. Verifícala en Tu cuenta y vuelve a intentarlo.',
  NOT_RESIDENT:
    'Este reto es solo para residentes de su territorio. Si vives ahí, actualiza tu residencia en Tu cuenta.',
  JUROR_CONFLICT: 'Formas parte del jurado de este reto, así que no puedes votar en él.',
  ROUND_NOT_OPEN: 'La votación no está abierta: ya cerró o aún no empieza.',
  PHASE_MISMATCH: 'Este reto se decide con una boleta de presupuesto, no con votos sueltos.',
  PROPOSAL_NOT_IN_RUNNING: 'Esta propuesta ya no está en competencia en esta ronda.',
  ALREADY_VOTED: 'Ya votaste por esta propuesta en esta ronda.',
  VOTE_LIMIT_REACHED: 'Ya usaste todos tus votos de esta ronda; retira uno para votar por otra propuesta.',
};

export const voteTexts = {
  counter(remaining: number, allowed: number): string {
    if (allowed === 1) return remaining > 0 ? 'Tienes 1 voto en esta ronda' : 'Ya usaste tu voto de esta ronda';
    return `${remaining === 1 ? 'Te queda' : 'Te quedan'} ${remaining} de ${votes(allowed)}`;
  },

  title: (challenge: string) => `Votar en «${challenge}»`,
  backToChallenge: (challenge: string) => `Volver al reto «${challenge}»`,
  goToBallot: 'Llenar tu boleta',
  signInToVote: 'Inicia sesión para votar',
  closes: (when: string) => `La votación cierra el ${when}.`,
  yourVote: 'Tu voto',
  vote: 'Votar',
  retract: 'Retirar voto',
  /** Completes the button's accessible name with the proposal it acts on: "Votar por «…»". */
  proposalSuffix: (title: string) => `por «${title}»`,

  cast(title: string, remaining: number, allowed: number): string {
    return `Tu voto por «${title}» quedó registrado. ${voteTexts.counter(remaining, allowed)}.`;
  },
  retracted(title: string, remaining: number, allowed: number): string {
    return `Retiraste tu voto por «${title}». ${voteTexts.counter(remaining, allowed)}.`;
  },

  block(block: VoteBlock): string {
    switch (block) {
      case 'ROUND_CLOSED':
        return 'La votación no está abierta ahora.';
      case 'SIGN_IN':
        return 'Inicia sesión para votar.';
      case 'NO_VOTES_LEFT':
        return 'Ya usaste todos tus votos; retira uno para votar por esta propuesta.';
      case 'BUDGET_BALLOT':
        return 'Este reto se vota llenando la boleta de presupuesto.';
    }
  },

  /** The server's reason explained; its own Spanish message when the reason is new to the page. */
  refusal(reason: string | undefined, serverMessage: string): string {
    return (reason && refusalByReason[reason]) ?? serverMessage;
  },
};
