import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxSubscriptions } from '../../infrastructure/outbox/outbox-subscriptions.js';
import { fanoutJobId, type FanoutJob } from './notification-fanout.js';
import { NOTIFYING_EVENTS } from './notification-audiences.js';

/** Every notifying outbox event starts its fan-out with one job; that job queues the following chunks. */
@Injectable()
export class NotificationsSubscriber implements OnModuleInit {
  constructor(private readonly subscriptions: OutboxSubscriptions) {}

  onModuleInit(): void {
    for (const type of NOTIFYING_EVENTS) {
      this.subscriptions.subscribe(type, (event) => [
        {
          name: 'notification.fanout',
          data: { eventId: event.id, type, payload: event.payload, cursor: null } satisfies FanoutJob,
          jobId: fanoutJobId(event.id, null),
        },
      ]);
    }
    this.subscriptions.subscribe('votes.changed', (event) => [
      { name: 'votes.changed', data: { ...event.payload }, jobId: `votes-${event.id}` },
    ]);
  }
}
