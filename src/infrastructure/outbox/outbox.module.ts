import { Global, Module } from '@nestjs/common';
import { Outbox } from './outbox.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxSubscriptions } from './outbox-subscriptions.js';

/** The relay (OutboxRelay) is not here: only worker processes run it (see WorkersModule). */
@Global()
@Module({
  providers: [Outbox, OutboxSubscriptions, OutboxRepository],
  exports: [Outbox, OutboxSubscriptions, OutboxRepository],
})
export class OutboxModule {}
