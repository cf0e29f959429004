/**
 * Who may take part in a challenge — propose (RULES §4) and vote (§5) — as one pure rule shared by
 * the proposals and voting features. Signing in is the caller's check (UNAUTHENTICATED); this
 * answers, for a signed-in account, the first FORBIDDEN reason, in the order RULES §4 lists them.
 */

export type ParticipationRefusalReason = 'EMAIL_NOT_VERIFIED' | 'CURP_REQUIRED' | 'NOT_RESIDENT' | 'JUROR_CONFLICT';

export interface ParticipationRefusal {
  reason: ParticipationRefusalReason;
  /** Spanish, for the person refused. */
  message: string;
}

/** A juror of the challenge (RULES §6: jurors neither propose nor vote). */
export const JUROR_REFUSAL: ParticipationRefusal = {
  reason: 'JUROR_CONFLICT',
  message: 'Formas parte del jurado de este reto, así que no puedes proponer ni votar en él.',
};

export interface ParticipantFacts {
  emailVerified: boolean;
  curpVerified: boolean;
  /** Declared residence (INEGI codes); a municipality's first two digits are its state. */
  stateCode: string | null;
  municipalityCode: string | null;
}

export interface ChallengeFacts {
  settings: { requireCurp: boolean; residentsOnly: boolean };
  level: 'FEDERAL' | 'STATE' | 'MUNICIPAL';
  stateCode: string | null;
  municipalityCode: string | null;
}

export interface ParticipationOptions {
  /** REQUIRE_EMAIL_VERIFICATION (default true); false lets unverified accounts take part (demos). */
  requireEmailVerification: boolean;
  /** Whether the account sits on the challenge's jury (RULES §6: jurors neither propose nor vote). */
  isJuror: boolean;
}

/** The state an account lives in: the declared one, else the one its municipality belongs to. */
function residentState(account: ParticipantFacts): string | null {
  return account.stateCode ?? account.municipalityCode?.slice(0, 2) ?? null;
}

/**
 * Residence for `residentsOnly`: STATE challenges need the challenge's state, MUNICIPAL ones its
 * municipality. A FEDERAL challenge has no territory of its own; "residents only" there means
 * residents of Mexico, i.e. anyone who declared a residence (the catalog holds only Mexican places).
 */
function livesIn(account: ParticipantFacts, challenge: ChallengeFacts): boolean {
  switch (challenge.level) {
    case 'MUNICIPAL':
      return account.municipalityCode !== null && account.municipalityCode === challenge.municipalityCode;
    case 'STATE':
      return residentState(account) !== null && residentState(account) === challenge.stateCode;
    case 'FEDERAL':
      return residentState(account) !== null;
  }
}

/** Null when the account may take part; else the first reason it may not. Pure. */
export function participationRefusal(
  account: ParticipantFacts,
  challenge: ChallengeFacts,
  options: ParticipationOptions,
): ParticipationRefusal | null {
  if (options.requireEmailVerification && !account.emailVerified) {
    return { reason: 'EMAIL_NOT_VERIFIED', message: 'Confirma tu correo para participar.' };
  }
  if (challenge.settings.requireCurp && !account.curpVerified) {
    return { reason: 'CURP_REQUIRED', message: 'Este reto pide verificar tu CURP para participar.' };
  }
  if (challenge.settings.residentsOnly && !livesIn(account, challenge)) {
    const where =
      challenge.level === 'MUNICIPAL' ? 'del municipio' : challenge.level === 'STATE' ? 'de la entidad' : 'de México';
    return {
      reason: 'NOT_RESIDENT',
      message: `Este reto es solo para residentes ${where}; revisa la residencia de tu perfil.`,
    };
  }
  if (options.isJuror) return JUROR_REFUSAL;
  return null;
}
