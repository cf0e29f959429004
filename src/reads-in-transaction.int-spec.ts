import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../test/support/test-app.js';
import { Transactions, type Tx } from './infrastructure/database/transactions.js';
import { ChallengesRepository } from './modules/challenges/challenges.repository.js';
import { UsersRepository } from './modules/identity/users.repository.js';

/** Reads that services make inside a transaction see that transaction's own uncommitted writes. */
describe('reads inside a transaction', () => {
  let api: TestApp;
  let transactions: Transactions;

  beforeAll(async () => {
    api = await startTestApp();
    transactions = api.app.get(Transactions);
  });

  afterAll(async () => {
    await api?.close();
  });

  /** Runs `work` in a transaction that is rolled back afterwards. */
  async function inRolledBack(work: (tx: Tx) => Promise<void>): Promise<void> {
    const rollback = new Error('rollback');
    await expect(
      transactions.run(async (tx) => {
        await work(tx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  }

  async function insertUser(tx: Tx, curpHash: string | null): Promise<string> {
    const [row] = await tx.query<{ id: string }[]>(
      `INSERT INTO users (email, password_hash, display_name, curp_hash) VALUES ($1, 'x', 'Persona', $2) RETURNING id`,
      [`tx-${Math.random().toString(36).slice(2)}@example.mx`, curpHash],
    );
    return row.id;
  }

  it('UsersRepository.findByCurpHash sees a CURP stored earlier in the same transaction', async () => {
    const users = new UsersRepository(api.app.get(DataSource));
    await inRolledBack(async (tx) => {
      const id = await insertUser(tx, 'curp-hash-in-tx');
      expect((await users.findByCurpHash('curp-hash-in-tx', tx))?.id).toBe(id);
    });
  });

  it('ChallengesRepository.criteriaOf sees criteria written earlier in the same transaction', async () => {
    const challenges = api.app.get(ChallengesRepository, { strict: false });
    await inRolledBack(async (tx) => {
      const adminId = await insertUser(tx, null);
      const [unit] = await tx.query<{ id: string }[]>(
        `INSERT INTO government_units (name, level) VALUES ('Secretaría de prueba', 'FEDERAL') RETURNING id`,
      );
      const [challenge] = await tx.query<{ id: string }[]>(
        `INSERT INTO challenges (unit_id, slug, title, summary, description, category, level, settings, created_by_id)
         VALUES ($1, 'reto-tx', 'Reto', 'Resumen', 'Descripción', 'OTHER', 'FEDERAL', '{}', $2) RETURNING id`,
        [unit.id, adminId],
      );
      await tx.query(
        `INSERT INTO evaluation_criteria (challenge_id, position, name, weight, max_score) VALUES ($1, 1, 'Impacto', 1, 10)`,
        [challenge.id],
      );
      expect((await challenges.criteriaOf([challenge.id], tx)).map((c) => c.name)).toEqual(['Impacto']);
    });
  });

  it('runs every transaction at READ COMMITTED even when the database defaults to SERIALIZABLE', async () => {
    const dataSource = api.app.get(DataSource);
    await dataSource.query(
      `ALTER DATABASE "${api.env.DATABASE_URL.split('/').pop()}" SET default_transaction_isolation = 'serializable'`,
    );
    const fresh = new DataSource({
      ...dataSource.options,
      extra: { ...dataSource.options.extra, max: 1 },
    });
    await fresh.initialize();
    try {
      const level = await new Transactions(fresh).run((tx) =>
        tx.query<{ transaction_isolation: string }[]>('SHOW transaction_isolation'),
      );
      expect(level).toEqual([{ transaction_isolation: 'read committed' }]);
    } finally {
      await fresh.destroy();
    }
  });
});
