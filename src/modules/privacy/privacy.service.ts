import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/domain-error.js';
import { AppConfig } from '../../config/app-config.js';
import { Transactions, type Tx } from '../../infrastructure/database/transactions.js';
import { RateLimiter } from '../../infrastructure/http/rate-limiter.js';
import { Outbox } from '../../infrastructure/outbox/outbox.js';
import { OutboxSubscriptions } from '../../infrastructure/outbox/outbox-subscriptions.js';
import { AuditLog } from '../audit/audit-log.js';
import { GovernmentUnitsService } from '../government-units/government-units.service.js';
import { PasswordHasher } from '../identity/password-hasher.js';
import { deriveKey, derivedOpaqueToken, hashToken } from '../identity/secret-tokens.js';
import { UsersService } from '../identity/users.service.js';
import { FollowsService } from '../notifications/follows.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CoAuthorsService } from '../proposals/co-authors.service.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { downloadState, exportExpiry } from './data-export-link.js';
import { dataExportEmail } from './data-export-email.js';
import { PersonalDataRepository } from './personal-data.repository.js';
import { PrivacyErrors } from './privacy.errors.js';

const EXPORTS_PER_DAY = 5;
const DELETE_ATTEMPTS_PER_15_MIN = 10;

export type Download =
  { state: 'READY'; content: unknown } | { state: 'NOT_FOUND' | 'PENDING' | 'EXPIRED'; content?: undefined };

/** ARCO rights (issue #16): access (a JSON of everything about me, e-mailed as an expiring link) and cancellation. */
@Injectable()
export class PrivacyService implements OnModuleInit {
  private readonly logger = new Logger(PrivacyService.name);
  private readonly key: Buffer;

  constructor(
    private readonly transactions: Transactions,
    private readonly personalData: PersonalDataRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly follows: FollowsService,
    private readonly notifications: NotificationsService,
    private readonly coAuthors: CoAuthorsService,
    private readonly units: GovernmentUnitsService,
    private readonly proposals: ProposalsService,
  ) {
    this.key = deriveKey(config.auth.jwtSecret, 'data-export-token-v1');
  }

  onModuleInit(): void {
    this.subscriptions.subscribe('account.export_requested', ({ payload }) => [
      { name: 'data_export.build', data: { exportId: payload.exportId } },
    ]);
    this.subscriptions.subscribe('account.export_ready', async ({ payload }) => {
      const to = await this.personalData.findEmailRecipient(payload.userId);
      if (!to) return []; // deleted meanwhile: its exports went with it
      const { token } = derivedOpaqueToken(this.key, payload.exportId);
      const message = dataExportEmail(this.config.http.publicUrl, to, token);
      return [{ name: 'mail.send', data: message }];
    });
  }

  /** Records the request (audit + outbox, one transaction); a worker builds the file and e-mails the link. */
  async requestExport(userId: string): Promise<boolean> {
    if (!(await this.limiter.hit(`privacy:export:${userId}`, EXPORTS_PER_DAY, 24 * 3600)))
      throw PrivacyErrors.tooManyExports();
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const account = await this.personalData.lockAccount(tx, userId);
      if (!account || account.deletedAt) throw DomainError.unauthenticated();
      const id = randomUUID();
      await this.personalData.clearExpiredExports(tx, userId, now);
      await this.personalData.insertExport(tx, {
        id,
        userId,
        tokenHash: derivedOpaqueToken(this.key, id).hash,
        requestedAt: now,
      });
      await this.audit.record(tx, {
        action: 'account.export_requested',
        challengeId: null,
        actorId: userId,
        summary: 'Se solicitó la descarga de los datos de la cuenta.',
        data: { exportId: id },
      });
      await this.outbox.add(tx, 'account.export_requested', { userId, exportId: id });
    });
    return true;
  }

  /** The worker's job: idempotent, under the export row's lock; a built export is left as it is. */
  async buildExport(exportId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const row = await this.personalData.lockExport(tx, exportId);
      if (!row || row.readyAt) return;
      const now = this.clock.now();
      const data = await this.personalData.collect(tx, row.userId);
      const content = { generatedAt: now.toISOString(), platform: 'Retos Públicos', ...data };
      await this.personalData.storeExport(tx, exportId, content, now, exportExpiry(now));
      await this.outbox.add(tx, 'account.export_ready', { userId: row.userId, exportId });
    });
  }

  async download(token: string | undefined): Promise<Download> {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: 'NOT_FOUND' };
    const row = await this.personalData.findExportByTokenHash(hashToken(token));
    if (!row) return { state: 'NOT_FOUND' };
    const state = downloadState(row, this.clock.now());
    if (state === 'EXPIRED') {
      if (row.content !== null) await this.personalData.clearExportContent(row.id);
      return { state };
    }
    if (state === 'PENDING' || row.content === null) return { state: 'PENDING' };
    return { state, content: row.content };
  }

  /**
   * Erases the account after checking its password again. Refused (nothing changes) with a wrong password or
   * when the account is the last platform ADMIN or the last ADMIN of a unit.
   */
  async deleteAccount(userId: string, password: string): Promise<boolean> {
    const account = await this.personalData.findAccount(userId);
    if (!account || account.deletedAt) throw DomainError.unauthenticated();
    if (!(await this.limiter.hit(`privacy:delete:${userId}`, DELETE_ATTEMPTS_PER_15_MIN, 900)))
      throw PrivacyErrors.tooManyAttempts();
    if (!(await this.hasher.verify(account.passwordHash, password))) throw PrivacyErrors.wrongPassword();
    await this.transactions.run(async (tx) => {
      const admins = account.platformRole === 'ADMIN' ? await this.personalData.lockPlatformAdmins(tx) : [];
      const locked = await this.personalData.lockAccount(tx, userId);
      if (!locked || locked.deletedAt) throw DomainError.unauthenticated();
      if (locked.passwordHash !== account.passwordHash) throw PrivacyErrors.wrongPassword(); // changed meanwhile
      if (locked.platformRole === 'ADMIN' && admins.filter((id) => id !== userId).length === 0)
        throw PrivacyErrors.lastPlatformAdmin();
      const units = await this.personalData.unitsWhereOnlyAdmin(tx, userId);
      if (units.length) throw PrivacyErrors.lastUnitAdmin(units);
      const now = this.clock.now();
      await this.erase(tx, userId, now);
      await this.audit.record(tx, {
        action: 'account.deleted',
        challengeId: null,
        actorId: userId,
        summary: 'La persona eliminó su cuenta; sus datos personales se borraron.',
      });
      await this.outbox.add(tx, 'account.deleted', { userId });
    });
    this.logger.log(`Cuenta ${userId} eliminada por su titular`);
    return true;
  }

  /**
   * Erases the account's personal data and keeps a tombstone row, so what others rely on (votes, ballots,
   * evaluations, submitted proposals, co-signatures, the jury list, audit events) keeps pointing somewhere
   * and no count changes. Never-submitted drafts are private work and go. Each table is erased by the module
   * that owns it, in `tx`.
   */
  private async erase(tx: Tx, userId: string, now: Date): Promise<void> {
    await this.personalData.deleteExports(tx, userId);
    await this.users.forgetSessions(tx, userId);
    await this.follows.forgetFollower(tx, userId);
    await this.notifications.forgetRecipient(tx, userId);
    await this.coAuthors.forgetInvitations(tx, userId);
    await this.units.leaveAllUnits(tx, userId);
    await this.coAuthors.leaveDrafts(tx, userId);
    await this.proposals.dropDrafts(tx, userId);
    await this.users.leaveTombstone(tx, userId, now);
  }
}
