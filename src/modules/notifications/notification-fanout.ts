import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config.js';
import { Transactions } from '../../infrastructure/database/transactions.js';
import { MailService } from '../../infrastructure/mail/mail.service.js';
import type { OutboxEvents } from '../../infrastructure/outbox/outbox-events.js';
import { RELAYED_JOB_OPTIONS } from '../../infrastructure/outbox/outbox-relay.js';
import { addJob, type JobPayloads } from '../../infrastructure/queue/jobs.js';
import { FollowsService } from './follows.service.js';
import { LiveEvents } from './live/live-events.js';
import { audiencesOf, type NotifyingEvent } from './notification-audiences.js';
import { notificationEmail } from './notification-emails.js';
import { notificationText, type NotificationFacts } from './notification-texts.js';
import {
  NotificationsRepository,
  type InsertedNotification,
  type NewNotification,
  type StoredNotification,
} from './notifications.repository.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';

/** Recipients per job: a challenge followed by 100 000 people is 100 jobs, none holding more than this in memory. */
export const FANOUT_CHUNK = 1000;

/** One chunk of one event's fan-out (jobs.ts `notification.fanout`), for a notifying event only. */
export type FanoutJob = Omit<JobPayloads['notification.fanout'], 'type' | 'payload'> & {
  type: NotifyingEvent;
  payload: OutboxEvents[NotifyingEvent];
};

/** Deterministic: a chunk re-added by a retried job or relay is the same BullMQ job. */
export const fanoutJobId = (eventId: string, cursor: string | null) => `notify:${eventId}:${cursor ?? 'start'}`;
export const emailJobId = (eventId: string, userId: string) => `notification-email:${eventId}:${userId}`;

/**
 * Fan-out (RULES §8). Each chunk first queues the next one (so chunks run in parallel on every worker), then stores
 * its in-app notifications and owed e-mails in one transaction with ON CONFLICT DO NOTHING, pushes only the rows it
 * inserted, and hands the e-mails not yet queued to the mail queue with deterministic job ids. A chunk that crashes
 * or runs twice therefore neither misses nor repeats anyone.
 */
@Injectable()
export class NotificationFanout {
  private readonly unsubscribe: UnsubscribeTokens;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly follows: FollowsService,
    private readonly transactions: Transactions,
    private readonly live: LiveEvents,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    @InjectQueue('notifications') private readonly queue: Queue,
  ) {
    this.unsubscribe = new UnsubscribeTokens(config.auth.jwtSecret);
  }

  async runChunk(job: FanoutJob): Promise<{ recipients: number; stored: number }> {
    const payload = job.payload as Partial<{
      challengeId: string;
      roundId: string;
      proposalId: string;
      reason: string;
      authorIds: string[];
    }>;
    if (job.type === 'proposal.submitted' && job.cursor === null && payload.challengeId) {
      // Submitting makes the authors and co-authors follow the challenge (RULES §8).
      await this.transactions.run((tx) =>
        this.follows.followManyInTx(tx, payload.authorIds ?? [], payload.challengeId!),
      );
    }
    const challenge = payload.challengeId ? await this.repository.challengeFacts(payload.challengeId) : null;
    const audiences = audiencesOf(job.type, job.payload as never, challenge);
    const recipients = await this.repository.recipients(audiences, job.cursor, FANOUT_CHUNK);
    if (recipients.length === FANOUT_CHUNK) {
      const cursor = recipients[recipients.length - 1].userId;
      await addJob(this.queue, 'notification.fanout', { ...job, cursor } satisfies FanoutJob, {
        ...RELAYED_JOB_OPTIONS,
        jobId: fanoutJobId(job.eventId, cursor),
      });
    }
    if (!recipients.length) return { recipients: 0, stored: 0 };

    const roundTitle = payload.roundId ? await this.repository.roundTitle(payload.roundId) : null;
    const proposalIds = [
      ...new Set([payload.proposalId, ...recipients.map((r) => r.proposalId)].filter((id): id is string => !!id)),
    ];
    const proposalTitles = await this.repository.proposalTitles(proposalIds);
    const facts = (proposalId: string | null): NotificationFacts => ({
      challengeId: payload.challengeId ?? null,
      challengeTitle: challenge?.title ?? null,
      proposalId,
      proposalTitle: proposalId ? (proposalTitles.get(proposalId) ?? null) : null,
      roundTitle,
      reason: payload.reason ?? null,
      ineligible: job.type === 'proposal.ineligible',
    });
    const rows: NewNotification[] = recipients.map((r) => {
      const proposalId = r.proposalId ?? payload.proposalId ?? null;
      const text = notificationText(r.type, facts(proposalId));
      return { ...r, proposalId, title: text.title, body: text.body, challengeId: payload.challengeId ?? null };
    });
    const stored = await this.transactions.run(async (tx) => {
      const inserted = await this.repository.insertInApp(tx, job.eventId, rows);
      await this.repository.insertEmails(tx, job.eventId, rows);
      return inserted;
    });
    await this.push(rows, stored);
    await this.sendEmails(
      job.eventId,
      recipients.map((r) => r.userId),
      facts,
    );
    return { recipients: recipients.length, stored: stored.length };
  }

  /** Pushes the rows this chunk stored to those of their recipients who listen now; the payloads only for them. */
  private push(rows: NewNotification[], stored: InsertedNotification[]): Promise<void> {
    if (!stored.length) return Promise.resolve();
    const byRecipient = new Map(stored.map((n) => [n.recipientId, n]));
    const rowOf = new Map(rows.map((r) => [r.userId, r]));
    return this.live.publishToListeners('notification', [...byRecipient.keys()], (recipientId): StoredNotification => {
      const { id, createdAt } = byRecipient.get(recipientId)!;
      const { type, title, body, challengeId, proposalId } = rowOf.get(recipientId)!;
      return { id, recipientId, type, title, body, challengeId, proposalId, readAt: null, createdAt };
    });
  }

  private async sendEmails(
    eventId: string,
    userIds: string[],
    facts: (proposalId: string | null) => NotificationFacts,
  ): Promise<void> {
    const pending = await this.repository.pendingEmails(eventId, userIds);
    if (!pending.length) return;
    await Promise.all(
      pending.map((p) =>
        this.mail.send(
          notificationEmail({
            to: p.email,
            displayName: p.displayName,
            type: p.type,
            text: notificationText(p.type, facts(p.proposalId)),
            publicUrl: this.config.http.publicUrl,
            unsubscribeToken: this.unsubscribe.issue(p.userId, p.type),
          }),
          { jobId: emailJobId(eventId, p.userId) },
        ),
      ),
    );
    await this.repository.markEmailsQueued(
      eventId,
      pending.map((p) => p.userId),
    );
  }
}
