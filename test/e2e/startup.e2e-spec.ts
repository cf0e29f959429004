import { jest } from '@jest/globals';
import { loadConfig, prepareInfrastructure, runOrExit } from '../../src/bootstrap.js';
import { ConfigError } from '../../src/config/environment.js';
import { sqlClient } from '../support/test-database.js';
import { databaseUrl, runId } from '../setup/test-run.js';

describe('startup', () => {
  it('creates a missing database and runs every migration into it', async () => {
    const url = databaseUrl(`retos_t_${runId()}_fresh`);
    await prepareInfrastructure(loadConfig({ DATABASE_URL: url }));
    const sql = await sqlClient(url);
    try {
      const { rows } = await sql.query('SELECT count(*)::int AS n FROM municipalities');
      expect(rows[0].n).toBe(2478);
      const applied = await sql.query('SELECT count(*)::int AS n FROM schema_migrations');
      expect(applied.rows[0].n).toBeGreaterThan(0);
    } finally {
      await sql.end();
    }
    await prepareInfrastructure(loadConfig({ DATABASE_URL: url })); // idempotent
  });

  it('stops with one line naming DATABASE_URL when PostgreSQL cannot be reached', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/retos' });
    await expect(prepareInfrastructure(config)).rejects.toThrow(ConfigError);
    await expect(prepareInfrastructure(config)).rejects.toThrow(/^DATABASE_URL: .*127\.0\.0\.1:1/);
  });

  it('stops with one line naming REDIS_URL when Redis cannot be reached', async () => {
    const config = loadConfig({
      DATABASE_URL: databaseUrl(`retos_t_${runId()}_fresh`),
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    await expect(prepareInfrastructure(config)).rejects.toThrow(/^REDIS_URL: /);
  });

  it('the entry points print that line alone, without a stack trace, and exit 1', async () => {
    const written: string[] = [];
    const write = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk) => (written.push(String(chunk)), true));
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      await runOrExit(async () =>
        prepareInfrastructure(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/retos' })),
      );
      expect(exit).toHaveBeenCalledWith(1);
    } finally {
      write.mockRestore();
      exit.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^retos-publicos: DATABASE_URL: [^\n]*\n$/);
  });
});
