import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxSubscriptions } from '../../infrastructure/outbox/outbox-subscriptions.js';
import { fanoutJobId, NOTIFICATION_JOBS, type FanoutJob } from './notification-fanout.js';
import { NOTIFYING_EVENTS } from './notification-audiences.js';
import { VOTES_CHANGED_JOB } from './votes-changed.handler.js';

/** Every notifying outbox event starts its fan-out with one job; that job queues the following chunks. */
@Injectable()
export class NotificationsSubscriber implements OnModuleInit {
  constructor(private readonly subscriptions: OutboxSubscriptions) {}

  onModuleInit(): void {
    for (const type of NOTIFYING_EVENTS) {
      this.subscriptions.subscribe(type, (event) => [
        {
          queue: 'notifications',
          name: NOTIFICATION_JOBS.fanout,
          data: { eventId: event.id, type, payload: event.payload, cursor: null } satisfies FanoutJob,
          jobId: fanoutJobId(event.id, null),
        },
      ]);
    }
    this.subscriptions.subscribe('votes.changed', (event) => [
      { queue: 'notifications', name: VOTES_CHANGED_JOB, data: { ...event.payload }, jobId: `votes-${event.id}` },
    ]);
  }
}
