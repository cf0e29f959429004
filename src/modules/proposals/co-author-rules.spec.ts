import { INVITATIONS_PER_DAY, invitationRecipient, withinInvitationQuota } from './co-author-rules.js';

const facts = {
  requireEmailVerification: true,
  authorId: 'author',
  coAuthorIds: ['co'],
  pendingInviteeIds: ['pending'],
  isJuror: false,
};

describe('invitationRecipient', () => {
  it('invites a verified account that does not sign yet and is not already invited', () => {
    expect(invitationRecipient({ id: 'x', emailVerified: true }, facts)).toBe('x');
  });

  it('reaches nobody (same answer to the inviter) for no account, unverified, signers, pending, jurors', () => {
    expect(invitationRecipient(null, facts)).toBeNull();
    expect(invitationRecipient({ id: 'x', emailVerified: false }, facts)).toBeNull();
    expect(invitationRecipient({ id: 'author', emailVerified: true }, facts)).toBeNull();
    expect(invitationRecipient({ id: 'co', emailVerified: true }, facts)).toBeNull();
    expect(invitationRecipient({ id: 'pending', emailVerified: true }, facts)).toBeNull();
    expect(invitationRecipient({ id: 'x', emailVerified: true }, { ...facts, isJuror: true })).toBeNull();
  });

  it('accepts unverified accounts when verification is not required', () => {
    expect(invitationRecipient({ id: 'x', emailVerified: false }, { ...facts, requireEmailVerification: false })).toBe(
      'x',
    );
  });
});

describe('withinInvitationQuota', () => {
  it('allows 20 in any 24 hours and refuses the 21st', () => {
    expect(INVITATIONS_PER_DAY).toBe(20);
    expect(withinInvitationQuota(19)).toBe(true);
    expect(withinInvitationQuota(20)).toBe(false);
  });
});
