import { LoggerService } from '@nestjs/common';
import { pino, Logger } from 'pino';

/** Never log secrets or personal data (RULES §9): these paths are replaced wherever they appear. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.curp',
  '*.email',
  '*.*.password',
  '*.*.newPassword',
  '*.*.token',
  '*.*.refreshToken',
  '*.*.curp',
  '*.*.email',
  'variables',
  '*.variables',
];

/** Request lines without the query string: links such as unsubscribe or verification carry tokens there. */
const serializers = {
  req: (req: { id?: string; method?: string; url?: string }) => ({
    id: req.id,
    method: req.method,
    path: req.url?.split('?')[0],
  }),
};

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: REDACTED_PATHS, censor: '[oculto]' },
    serializers,
    base: { service: 'retos-publicos' },
  });
}

/** Nest's logger interface on top of pino, so framework and app logs share one JSON stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
