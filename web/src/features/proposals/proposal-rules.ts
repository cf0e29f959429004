// Checks the browser makes before asking the API, so the person hears about an empty field at once.
// The API stays the authority: its refusals are shown at the same fields.
import type { DraftText } from './local-draft';
import { proposalTexts } from './proposal-texts';

const REQUIRED = ['title', 'summary', 'body'] as const;

/** A Spanish message for each required field left empty. */
export function missingFields(values: DraftText): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const name of REQUIRED) if (!values[name].trim()) problems[name] = proposalTexts.required[name];
  return problems;
}

/** A problem with the co-author's address before sending it, or null: one «@», something either side, no spaces. */
export function emailProblem(email: string): string | null {
  const value = email.trim();
  if (!value) return proposalTexts.coAuthor.emailRequired;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : proposalTexts.coAuthor.emailInvalid;
}

/** The default order of the list: random while people vote (no proposal gains by its place), otherwise newest. */
export function defaultOrder(currentRoundKind: string | null | undefined): 'RANDOM' | 'NEWEST' {
  return currentRoundKind === 'VOTING' ? 'RANDOM' : 'NEWEST';
}

/** Only http(s) addresses become links; anything else is shown as text. */
export function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}
