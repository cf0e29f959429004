/** Co-authorship by invitation (RULES §4, issue #16). Pure: no Nest, no TypeORM. */

/** Invitations one person may send in any 24 hours, whether or not the addresses have accounts. */
export const INVITATIONS_PER_DAY = 20;
export const INVITATION_WINDOW_MS = 24 * 3600_000;

/** Who an invitation reaches; `null` when nobody: the inviter still gets the same answer. */
export function invitationRecipient(
  invitee: { id: string; emailVerified: boolean } | null,
  facts: {
    requireEmailVerification: boolean;
    authorId: string;
    coAuthorIds: readonly string[];
    pendingInviteeIds: readonly string[];
    isJuror: boolean;
  },
): string | null {
  if (!invitee) return null;
  if (facts.requireEmailVerification && !invitee.emailVerified) return null;
  if (invitee.id === facts.authorId || facts.coAuthorIds.includes(invitee.id)) return null;
  if (facts.pendingInviteeIds.includes(invitee.id) || facts.isJuror) return null;
  return invitee.id;
}

/** Whether one more invitation fits the inviter's daily quota, given how many they sent in the last 24 h. */
export function withinInvitationQuota(sentInWindow: number): boolean {
  return sentInWindow < INVITATIONS_PER_DAY;
}
