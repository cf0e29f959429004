import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config.js';
import { Tx } from '../../infrastructure/database/transactions.js';
import type { MailMessage } from '../../infrastructure/mail/mail-message.js';
import { Outbox } from '../../infrastructure/outbox/outbox.js';
import { OutboxSubscriptions } from '../../infrastructure/outbox/outbox-subscriptions.js';
import { passwordResetEmail, verificationEmail } from './account-emails.js';
import { AccountTokenPurpose } from './account-token.entity.js';
import { AccountTokensRepository, NewAccountToken } from './account-tokens.repository.js';
import { deriveKey, derivedOpaqueToken } from './secret-tokens.js';
import { UsersRepository } from './users.repository.js';

const HOUR_MS = 3600 * 1000;
const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  EMAIL_VERIFICATION: 48 * HOUR_MS,
  PASSWORD_RESET: HOUR_MS,
};

/**
 * Account e-mails (verification and reset links) go through the outbox like every other message: the
 * request writes the token row and an `account.mail_requested` event in its transaction and answers at
 * once, whatever Redis does; after commit the relay asks this subscriber for the mail job. The event holds
 * only ids: the link's token is a keyed hash of the token row's id, derived again here.
 */
@Injectable()
export class AccountMails implements OnModuleInit {
  private readonly key: Buffer;

  constructor(
    private readonly subscriptions: OutboxSubscriptions,
    private readonly outbox: Outbox,
    private readonly users: UsersRepository,
    private readonly accountTokens: AccountTokensRepository,
    private readonly config: AppConfig,
  ) {
    this.key = deriveKey(config.auth.jwtSecret, 'account-mail-token-v1');
  }

  onModuleInit(): void {
    this.subscriptions.subscribe('account.mail_requested', async ({ payload }) => {
      const user = await this.users.findById(payload.userId);
      if (!user) return [];
      const { token } = derivedOpaqueToken(this.key, payload.tokenId);
      const render = payload.purpose === 'PASSWORD_RESET' ? passwordResetEmail : verificationEmail;
      const message: MailMessage = render(this.config.http.publicUrl, user, token);
      return [{ name: 'mail.send', data: message }];
    });
  }

  /** A fresh link for the account, mailed after `tx` commits. */
  async issue(tx: Tx, userId: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
    const row = this.tokenRow(userId, purpose, now);
    await this.accountTokens.insert(tx, row);
    await this.outbox.add(tx, 'account.mail_requested', { userId, tokenId: row.id, purpose });
  }

  /**
   * A reset link for the account with this (normalised) address, if there is one. One statement whether or
   * not the account exists, so the answer takes the same work either way (issue #16: no timing oracle).
   */
  issueResetByEmail(tx: Tx, email: string, now: Date): Promise<void> {
    return this.accountTokens.issueResetByEmail(tx, email, this.tokenRow(null, 'PASSWORD_RESET', now));
  }

  private tokenRow<U extends string | null>(userId: U, purpose: AccountTokenPurpose, now: Date) {
    const id = randomUUID();
    return {
      id,
      userId,
      purpose,
      tokenHash: derivedOpaqueToken(this.key, id).hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
    } satisfies Omit<NewAccountToken, 'userId'> & { userId: U };
  }
}
