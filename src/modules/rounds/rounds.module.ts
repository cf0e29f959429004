import { Module } from '@nestjs/common';
import { RoundClock } from './round-clock.js';
import { RoundLifecycleHooks } from './round-hooks.js';
import { RoundJobsSubscriber } from './round-jobs.subscriber.js';
import { RoundsLoaders } from './rounds.loaders.js';
import { RoundsRepository } from './rounds.repository.js';
import { RoundsResolver } from './rounds.resolver.js';
import { RoundsService } from './rounds.service.js';

/** The round clock (RULES §3). Its processor and sweep scheduler run in worker processes (WorkersModule). */
@Module({
  providers: [RoundsRepository, RoundLifecycleHooks, RoundClock, RoundsService, RoundsLoaders, RoundsResolver, RoundJobsSubscriber],
  exports: [RoundsService, RoundsLoaders, RoundClock, RoundLifecycleHooks],
})
export class RoundsModule {}
