import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { QueryCounter } from '../database/query-counter.js';
import { DeliveryFailures } from '../queue/delivery-failures.js';
import { QUEUE_NAMES } from '../queue/queue-names.js';

/** Prometheus metrics of this process: HTTP requests, latencies, SQL statements sent and BullMQ queue depths. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests served',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(
    @InjectQueue('rounds') rounds: Queue,
    @InjectQueue('notifications') notifications: Queue,
    @InjectQueue('mail') mail: Queue,
    @InjectQueue('privacy') privacy: Queue,
    failures: DeliveryFailures,
    statements: QueryCounter,
  ) {
    collectDefaultMetrics({ register: this.registry });
    new Counter({
      name: 'sql_statements_total',
      help: 'SQL statements this process sent to PostgreSQL, each a round trip',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(statements.count);
      },
    });
    const queues = [rounds, notifications, mail, privacy];
    new Counter({
      name: 'notification_delivery_failures_total',
      help: 'Notification deliveries (fan-out chunks, e-mails) that failed after every retry',
      labelNames: ['channel'],
      registers: [this.registry],
      async collect() {
        const counts = await failures.counts().catch(() => null);
        if (!counts) return;
        this.reset();
        for (const [channel, n] of Object.entries(counts)) this.inc({ channel }, n);
      },
    });
    new Gauge({
      name: 'queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        const counts = await Promise.all(
          queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => null)),
        );
        counts.forEach((c, i) => {
          if (!c) return;
          for (const [state, n] of Object.entries(c)) this.set({ queue: QUEUE_NAMES[i], state }, n);
        });
      },
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method, route, status });
    this.httpDuration.observe({ method, route }, seconds);
  }
}
