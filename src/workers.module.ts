import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { featureModules } from './features.js';
import { MailProcessor } from './infrastructure/mail/mail.processor.js';
import { MailTransport } from './infrastructure/mail/mail-transport.js';
import { NotificationsProcessor } from './modules/notifications/notifications.processor.js';
import { OutboxRelay } from './infrastructure/outbox/outbox-relay.js';
import { JobHandlersCheck } from './infrastructure/queue/job-handlers.check.js';
import { RoundSweepScheduler } from './modules/rounds/round-sweep.scheduler.js';
import { RoundsProcessor } from './modules/rounds/rounds.processor.js';
import { PrivacyProcessor } from './modules/privacy/privacy.processor.js';

/**
 * The BullMQ processors of every feature; loaded by the worker process, and by the API when WORKERS_IN_PROCESS.
 * JobHandlersCheck starts BullMQ's workers once every job of jobs.ts has exactly one handler (or fails the start).
 */
@Module({
  imports: [...featureModules, DiscoveryModule],
  providers: [
    JobHandlersCheck,
    MailProcessor,
    MailTransport,
    OutboxRelay,
    NotificationsProcessor,
    RoundsProcessor,
    RoundSweepScheduler,
    PrivacyProcessor,
  ],
})
export class WorkersModule {}
