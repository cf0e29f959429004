import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { assertHandlers } from '../../infrastructure/queue/job-handlers.js';
import { PRIVACY_JOBS, PrivacyService } from './privacy.service.js';

/** The `privacy` queue's one processor (worker processes only): builds data exports. */
@Processor('privacy')
export class PrivacyProcessor extends WorkerHost implements OnModuleInit {
  private readonly handlers: Record<string, (job: Job) => Promise<unknown>> = {
    [PRIVACY_JOBS.buildExport]: (job) => this.privacy.buildExport((job.data as { exportId: string }).exportId),
  };

  constructor(private readonly privacy: PrivacyService) {
    super();
  }

  onModuleInit(): void {
    assertHandlers('privacy', Object.values(PRIVACY_JOBS), this.handlers);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name];
    if (!handler) throw new Error(`Trabajo desconocido en la cola privacy: ${job.name}`);
    return handler(job);
  }
}
