import { Module } from '@nestjs/common';
import { featureModules } from './features.js';
import { MailProcessor } from './infrastructure/mail/mail.processor.js';
import { MailTransport } from './infrastructure/mail/mail-transport.js';
import { NotificationsProcessor } from './modules/notifications/notifications.processor.js';
import { OutboxRelay } from './infrastructure/outbox/outbox-relay.js';
import { RoundSweepScheduler } from './modules/rounds/round-sweep.scheduler.js';
import { RoundsProcessor } from './modules/rounds/rounds.processor.js';
import { PrivacyProcessor } from './modules/privacy/privacy.processor.js';

/** The BullMQ processors of every feature; loaded by the worker process, and by the API when WORKERS_IN_PROCESS. */
@Module({
  imports: [...featureModules],
  providers: [
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
