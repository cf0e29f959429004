import { BullRegistrar } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { assertJobHandlers, type ProcessorHandlers } from './job-handlers.js';
import { JOB_QUEUES } from './jobs.js';

/** Where @nestjs/bullmq's @Processor keeps its options (the constant is not exported by the package). */
const PROCESSOR_METADATA = 'bullmq:processor_metadata';

/**
 * The worker's startup check: finds every @Processor, reads its `jobHandlers`, and refuses to start unless each job
 * of jobs.ts has exactly one handler on its queue. BullMQ's workers are registered only after it passes
 * (`manualRegistration` in queue.module.ts), so a worker with a gap never takes a job.
 */
@Injectable()
export class JobHandlersCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly registrar: BullRegistrar,
  ) {}

  onModuleInit(): void {
    assertJobHandlers(JOB_QUEUES, this.processors());
    this.registrar.register();
  }

  private processors(): ProcessorHandlers[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      const options = wrapper.metatype
        ? (this.reflector.get<{ name?: string } | undefined>(PROCESSOR_METADATA, wrapper.metatype) ?? null)
        : null;
      if (!options?.name || !wrapper.instance) return [];
      const handlers = (wrapper.instance as { jobHandlers?: Record<string, unknown> }).jobHandlers ?? {};
      return [{ processor: String(wrapper.name), queue: options.name, names: Object.keys(handlers) }];
    });
  }
}
