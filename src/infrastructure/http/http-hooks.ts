import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../../config/app-config.js';
import { MetricsService } from './metrics.service.js';
import { RateLimiter } from './rate-limiter.js';

const RATE_LIMITED_BODY = {
  errors: [
    {
      message: 'Demasiadas solicitudes. Espera un momento e inténtalo de nuevo.',
      extensions: { code: 'RATE_LIMITED' },
    },
  ],
};

/** Request id echoed to the client, per-IP rate limit on the GraphQL endpoint (shared across processes through Redis), request metrics. */
export function installHttpHooks(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const limiter = app.get(RateLimiter);
  const metrics = app.get(MetricsService);
  const { rateLimitPerMinute } = app.get(AppConfig).http;

  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (!request.url.startsWith('/graphql') || request.method === 'OPTIONS') return;
    if (!(await limiter.admit(`ip:${request.ip}`, rateLimitPerMinute, 60))) {
      reply.code(429).header('retry-after', '60').send(RATE_LIMITED_BODY);
    }
  });

  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
}
