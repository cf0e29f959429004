import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { DeliveryFailures } from './delivery-failures.js';
import { QUEUE_NAMES } from './queue-names.js';

const queues = QUEUE_NAMES.map((name) => ({ name }));

/** BullMQ on the configured Redis; every key under REDIS_PREFIX so deployments and test runs never meet. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redis.url, maxRetriesPerRequest: null },
        prefix: `${config.redis.prefix}:bull`,
      }),
      // Workers start only once JobHandlersCheck found a handler for every job (worker processes only).
      extraOptions: { manualRegistration: true },
    }),
    BullModule.registerQueue(...queues),
  ],
  providers: [DeliveryFailures],
  exports: [BullModule, DeliveryFailures],
})
export class QueueModule {}
