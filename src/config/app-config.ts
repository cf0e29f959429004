import { Environment } from './environment.js';

const DEVELOPMENT_JWT_SECRET = 'retos-publicos-development-secret-not-for-production';

/** Typed configuration groups derived from the validated environment. */
export class AppConfig {
  readonly production: boolean;
  readonly databaseUrl: string;
  readonly redis: { url: string; prefix: string };
  readonly http: {
    port: number;
    publicUrl: string;
    corsOrigins: string[] | '*';
    rateLimitPerMinute: number;
    loginFailuresPerAddress: number;
    trustProxy: boolean;
  };
  readonly graphql: { introspection: boolean; wsRecheckMs: number };
  readonly auth: {
    jwtSecret: string;
    requireEmailVerification: boolean;
    admin: { email: string; password: string } | null;
  };
  readonly mail: { smtpUrl: string | null; dir: string };
  readonly web: { distDir: string };
  readonly workersInProcess: boolean;
  /** SEED_DEMO: load the demo data after startup. */
  readonly seedDemo: boolean;
  readonly logLevel: string;
  readonly rounds: { sweepIntervalMs: number };
  readonly outbox: { pollIntervalMs: number };

  constructor(env: Environment) {
    this.production = env.NODE_ENV === 'production';
    this.databaseUrl = env.DATABASE_URL;
    this.redis = { url: env.REDIS_URL, prefix: env.REDIS_PREFIX };
    const origins = env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    this.http = {
      port: env.PORT,
      publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
      corsOrigins: origins.includes('*') ? '*' : origins,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      loginFailuresPerAddress: env.LOGIN_FAILURES_PER_ADDRESS,
      trustProxy: env.TRUST_PROXY ?? false,
    };
    this.graphql = {
      introspection: env.GRAPHQL_INTROSPECTION ?? !this.production,
      wsRecheckMs: env.WS_SESSION_RECHECK_MS,
    };
    this.auth = {
      jwtSecret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
      requireEmailVerification: env.REQUIRE_EMAIL_VERIFICATION ?? true,
      admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null,
    };
    this.mail = { smtpUrl: env.SMTP_URL ?? null, dir: env.MAIL_DIR };
    this.web = { distDir: env.WEB_DIST_DIR };
    this.workersInProcess = env.WORKERS_IN_PROCESS ?? !this.production;
    this.seedDemo = env.SEED_DEMO;
    this.logLevel = env.LOG_LEVEL;
    this.rounds = { sweepIntervalMs: env.ROUND_SWEEP_INTERVAL_MS };
    this.outbox = { pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS };
    this.outbox = { pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS };
  }
}
