// Checked in the browser before sending: the API only sees the new password, never its confirmation.
import { accountTexts } from './account-texts';

/** The problem with the confirmation field, or null when it repeats the new password exactly. */
export function confirmationProblem(newPassword: string, confirmation: string): string | null {
  if (!confirmation) return accountTexts.reset.confirmationMissing;
  return confirmation === newPassword ? null : accountTexts.reset.confirmationDiffers;
}
