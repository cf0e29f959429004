import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
};
/** "true"/"1"/"yes" and "false"/"0"/"no"; anything else stays a string, so validation names it. */
const toBool = ({ value }: { value: unknown }) => BOOLEAN_WORDS[String(value).toLowerCase()] ?? value;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** The process environment as the service reads it (RULES §11). The only reader of process.env. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/[A-Za-z0-9_-]+(\?.*)?$/, {
    message: 'DATABASE_URL debe ser una URL postgres://usuario@host:puerto/base',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/retos';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL debe ser una URL redis://host:puerto' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key this deployment writes (queues, rate limits, pub/sub). */
  @Matches(/^[A-Za-z0-9_:-]{1,40}$/, { message: 'REDIS_PREFIX admite letras, números, _, : y -' })
  REDIS_PREFIX = 'retos';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET debe tener al menos 32 caracteres' })
  JWT_SECRET?: string;

  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_URL debe ser una URL http(s)' })
  PUBLIC_URL = 'http://localhost:3000';

  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL debe ser una URL smtp://' })
  SMTP_URL?: string;

  @IsString()
  MAIL_DIR = 'var/mail';

  /** The built web app (`npm run build:web`); the API serves it at `/` when its index.html exists. */
  @IsString()
  WEB_DIST_DIR = 'dist/web';

  @IsOptional()
  @IsString()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  REQUIRE_EMAIL_VERIFICATION?: boolean;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  WORKERS_IN_PROCESS?: boolean;

  /** Load the demo data (units, accounts, challenges in every phase) after startup; idempotent. Demos only. */
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO = false;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  /** How often a signed-in WebSocket re-checks its token and session (closed with 4401 once either ends). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300000)
  WS_SESSION_RECHECK_MS = 30000;

  /** Behind a load balancer that sets X-Forwarded-For: take the client IP from it (rate limits). Off: a client could spoof it. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  TRUST_PROXY?: boolean;

  /** Comma-separated origins allowed by CORS; empty: same-origin only; "*": any. */
  @IsString()
  CORS_ORIGINS = '';

  /** Requests per minute and client IP accepted on /graphql, across all API processes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * Failed sign-ins accepted from one client address in 15 minutes, over all accounts. High on purpose: a
   * school, an office or a carrier's NAT shares one address, and successful sign-ins never count.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_ADDRESS = 300;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** How often the round clock's sweep opens and closes overdue rounds (RULES §3: at most every 60 s). */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(60000)
  ROUND_SWEEP_INTERVAL_MS = 30000;

  /** How often the outbox relay looks for unpublished rows without a NOTIFY (the NOTIFY wakes it at once, for every event but votes.changed). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3600000)
  OUTBOX_POLL_INTERVAL_MS = 1000;
}

export class ConfigError extends Error {}

/** Validates the environment; throws a ConfigError whose message names the first bad variable. */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const [first] = validateSync(env, { whitelist: false });
  if (first) {
    const message = Object.values(first.constraints ?? {})[0] ?? 'valor inválido';
    throw new ConfigError(`${first.property}: ${message}`);
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new ConfigError('JWT_SECRET: es obligatoria en producción');
  }
  return env;
}
