import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { IdentityErrors } from './identity.errors.js';
import { User } from './user.entity.js';

/** Whether an account may take part (propose, vote): its e-mail is verified, or REQUIRE_EMAIL_VERIFICATION=false. */
@Injectable()
export class ParticipationPolicy {
  constructor(private readonly config: AppConfig) {}

  mayTakePart(user: Pick<User, 'emailVerifiedAt'>): boolean {
    return user.emailVerifiedAt !== null || !this.config.auth.requireEmailVerification;
  }

  /** FORBIDDEN / EMAIL_NOT_VERIFIED unless `mayTakePart`. */
  assertMayTakePart(user: Pick<User, 'emailVerifiedAt'>): void {
    if (!this.mayTakePart(user)) throw IdentityErrors.emailNotVerified();
  }
}
