import { Module } from '@nestjs/common';
import { featureModules } from './features.js';
import { MailProcessor } from './infrastructure/mail/mail.processor.js';
import { MailTransport } from './infrastructure/mail/mail-transport.js';

/** The BullMQ processors of every feature; loaded by the worker process, and by the API when WORKERS_IN_PROCESS. */
@Module({
  imports: [...featureModules],
  providers: [
    MailProcessor,
    MailTransport,
  ],
})
export class WorkersModule {}
