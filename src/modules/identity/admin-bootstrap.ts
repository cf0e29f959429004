import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../infrastructure/database/transactions.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';
import { UsersRepository } from './users.repository.js';

/**
 * With ADMIN_EMAIL and ADMIN_PASSWORD set, the API makes that account a verified platform ADMIN at startup:
 * creates it, or promotes the existing one. Idempotent, and serialised by an advisory lock so processes that
 * start together neither race nor fail. An existing account whose e-mail was never verified may have been
 * registered by someone else, so it also gets ADMIN_PASSWORD and loses its sessions; a verified one keeps
 * the password its owner chose.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly transactions: Transactions,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Worker processes load the same modules but have no HTTP adapter: only the API bootstraps the admin.
    if (!this.adapterHost.httpAdapter) return;
    const admin = this.config.auth.admin;
    if (admin) await this.ensureAdmin(admin.email.trim(), admin.password);
  }

  async ensureAdmin(email: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    const outcome = await this.transactions.run(async (tx) => {
      await this.users.lockAdminBootstrap(tx);
      const user = await this.users.findByEmail(email, tx);
      if (!user) {
        await this.users.insert(tx, {
          email,
          passwordHash,
          displayName: 'Administración',
          platformRole: 'ADMIN',
          emailVerifiedAt: now,
          stateCode: null,
          municipalityCode: null,
        });
        return 'creada';
      }
      if (user.platformRole === 'ADMIN' && user.emailVerifiedAt) return null;
      if (!user.emailVerifiedAt) await this.sessions.revokeAll(tx, user.id);
      await this.users.update(tx, user.id, {
        platformRole: 'ADMIN',
        emailVerifiedAt: user.emailVerifiedAt ?? now,
        passwordHash: user.emailVerifiedAt ? user.passwordHash : passwordHash,
      });
      return 'promovida';
    });
    if (outcome) this.logger.log(`Cuenta de administración inicial ${outcome} (ADMIN_EMAIL).`);
  }
}
