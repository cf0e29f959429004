import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { MailService } from '../../infrastructure/mail/mail.service.js';
import { passwordResetEmail, verificationEmail } from './account-emails.js';
import { User } from './user.entity.js';

/**
 * Account e-mails go to the queue after the transaction that created their token has committed (never
 * inside it). If Redis fails at that moment the message is lost, but nothing else is: the account can ask
 * again with resendEmailVerification or requestPasswordReset, so the request itself still succeeds.
 */
@Injectable()
export class AccountMails {
  private readonly logger = new Logger(AccountMails.name);

  constructor(
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  sendVerification(user: User, token: string): Promise<void> {
    return this.enqueue(user, verificationEmail(this.config.http.publicUrl, user, token), 'verificación');
  }

  sendPasswordReset(user: User, token: string): Promise<void> {
    return this.enqueue(user, passwordResetEmail(this.config.http.publicUrl, user, token), 'restablecimiento');
  }

  private async enqueue(user: User, message: Parameters<MailService['send']>[0], kind: string): Promise<void> {
    try {
      await this.mail.send(message);
    } catch (error) {
      // Ids only: the message holds the address and a live token.
      this.logger.warn(`No se pudo encolar el correo de ${kind} de la cuenta ${user.id}: ${(error as Error).message}`);
    }
  }
}
