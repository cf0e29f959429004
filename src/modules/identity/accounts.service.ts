import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { normalizeEmail } from '../../common/email.js';
import { AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../infrastructure/database/transactions.js';
import { RateLimiter } from '../../infrastructure/http/rate-limiter.js';
import { AccountMails } from './account-mails.js';
import { AccountTokensRepository } from './account-tokens.repository.js';
import { curpBirthDate, validateCurp } from './curp.js';
import { AccountLookupModel } from './dto/account-lookup.model.js';
import { AuthPayload } from './dto/auth-payload.model.js';
import { LoginInput } from './dto/login.input.js';
import { PublicUserModel } from './dto/public-user.model.js';
import { RegisterInput } from './dto/register.input.js';
import { UpdateProfileInput } from './dto/update-profile.input.js';
import { ViewerModel } from './dto/viewer.model.js';
import { IdentityErrors } from './identity.errors.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { ResidenceChecker } from './residence.js';
import { curpHash, deriveKey, hashToken } from './secret-tokens.js';
import { SessionsService } from './sessions.service.js';
import type { PlatformRole, User } from './user.entity.js';
import { UserPatch, UsersRepository } from './users.repository.js';

/** Account e-mails one address or account can trigger per hour, so nobody can flood an inbox through us. */
const MAILS_PER_HOUR = 5;

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);
  private readonly curpKey: Buffer;

  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly accountTokens: AccountTokensRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly limiter: RateLimiter,
    private readonly residence: ResidenceChecker,
    private readonly mails: AccountMails,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.curpKey = deriveKey(config.auth.jwtSecret, 'curp-hash-v1');
  }

  async viewer(userId: string): Promise<ViewerModel> {
    return ViewerModel.from(await this.existing(userId));
  }

  /** A new account, signed in at once; its e-mail still needs verifying. EMAIL_TAKEN comes from the unique index. */
  async register(input: RegisterInput): Promise<AuthPayload> {
    const residence = this.residence.check(input.stateCode, input.municipalityCode);
    const passwordHash = await this.hasher.hash(input.password);
    const { user, refreshToken } = await this.transactions.run(async (tx) => {
      const user = await this.users.insert(tx, {
        email: input.email,
        passwordHash,
        displayName: input.displayName,
        ...residence,
      });
      await this.mails.issue(tx, user.id, 'EMAIL_VERIFICATION', this.clock.now());
      return { user, refreshToken: await this.sessions.open(tx, user.id) };
    });
    return this.sessions.payload(user, refreshToken);
  }

  /** Unknown e-mail and wrong password give the same error after the same argon2 work. */
  login(input: LoginInput, ip: string): Promise<AuthPayload> {
    return this.throttle.attempt(input.email, ip, async () => {
      const user = await this.users.findByEmail(input.email);
      if (!(await this.hasher.verify(user?.passwordHash, input.password)) || !user)
        throw IdentityErrors.invalidCredentials();
      const refreshToken = await this.transactions.run((tx) => this.sessions.open(tx, user.id));
      return this.sessions.payload(user, refreshToken);
    });
  }

  async verifyEmail(token: string): Promise<ViewerModel> {
    const now = this.clock.now();
    const user = await this.transactions.run(async (tx) => {
      const userId = await this.accountTokens.consume(tx, 'EMAIL_VERIFICATION', hashToken(token), now);
      if (!userId) throw IdentityErrors.invalidEmailToken();
      const user = await this.users.findById(userId, tx);
      if (user && !user.emailVerifiedAt) await this.users.update(tx, userId, { emailVerifiedAt: now });
      return user;
    });
    return this.viewer(user!.id);
  }

  /** A fresh link (older ones stop working). Already verified: nothing to send. */
  async resendEmailVerification(userId: string): Promise<boolean> {
    const user = await this.existing(userId);
    if (user.emailVerifiedAt) return true;
    if (!(await this.limiter.hit(`mail:verify:${user.id}`, MAILS_PER_HOUR, 3600)))
      throw IdentityErrors.mailRateLimited();
    await this.transactions.run(async (tx) => {
      await this.accountTokens.retireAll(tx, user.id, 'EMAIL_VERIFICATION', this.clock.now());
      await this.mails.issue(tx, user.id, 'EMAIL_VERIFICATION', this.clock.now());
    });
    return true;
  }

  /**
   * Always true, whether or not the address has an account, after the same work either way: the account
   * lookup, token and mail request are one statement (no enumeration, not even by timing).
   */
  async requestPasswordReset(rawEmail: string): Promise<boolean> {
    const email = normalizeEmail(rawEmail);
    if (!(await this.limiter.hit(`mail:reset:${hashToken(email)}`, MAILS_PER_HOUR, 3600))) return true;
    await this.transactions.run((tx) => this.mails.issueResetByEmail(tx, email, this.clock.now()));
    return true;
  }

  /**
   * Sets the new password and ends every session of the account. The link arrived by e-mail, which proves
   * the address too, so an unverified e-mail becomes verified.
   */
  async resetPassword(token: string, newPassword: string): Promise<boolean> {
    const passwordHash = await this.hasher.hash(newPassword);
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const userId = await this.accountTokens.consume(tx, 'PASSWORD_RESET', hashToken(token), now);
      if (!userId) throw IdentityErrors.invalidEmailToken();
      const user = await this.users.findById(userId, tx);
      await this.users.update(tx, userId, { passwordHash, emailVerifiedAt: user?.emailVerifiedAt ?? now });
      await this.accountTokens.retireAll(tx, userId, 'PASSWORD_RESET', now);
      await this.sessions.revokeAll(tx, userId);
    });
    return true;
  }

  async updateProfile(userId: string, input: UpdateProfileInput): Promise<ViewerModel> {
    const patch: UserPatch = {};
    if (input.displayName != null) patch.displayName = input.displayName;
    if (input.anonymousInPublic != null) patch.anonymousInPublic = input.anonymousInPublic;
    if (input.stateCode !== undefined || input.municipalityCode !== undefined) {
      Object.assign(patch, this.residence.check(input.stateCode, input.municipalityCode));
    }
    await this.existing(userId);
    if (Object.keys(patch).length) await this.transactions.run((tx) => this.users.update(tx, userId, patch));
    return this.viewer(userId);
  }

  /** Stores only an HMAC of the CURP. One CURP per account and one account per CURP (CURP_TAKEN). */
  async verifyCurp(userId: string, input: string): Promise<ViewerModel> {
    const result = validateCurp(input);
    if (!result.ok) throw IdentityErrors.invalidCurp(result.problem);
    if (curpBirthDate(result.curp) > this.clock.now())
      throw IdentityErrors.invalidCurp('La fecha de nacimiento de la CURP está en el futuro.');
    const hash = curpHash(this.curpKey, result.curp);
    await this.transactions.run(async (tx) => {
      const user = await this.users.findByIdForUpdate(tx, userId);
      if (!user) throw DomainError.unauthenticated();
      if (user.curpHash === hash) return;
      if (user.curpHash) throw IdentityErrors.anotherCurpVerified();
      if (await this.users.findByCurpHash(hash, tx)) throw IdentityErrors.curpTakenElsewhere();
      await this.users.update(tx, userId, { curpHash: hash, curpVerifiedAt: this.clock.now() });
    });
    return this.viewer(userId);
  }

  /**
   * Platform ADMINs only (checked by the resolver's guard, and again under the lock). Nobody changes their own
   * role, and the platform always keeps one ADMIN: role changes are serialised on the ADMIN rows, so two
   * ADMINs demoting each other at once cannot both succeed.
   */
  async setPlatformRole(actorId: string, userId: string, role: PlatformRole): Promise<PublicUserModel> {
    if (actorId === userId) throw IdentityErrors.ownRole();
    const user = await this.transactions.run(async (tx) => {
      const admins = await this.users.lockPlatformAdmins(tx);
      if (!admins.includes(actorId)) throw DomainError.forbidden();
      const user = await this.users.findByIdForUpdate(tx, userId);
      if (!user) throw DomainError.notFound('La cuenta');
      if (user.platformRole === role) return user;
      if (user.platformRole === 'ADMIN' && admins.length <= 1) throw IdentityErrors.lastPlatformAdmin();
      await this.users.update(tx, userId, { platformRole: role });
      this.logger.log(`Rol de plataforma de ${userId}: ${user.platformRole} → ${role} (por ${actorId})`);
      return user;
    });
    return { id: user.id, displayName: user.displayName };
  }

  /** A platform admin finds an account by its exact e-mail to give it a role; every lookup is logged. */
  async lookUpByEmail(actorId: string, email: string): Promise<AccountLookupModel | null> {
    const user = await this.users.findByEmail(email);
    this.logger.log(`Búsqueda de cuenta por correo (por ${actorId}): ${user ? user.id : 'sin resultado'}`);
    if (!user) return null;
    return { id: user.id, displayName: user.displayName, email: user.email, platformRole: user.platformRole };
  }

  private async existing(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw DomainError.unauthenticated();
    return user;
  }
}
