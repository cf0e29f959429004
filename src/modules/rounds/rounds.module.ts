import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { RoundClock } from './round-clock.js';
import { RoundClosers } from './round-closers.js';
import { RoundJobsSubscriber } from './round-jobs.subscriber.js';
import { RoundsRepository } from './rounds.repository.js';
import { RoundsResolver } from './rounds.resolver.js';
import { RoundsService } from './rounds.service.js';

/**
 * The round clock (RULES §3); what closing or opening a round of each kind does is the feature's closer
 * (`@ClosesRounds(kind)`) or opener (`@OpensRounds(kind)`), found at startup by RoundClosers.
 * Its processor and sweep scheduler run in worker processes (WorkersModule).
 */
@Module({
  imports: [DiscoveryModule, ChallengesModule],
  providers: [RoundsRepository, RoundClosers, RoundClock, RoundsService, RoundsResolver, RoundJobsSubscriber],
  exports: [RoundsService, RoundClock],
})
export class RoundsModule {}
