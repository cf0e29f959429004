import { AppConfig } from './app-config.js';
import { ConfigError, parseEnvironment } from './environment.js';

describe('environment', () => {
  it('has working defaults for a local machine (RULES §11)', () => {
    const config = new AppConfig(parseEnvironment({}));
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/retos');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.http.port).toBe(3000);
    expect(config.mail.dir).toBe('var/mail');
    expect(config.auth.requireEmailVerification).toBe(true);
    expect(config.workersInProcess).toBe(true);
    expect(config.graphql.introspection).toBe(true);
    expect(config.rounds.sweepIntervalMs).toBe(30000);
  });

  it('runs workers apart and hides introspection in production by default', () => {
    const config = new AppConfig(parseEnvironment({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }));
    expect(config.workersInProcess).toBe(false);
    expect(config.graphql.introspection).toBe(false);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/retos' }, /^DATABASE_URL: /],
    [{ REDIS_URL: 'localhost:6379' }, /^REDIS_URL: /],
    [{ PORT: 'tres mil' }, /^PORT: /],
    [{ WORKERS_IN_PROCESS: 'quizá' }, /^WORKERS_IN_PROCESS: /],
    [{ NODE_ENV: 'production' }, /^JWT_SECRET: /],
    [{ ROUND_SWEEP_INTERVAL_MS: '120000' }, /^ROUND_SWEEP_INTERVAL_MS: /],
    [{ OUTBOX_POLL_INTERVAL_MS: '50' }, /^OUTBOX_POLL_INTERVAL_MS: /],
  ])('names the variable in one line when %j is wrong', (env, message) => {
    expect(() => parseEnvironment(env)).toThrow(ConfigError);
    expect(() => parseEnvironment(env)).toThrow(message);
  });

  it('reads booleans the way people write them', () => {
    expect(parseEnvironment({ REQUIRE_EMAIL_VERIFICATION: 'false' }).REQUIRE_EMAIL_VERIFICATION).toBe(false);
    expect(parseEnvironment({ WORKERS_IN_PROCESS: 'true' }).WORKERS_IN_PROCESS).toBe(true);
  });
});
