/**
 * The profile form (RULES §1): which changes to send, and the refusals the page can state before sending.
 * `updateProfile` leaves out omitted fields and replaces the residence whole when either part is sent.
 */

export interface ProfileForm {
  displayName: string;
  anonymousInPublic: boolean;
  stateCode: string;
  municipalityCode: string;
}

export interface ProfileChanges {
  displayName?: string;
  anonymousInPublic?: boolean;
  stateCode?: string | null;
  municipalityCode?: string | null;
}

export interface FieldProblem {
  field: keyof ProfileForm;
  message: string;
}

/** Only what changed; an empty select means no residence (null clears it on the server). */
export function profileChanges(saved: ProfileForm, form: ProfileForm): ProfileChanges {
  const changes: ProfileChanges = {};
  const name = form.displayName.trim();
  if (name !== saved.displayName) changes.displayName = name;
  if (form.anonymousInPublic !== saved.anonymousInPublic) changes.anonymousInPublic = form.anonymousInPublic;
  if (form.stateCode !== saved.stateCode || form.municipalityCode !== saved.municipalityCode) {
    changes.stateCode = form.stateCode || null;
    changes.municipalityCode = form.municipalityCode || null;
  }
  return changes;
}

/** The same limits the API checks (display name 2..80 characters, municipality within its state). */
export function profileProblems(form: ProfileForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const length = [...form.displayName.trim()].length;
  if (length < 2 || length > 80)
    problems.push({ field: 'displayName', message: 'Tu nombre público debe tener de 2 a 80 caracteres.' });
  if (form.municipalityCode && !form.municipalityCode.startsWith(form.stateCode))
    problems.push({ field: 'municipalityCode', message: 'Elige un municipio de la entidad que seleccionaste.' });
  return problems;
}

/** Changing the state empties a municipality of another state, so the form never holds a mismatch. */
export function withState(form: ProfileForm, stateCode: string): ProfileForm {
  return {
    ...form,
    stateCode,
    municipalityCode: stateCode && form.municipalityCode.startsWith(stateCode) ? form.municipalityCode : '',
  };
}
