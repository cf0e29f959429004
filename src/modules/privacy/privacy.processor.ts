import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { type HandlesJobs, type JobHandlers, runJob } from '../../infrastructure/queue/jobs.js';
import { PrivacyService } from './privacy.service.js';

/** The `privacy` queue's one processor (worker processes only): builds data exports. */
@Processor('privacy')
export class PrivacyProcessor extends WorkerHost implements HandlesJobs<'privacy'> {
  readonly jobHandlers: JobHandlers<'privacy'> = {
    'data_export.build': (data) => this.privacy.buildExport(data.exportId),
  };

  constructor(private readonly privacy: PrivacyService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    return runJob('privacy', this.jobHandlers, job);
  }
}
