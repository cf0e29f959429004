import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { RateLimiter } from './rate-limiter.js';

@Global()
@Module({
  controllers: [HealthController, MetricsController],
  providers: [MetricsService, RateLimiter],
  exports: [MetricsService, RateLimiter],
})
export class HttpModule {}
